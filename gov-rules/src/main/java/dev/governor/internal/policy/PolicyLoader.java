package dev.governor.internal.policy;

import dev.governor.api.GovernanceException;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.api.Risk;
import dev.governor.api.Severity;
import dev.governor.api.Durations;
import dev.governor.input.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads {@code governance.yml} (spec: formats.md) into a {@link Policy}, failing closed: every
 * problem is a {@link GovernanceException} naming the file, the 1-based line and what to do.
 *
 * <pre>{@code
 * Policy policy = PolicyLoader.load(repo.resolve("governance.yml"), "governance.yml");
 * PolicyLoader.parse("hotspots: {count: 2}\n", "governance.yml");
 * // GovernanceException: governance.yml:1: unknown key 'hotspots' under root (did you mean 'hotspot'?)
 * }</pre>
 *
 * <p>Safety: the YAML is only composed into a node graph, never constructed into objects, so no tag
 * can instantiate a type; tags other than the plain YAML ones are refused. Input is bounded before
 * and while reading: at most 1 MiB, at most {@value #MAX_COLLECTION_ALIASES} aliases to lists or maps
 * (so an alias bomb fails at once), at most {@value #MAX_NESTING} levels deep. SnakeYAML's
 * {@code Yaml.compose} builds the same {@link Composer} used here; it is built by hand only to know
 * the line of the alias or node that crosses a limit, which SnakeYAML reports without one. Duplicate
 * keys are checked here, because composing (unlike constructing) does not check them.
 *
 * <p>Decisions beyond formats.md:
 * <ul>
 *   <li>An empty file, or one holding only comments, gives {@link Policy#defaults()} (with this
 *       file's name and hash).</li>
 *   <li>A key with no value ({@code branch:}) is an error, not the default: remove the key instead.</li>
 *   <li>{@code layers: []} is an error: it would switch every built-in rule off, which governance
 *       that fails closed should not allow by accident. Remove the key to get all five layers.</li>
 *   <li>Booleans are {@code true} or {@code false} only (not YAML 1.1's {@code yes}/{@code on}).</li>
 *   <li>Scalars are read by their text, so {@code count: "3"} is 3, and a gate named {@code 2fa} is a
 *       string.</li>
 *   <li>Paths ({@code adr.dirs}, {@code contracts.registry}, {@code ruleDirs}) must be relative and
 *       must not leave the repository with {@code ..}, so a policy cannot point outside its repo.</li>
 *   <li>Durations follow {@link Durations}: no {@code m} shorthand, positive, at most 100 years.</li>
 * </ul>
 */
public final class PolicyLoader {
    /** Largest policy accepted, in bytes (and so in code points). */
    static final int MAX_BYTES = 1 << 20;
    /** Aliases to lists or maps allowed per file: enough for sharing a gate list, too few for a bomb. */
    static final int MAX_COLLECTION_ALIASES = 20;
    /** Nesting allowed: the schema needs four levels (root, rules, a rule, its values). */
    static final int MAX_NESTING = 20;

    private static final List<String> ROOT_KEYS = List.of("branch", "services", "intent", "hotspot", "release",
            "learning", "layers", "adr", "contracts", "rules", "ruleDirs", "since");
    private static final List<String> INTENT_KEYS = List.of("inferFromConventionalCommits");
    private static final List<String> HOTSPOT_KEYS = List.of("count", "window", "scope");
    private static final List<String> RELEASE_KEYS = List.of("requiredGates", "independentReviewFrom");
    private static final List<String> LEARNING_KEYS = List.of("minRelativeChange", "minSamples");
    private static final List<String> ADR_KEYS = List.of("dirs");
    private static final List<String> CONTRACTS_KEYS = List.of("registry");
    private static final List<String> RULE_KEYS = List.of("severity", "enabled");

    private static final Pattern RULE_ID = Pattern.compile("^[a-z][a-z0-9-]*\\.[a-z0-9.-]+$");
    private static final Pattern WHOLE = Pattern.compile("\\+?[0-9]{1,10}");
    private static final Pattern DECIMAL = Pattern.compile("\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.TIMESTAMP, Tag.SEQ, Tag.MAP);

    private PolicyLoader() {
    }

    /** Loads a policy file, naming it in messages by its path as given. */
    public static Policy load(Path file) {
        return load(file, file.toString());
    }

    /**
     * Loads a policy file.
     *
     * @param file        the {@code governance.yml} to read
     * @param displayName what messages and the report call it, such as {@code governance.yml}
     * @throws GovernanceException when the file cannot be read or is not a valid policy
     */
    public static Policy load(Path file, String displayName) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(displayName, size);
            }
            // Read at most one byte past the limit, in case the file grew since it was measured.
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new GovernanceException(displayName, 0, "no such file: check the path of the policy", e);
        } catch (IOException e) {
            throw new GovernanceException(displayName, 0,
                    "cannot read the policy (" + e.getClass().getSimpleName() + "): check that it is a readable file", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(displayName, bytes.length);
        }
        return parse(decode(bytes, displayName), bytes, displayName);
    }

    /**
     * Parses policy text; its hash is that of its UTF-8 bytes.
     *
     * @param yaml        the contents of a {@code governance.yml}
     * @param displayName what messages and the report call it, such as {@code governance.yml}
     * @throws GovernanceException when the text is not a valid policy
     */
    public static Policy parse(String yaml, String displayName) {
        if (yaml.length() > MAX_BYTES) {
            throw tooLarge(displayName, yaml.getBytes(StandardCharsets.UTF_8).length);
        }
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(displayName, bytes.length);
        }
        return parse(yaml, bytes, displayName);
    }

    private static Policy parse(String text, byte[] bytes, String displayName) {
        Node root = compose(text, displayName);
        return new Reader(displayName).policy(root, sha256(bytes));
    }

    private static GovernanceException tooLarge(String displayName, long size) {
        return new GovernanceException(displayName, 0, "the file is larger than 1 MiB (" + size
                + " bytes): a policy is a few dozen lines, check that this is the right file");
    }

    private static String decode(byte[] bytes, String displayName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new GovernanceException(displayName, line, "the file is not valid UTF-8: save it as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Node compose(String text, String displayName) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMergeOnCompose(false);
        // The inspector only guards construction, which never happens here; the Reader refuses every
        // tag but the plain YAML ones itself, with a message naming the key.
        options.setTagInspector(tag -> true);
        RecordingParser parser = new RecordingParser(new ParserImpl(new StreamReader(text), options));
        try {
            return new Composer(parser, new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getContext() == null ? e.getProblem()
                    : e.getProblem() == null ? e.getContext() : e.getContext() + ", " + e.getProblem();
            return fail(displayName, mark == null ? parser.line() : mark.getLine() + 1,
                    "invalid YAML: " + oneLine(problem) + "; fix the syntax (indentation, quotes, brackets)");
        } catch (ReaderException e) {
            return fail(displayName, lineAt(text, e.getPosition()), String.format(Locale.ROOT,
                    "the character U+%04X is not allowed in YAML: remove it", e.getCodePoint()));
        } catch (YAMLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("Number of aliases for non-scalar nodes")) {
                return fail(displayName, parser.line(), "more than " + MAX_COLLECTION_ALIASES
                        + " aliases to lists or maps (is this an alias bomb?): write the values out instead");
            }
            if (message.startsWith("Nesting Depth exceeded")) {
                return fail(displayName, parser.line(), "nested more than " + MAX_NESTING
                        + " levels deep: a policy needs at most 4, check the indentation");
            }
            if (message.contains("exceeds the limit")) {
                throw tooLarge(displayName, text.getBytes(StandardCharsets.UTF_8).length);
            }
            return fail(displayName, parser.line(), "invalid YAML: " + oneLine(message) + "; fix the syntax");
        }
    }

    private static Node fail(String displayName, int line, String problem) {
        throw new GovernanceException(displayName, line, problem);
    }

    private static String oneLine(String text) {
        return text == null ? "unreadable input" : text.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** 1-based line of a code point index. */
    private static int lineAt(String text, int codePointIndex) {
        int line = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < codePointIndex; i = text.offsetByCodePoints(i, 1), seen++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Remembers the last event the composer looked at, to place errors that carry no mark. */
    private static final class RecordingParser implements Parser {
        private final Parser delegate;
        private Event last;

        RecordingParser(Parser delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            boolean is = delegate.checkEvent(choice);
            remember(delegate.peekEvent());
            return is;
        }

        @Override
        public Event peekEvent() {
            return remember(delegate.peekEvent());
        }

        @Override
        public Event getEvent() {
            return remember(delegate.getEvent());
        }

        private Event remember(Event event) {
            if (event != null) {
                last = event;
            }
            return event;
        }

        int line() {
            return last == null || last.getStartMark() == null ? 0 : last.getStartMark().getLine() + 1;
        }
    }

    /** Walks the node graph along the schema of formats.md; it never follows a shape it does not expect. */
    private static final class Reader {
        private final String file;

        Reader(String file) {
            this.file = file;
        }

        Policy policy(Node root, String sha256) {
            Policy d = Policy.defaults();
            if (root == null || isNull(root)) {
                return new Policy(file, sha256, d.branch(), d.services(), d.intent(), d.hotspot(), d.release(),
                        d.learning(), d.layers(), d.adr(), d.contracts(), d.rules(), d.ruleDirs(), d.since());
            }
            checkTag(root, "the top level");
            if (!(root instanceof MappingNode map)) {
                throw error(root, "the top level must be a map of keys like 'hotspot:', found " + describe(root));
            }
            String branch = d.branch();
            List<String> services = d.services();
            Policy.Intent intent = d.intent();
            Policy.Hotspot hotspot = d.hotspot();
            Policy.Release release = d.release();
            Policy.Learning learning = d.learning();
            Set<Layer> layers = d.layers();
            Policy.Adrs adr = d.adr();
            Policy.Contracts contracts = d.contracts();
            Map<String, Policy.RuleSetting> rules = d.rules();
            List<String> ruleDirs = d.ruleDirs();
            LocalDate since = d.since();
            for (Map.Entry<String, NodeTuple> e : entries(map, "root", ROOT_KEYS).entrySet()) {
                String key = e.getKey();
                Node keyNode = e.getValue().getKeyNode();
                Node value = e.getValue().getValueNode();
                switch (key) {
                    case "branch" -> branch = string(keyNode, value, "branch");
                    case "services" -> services = strings(keyNode, value, "services", false);
                    case "intent" -> intent = intent(keyNode, value);
                    case "hotspot" -> hotspot = hotspot(keyNode, value);
                    case "release" -> release = release(keyNode, value);
                    case "learning" -> learning = learning(keyNode, value);
                    case "layers" -> layers = layers(keyNode, value);
                    case "adr" -> adr = adr(keyNode, value);
                    case "contracts" -> contracts = contracts(keyNode, value);
                    case "rules" -> rules = rules(keyNode, value);
                    case "ruleDirs" -> ruleDirs = paths(keyNode, value, "ruleDirs");
                    case "since" -> since = date(keyNode, value, "since");
                    default -> throw new IllegalStateException("key checked above: " + key);
                }
            }
            return new Policy(file, sha256, branch, services, intent, hotspot, release, learning, layers, adr,
                    contracts, rules, ruleDirs, since);
        }

        private Policy.Intent intent(Node keyNode, Node value) {
            NodeTuple infer = only(map(keyNode, value, "intent"), "intent", INTENT_KEYS, "inferFromConventionalCommits");
            return infer == null ? Policy.defaults().intent() : new Policy.Intent(
                    bool(infer.getKeyNode(), infer.getValueNode(), "intent.inferFromConventionalCommits"));
        }

        private Policy.Hotspot hotspot(Node keyNode, Node value) {
            Policy.Hotspot d = Policy.Hotspot.DEFAULT;
            int count = d.count();
            Duration window = d.window();
            Policy.Hotspot.Scope scope = d.scope();
            for (Map.Entry<String, NodeTuple> e : entries(map(keyNode, value, "hotspot"), "hotspot", HOTSPOT_KEYS)
                    .entrySet()) {
                Node k = e.getValue().getKeyNode();
                Node v = e.getValue().getValueNode();
                switch (e.getKey()) {
                    case "count" -> count = whole(k, v, "hotspot.count");
                    case "window" -> window = duration(k, v, "hotspot.window");
                    default -> scope = scope(k, v);
                }
            }
            return new Policy.Hotspot(count, window, scope);
        }

        private Policy.Hotspot.Scope scope(Node keyNode, Node value) {
            String text = scalar(keyNode, value, "hotspot.scope", "file or directory");
            for (Policy.Hotspot.Scope scope : Policy.Hotspot.Scope.values()) {
                if (scope.id().equals(text)) {
                    return scope;
                }
            }
            throw error(value, "bad scope '" + text + "' for hotspot.scope: use file or directory");
        }

        private Policy.Release release(Node keyNode, Node value) {
            Policy.Release d = Policy.Release.DEFAULT;
            List<String> gates = d.requiredGates();
            Risk from = d.independentReviewFrom();
            for (Map.Entry<String, NodeTuple> e : entries(map(keyNode, value, "release"), "release", RELEASE_KEYS)
                    .entrySet()) {
                Node k = e.getValue().getKeyNode();
                Node v = e.getValue().getValueNode();
                if (e.getKey().equals("requiredGates")) {
                    gates = strings(k, v, "release.requiredGates", false);
                } else {
                    String text = scalar(k, v, "release.independentReviewFrom", "low, medium, high or critical");
                    from = Risk.parse(text);
                    if (from == null) {
                        throw error(v, "bad risk '" + text
                                + "' for release.independentReviewFrom: use low, medium, high or critical");
                    }
                }
            }
            return new Policy.Release(gates, from);
        }

        private Policy.Learning learning(Node keyNode, Node value) {
            Policy.Learning d = Policy.Learning.DEFAULT;
            double minRelativeChange = d.minRelativeChange();
            int minSamples = d.minSamples();
            for (Map.Entry<String, NodeTuple> e : entries(map(keyNode, value, "learning"), "learning", LEARNING_KEYS)
                    .entrySet()) {
                Node k = e.getValue().getKeyNode();
                Node v = e.getValue().getValueNode();
                if (e.getKey().equals("minRelativeChange")) {
                    minRelativeChange = fraction(k, v, "learning.minRelativeChange");
                } else {
                    minSamples = whole(k, v, "learning.minSamples");
                }
            }
            return new Policy.Learning(minRelativeChange, minSamples);
        }

        private Set<Layer> layers(Node keyNode, Node value) {
            List<Node> items = list(keyNode, value, "layers");
            if (items.isEmpty()) {
                throw error(value, "layers is empty, which would switch off every built-in rule: list at least one of "
                        + "intent, contract, change, release or learning, or remove the key for all five");
            }
            Set<Layer> layers = EnumSet.noneOf(Layer.class);
            for (Node item : items) {
                String text = scalar(keyNode, item, "an entry of layers", "intent, contract, change, release or learning");
                Layer layer = Layer.parse(text);
                if (layer == null) {
                    throw error(item, "bad layer '" + text
                            + "' in layers: use intent, contract, change, release or learning");
                }
                if (!layers.add(layer)) {
                    throw error(item, "layer '" + text + "' is listed twice in layers: list each layer once");
                }
            }
            return layers;
        }

        private Policy.Adrs adr(Node keyNode, Node value) {
            NodeTuple dirs = only(map(keyNode, value, "adr"), "adr", ADR_KEYS, "dirs");
            return dirs == null ? Policy.Adrs.DEFAULT
                    : new Policy.Adrs(paths(dirs.getKeyNode(), dirs.getValueNode(), "adr.dirs"));
        }

        private Policy.Contracts contracts(Node keyNode, Node value) {
            NodeTuple registry = only(map(keyNode, value, "contracts"), "contracts", CONTRACTS_KEYS, "registry");
            return registry == null ? Policy.Contracts.DEFAULT
                    : new Policy.Contracts(path(registry.getKeyNode(), registry.getValueNode(), "contracts.registry"));
        }

        private Map<String, Policy.RuleSetting> rules(Node keyNode, Node value) {
            Map<String, Policy.RuleSetting> rules = new LinkedHashMap<>();
            for (Map.Entry<String, NodeTuple> e : entries(map(keyNode, value, "rules"), "rules", null).entrySet()) {
                String id = e.getKey();
                Node idNode = e.getValue().getKeyNode();
                if (!RULE_ID.matcher(id).matches()) {
                    throw error(idNode, "bad rule id '" + id
                            + "' under rules: use <layer>.<name> in lower case, like intent.tactical-hotspot");
                }
                String where = "rules." + id;
                Severity severity = null;
                boolean enabled = true;
                Node ruleValue = e.getValue().getValueNode();
                for (Map.Entry<String, NodeTuple> s : entries(map(idNode, ruleValue, where), where, RULE_KEYS)
                        .entrySet()) {
                    Node k = s.getValue().getKeyNode();
                    Node v = s.getValue().getValueNode();
                    if (s.getKey().equals("severity")) {
                        String text = scalar(k, v, where + ".severity", "blocking, warning or info");
                        severity = Severity.parse(text);
                        if (severity == null) {
                            throw error(v, "bad severity '" + text + "' for " + where
                                    + ": use blocking, warning or info");
                        }
                    } else {
                        enabled = bool(k, v, where + ".enabled");
                    }
                }
                rules.put(id, new Policy.RuleSetting(severity, enabled));
            }
            return rules;
        }

        // ---- shapes -------------------------------------------------------------------------------

        /**
         * The entries of a map by key, in order; keys must be plain names, appear once and, when
         * {@code known} is given, be one of them.
         */
        private Map<String, NodeTuple> entries(MappingNode map, String where, List<String> known) {
            Map<String, NodeTuple> entries = new LinkedHashMap<>();
            for (NodeTuple tuple : map.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (keyNode.getTag().equals(Tag.MERGE)) {
                    throw error(keyNode, "merge keys (<<) are not supported under " + where + ": write the keys out");
                }
                checkTag(keyNode, "a key under " + where);
                if (!(keyNode instanceof ScalarNode scalar) || isNull(keyNode)) {
                    throw error(keyNode, "keys under " + where + " must be plain names, found " + describe(keyNode));
                }
                String key = scalar.getValue();
                if (known != null && !known.contains(key)) {
                    String suggestion = Suggestions.closest(key, known);
                    throw error(keyNode, "unknown key '" + key + "' under " + where + (suggestion != null
                            ? " (did you mean '" + suggestion + "'?)"
                            : ": use " + String.join(", ", known)));
                }
                NodeTuple earlier = entries.putIfAbsent(key, tuple);
                if (earlier != null) {
                    throw error(keyNode, "duplicate key '" + key + "' under " + where + " (first on line "
                            + line(earlier.getKeyNode()) + "): keep one");
                }
            }
            return entries;
        }

        /** The entry of the single key of a one-key map, or {@code null} when the map is empty. */
        private NodeTuple only(MappingNode map, String where, List<String> known, String key) {
            return entries(map, where, known).get(key);
        }

        private MappingNode map(Node keyNode, Node value, String path) {
            present(keyNode, value, path);
            if (value instanceof MappingNode map) {
                return map;
            }
            throw error(value, path + " must be a map of keys, found " + describe(value));
        }

        private List<Node> list(Node keyNode, Node value, String path) {
            present(keyNode, value, path);
            if (value instanceof SequenceNode list) {
                return list.getValue();
            }
            throw error(value, path + " must be a list like [a, b], found " + describe(value));
        }

        /** The text of a non-empty scalar; {@code expected} says what belongs there. */
        private String scalar(Node keyNode, Node value, String path, String expected) {
            present(keyNode, value, path);
            if (value instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            throw error(value, path + " must be a single value (" + expected + "), found " + describe(value));
        }

        /** A key without a value (or with an empty one) is a mistake, not a request for the default. */
        private void present(Node keyNode, Node value, String path) {
            checkTag(value, path);
            if (isNull(value) || value instanceof ScalarNode s && s.getValue().isBlank()) {
                Node at = keyNode == value ? value : keyNode;
                throw error(at, path + " has no value: give one or remove "
                        + (path.startsWith("an entry") ? "the entry" : "the key to use the default"));
            }
        }

        private void checkTag(Node node, String path) {
            Tag tag = node.getTag();
            if (!PLAIN_TAGS.contains(tag)) {
                String shown = tag.getValue().startsWith(Tag.PREFIX)
                        ? "!!" + tag.getValue().substring(Tag.PREFIX.length()) : tag.getValue();
                throw error(node, "unsupported tag '" + shown + "' on " + path + ": remove it, a policy is plain YAML");
            }
        }

        // ---- values -------------------------------------------------------------------------------

        private String string(Node keyNode, Node value, String path) {
            return scalar(keyNode, value, path, "a string");
        }

        private List<String> strings(Node keyNode, Node value, String path, boolean paths) {
            List<String> out = new ArrayList<>();
            for (Node item : list(keyNode, value, path)) {
                out.add(paths ? path(item, item, "an entry of " + path)
                        : scalar(item, item, "an entry of " + path, "a string"));
            }
            return out;
        }

        private List<String> paths(Node keyNode, Node value, String path) {
            return strings(keyNode, value, path, true);
        }

        /** A path relative to the repository root that stays inside it. */
        private String path(Node keyNode, Node value, String path) {
            String text = scalar(keyNode, value, path, "a relative path");
            String normal = text.replace('\\', '/');
            if (normal.startsWith("/") || normal.matches("[A-Za-z]:.*")) {
                throw error(value, "bad path '" + text + "' for " + where(path)
                        + ": use a path relative to the repository root, like docs/adr");
            }
            for (String segment : normal.split("/")) {
                if (segment.equals("..")) {
                    throw error(value, "bad path '" + text + "' for " + where(path)
                            + ": stay inside the repository (no '..')");
                }
            }
            return text;
        }

        private static String where(String path) {
            return path.startsWith("an entry of ") ? path.substring("an entry of ".length()) : path;
        }

        private boolean bool(Node keyNode, Node value, String path) {
            String text = scalar(keyNode, value, path, "true or false");
            return switch (text) {
                case "true", "True", "TRUE" -> true;
                case "false", "False", "FALSE" -> false;
                default -> throw error(value, "bad boolean '" + text + "' for " + path + ": use true or false");
            };
        }

        private int whole(Node keyNode, Node value, String path) {
            String text = scalar(keyNode, value, path, "a whole number");
            long n = WHOLE.matcher(text).matches() ? Long.parseLong(text) : 0;
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw error(value, "bad number '" + text + "' for " + path + ": use a whole number of at least 1");
            }
            return (int) n;
        }

        private double fraction(Node keyNode, Node value, String path) {
            String text = scalar(keyNode, value, path, "a number");
            double n = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : -1;
            if (!(n >= 0) || Double.isInfinite(n)) {
                throw error(value, "bad number '" + text + "' for " + path + ": use a number of at least 0, like 0.1");
            }
            return n;
        }

        private Duration duration(Node keyNode, Node value, String path) {
            String text = scalar(keyNode, value, path, "a duration like 7d");
            try {
                return Durations.parse(text, " for " + path);
            } catch (IllegalArgumentException e) {
                throw error(value, e.getMessage());
            }
        }

        private LocalDate date(Node keyNode, Node value, String path) {
            String text = scalar(keyNode, value, path, "a date like 2026-01-01");
            try {
                if (DATE.matcher(text).matches()) {
                    return LocalDate.parse(text);
                }
            } catch (DateTimeParseException e) {
                // falls through to the message below, which says what a date looks like
            }
            throw error(value, "bad date '" + text + "' for " + path + ": use YYYY-MM-DD, like 2026-01-01");
        }

        // ---- messages -----------------------------------------------------------------------------

        private static boolean isNull(Node node) {
            return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
        }

        private static String describe(Node node) {
            if (node instanceof MappingNode) {
                return "a map";
            }
            if (node instanceof SequenceNode) {
                return "a list";
            }
            return "'" + ((ScalarNode) node).getValue() + "'";
        }

        private static int line(Node node) {
            Mark mark = node.getStartMark();
            return mark == null ? 0 : mark.getLine() + 1;
        }

        private GovernanceException error(Node node, String problem) {
            return new GovernanceException(file, line(node), problem);
        }
    }
}
