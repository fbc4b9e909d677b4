package dev.governor.internal.policy;

import dev.governor.api.GovernanceException;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.api.Severity;
import dev.governor.input.Format;
import dev.governor.input.Limits;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.input.NullNode;
import dev.governor.input.StructuredInput;
import dev.governor.input.Suggestions;
import dev.governor.internal.engine.Packs;
import dev.governor.pack.SectionReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code governance.yml} (spec: formats.md) into a {@link Policy}, failing closed: every problem is a
 * {@link GovernanceException} naming the file, the 1-based line and what to do. The loader knows only the
 * core keys ({@code branch}, {@code layers}, {@code rules}, {@code ruleDirs}, {@code since}); every other
 * top-level key is a section of a pack, read by that pack's {@link SectionReader}, and an unknown key is
 * refused with a suggestion drawn from the keys of every pack loaded. The YAML itself is read by gov-input's
 * {@link StructuredInput}, safely and within {@link Limits#POLICY}.
 *
 * <pre>{@code
 * Policy policy = PolicyLoader.load(repo.resolve("governance.yml"), "governance.yml", packs);
 * PolicyLoader.parse("hotspots: {count: 2}\n", "governance.yml", packs);
 * // GovernanceException: governance.yml:1: unknown key 'hotspots' under root (did you mean 'hotspot'?)
 * }</pre>
 *
 * <p>Decisions beyond formats.md:
 * <ul>
 *   <li>An empty file, or one holding only comments, gives {@link Policy#defaults()} (with this file's
 *       name and hash).</li>
 *   <li>A key with no value ({@code branch:}) is an error, not the default: remove the key instead.</li>
 *   <li>{@code layers: []} is an error: it would switch every built-in rule off, which governance that
 *       fails closed should not allow by accident. Remove the key to get every pack.</li>
 *   <li>Paths ({@code ruleDirs}, and the packs' paths) must be relative and must not leave the
 *       repository with {@code ..}, so a policy cannot point outside its repository.</li>
 *   <li>A rule id under {@code rules:} must be one a loaded rule has; that is checked once the rules are
 *       compiled (Governor.Builder.build()), with this file's line.</li>
 * </ul>
 */
public final class PolicyLoader {
    private static final Pattern RULE_ID = Pattern.compile("^[a-z][a-z0-9-]*\\.[a-z0-9.-]+$");

    private PolicyLoader() {
    }

    /**
     * Loads a policy file.
     *
     * @param file        the {@code governance.yml} to read
     * @param displayName what messages and the report call it, such as {@code governance.yml}
     * @param packs       the packs whose sections the file may hold
     * @throws GovernanceException when the file cannot be read or is not a valid policy
     */
    public static Policy load(Path file, String displayName, Packs packs) {
        if (!Files.exists(file)) {
            throw new GovernanceException(displayName, 0, "no such file: check the path of the policy");
        }
        // the reader bounds the size before reading; the hash is then taken of the bytes it accepted
        Node root = StructuredInput.read(file, displayName, Format.YAML, Limits.POLICY);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(Limits.POLICY.maxBytes() + 1);
        } catch (NoSuchFileException e) {
            throw new GovernanceException(displayName, 0, "no such file: check the path of the policy", e);
        } catch (IOException e) {
            throw new GovernanceException(displayName, 0,
                    "cannot read the policy (" + e.getClass().getSimpleName() + "): check that it is a readable file", e);
        }
        return read(root, bytes, displayName, packs);
    }

    /**
     * Parses policy text; its hash is that of its UTF-8 bytes.
     *
     * @throws GovernanceException when the text is not a valid policy
     */
    public static Policy parse(String yaml, String displayName, Packs packs) {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        return read(StructuredInput.parse(bytes, Format.YAML, displayName, Limits.POLICY), bytes, displayName, packs);
    }

    private static Policy read(Node root, byte[] bytes, String displayName, Packs packs) {
        Policy.Builder policy = Policy.builder().source(displayName, sha256(bytes));
        if (root instanceof NullNode) {
            return policy.build();
        }
        Map<String, SectionReader<?>> sections = new LinkedHashMap<>();
        for (String id : layerOrder(packs)) {
            packs.get(id).orElseThrow().sections().forEach(s -> sections.put(s.section().key(), s));
        }
        List<String> known = new ArrayList<>(Packs.CORE_KEYS);
        known.addAll(sections.keySet());
        MapNode map = root.asMap().only(known);
        for (String key : map.keys()) {
            Node value = map.get(key);
            switch (key) {
                case "branch" -> policy.branch(value.asString());
                case "layers" -> policy.layers(layers(value, packs));
                case "rules" -> rules(value, policy);
                case "ruleDirs" -> policy.ruleDirs(value.asList().items().stream().map(Node::asRelativePath).toList());
                case "since" -> policy.since(value.asDate());
                default -> section(sections.get(key), value, policy);
            }
        }
        return policy.build();
    }

    private static <T> void section(SectionReader<T> reader, Node value, Policy.Builder policy) {
        policy.section(reader.section(), reader.read().apply(value));
    }

    /** Pack ids as people read them: the five layers in report order, then other packs by id. */
    private static List<String> layerOrder(Packs packs) {
        List<String> ids = new ArrayList<>(packs.ids());
        ids.sort(Comparator.comparing((String id) -> Layer.parse(id) == null ? Integer.MAX_VALUE : Layer.parse(id).ordinal())
                .thenComparing(id -> id));
        return ids;
    }

    private static Set<String> layers(Node value, Packs packs) {
        List<String> ids = layerOrder(packs);
        String choices = choices(ids);
        List<Node> items = value.asList().items();
        if (items.isEmpty()) {
            throw value.error("layers is empty, which would switch off every built-in rule: list at least one of "
                    + choices + ", or remove the key for all of them");
        }
        Set<String> layers = new LinkedHashSet<>();
        for (Node item : items) {
            String id = item.asString();
            if (!ids.contains(id)) {
                String near = Suggestions.closest(id, ids);
                throw item.error("bad layer '" + id + "' in layers" + (near != null ? " (did you mean '" + near + "'?)" : "")
                        + ": use " + choices);
            }
            if (!layers.add(id)) {
                throw item.error("layer '" + id + "' is listed twice in layers: list each layer once");
            }
        }
        return layers;
    }

    private static void rules(Node value, Policy.Builder policy) {
        MapNode rules = value.asMap();
        for (String id : rules.keys()) {
            Node setting = rules.get(id);
            int line = rules.keyLine(id);
            if (!RULE_ID.matcher(id).matches()) {
                throw new GovernanceException(setting.source(), line, "bad rule id '" + id
                        + "' under rules: use <layer>.<name> in lower case, like intent.tactical-hotspot");
            }
            MapNode map = setting.asMap().only(List.of("severity", "enabled"));
            Severity severity = SectionReader.value(map, "severity",
                    n -> n.asChoice("severity", Severity.class, Severity::id), null);
            boolean enabled = SectionReader.value(map, "enabled", Node::asBoolean, true);
            policy.rule(id, new Policy.RuleSetting(severity, enabled, line));
        }
    }

    /** {@code a, b or c}. */
    private static String choices(List<String> ids) {
        if (ids.size() < 2) {
            return String.join("", ids);
        }
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
