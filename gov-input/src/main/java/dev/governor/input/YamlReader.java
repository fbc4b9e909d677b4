package dev.governor.input;

import dev.governor.api.GovernanceException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML to {@link Node}s: composed by SnakeYAML into its node graph, never constructed into objects,
 * then walked once into our nodes with their paths. {@code Yaml.compose} builds the same
 * {@link Composer}; it is built by hand only to know the line of the alias or node that crosses a
 * limit, which SnakeYAML reports without one. Tags, merge keys, non-scalar keys and duplicate keys
 * are checked in the walk, because composing (unlike constructing) does not check them.
 */
final class YamlReader {
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.TIMESTAMP, Tag.SEQ, Tag.MAP);

    private final String source;
    private final Limits limits;
    /** The lines of the aliases, in the order of the file, which is the order the walk meets them. */
    private final List<Integer> aliasLines;
    /** Values met again through aliases so far, and how many may be: see {@link #node}. */
    private long repeated;
    private final long repeatable;
    private int aliasesMet;
    /** How deep the walk is inside values met again, and the line of the alias it entered them by. */
    private int expanding;
    private int aliasLine;
    private final Set<org.yaml.snakeyaml.nodes.Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<org.yaml.snakeyaml.nodes.Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlReader(String source, Limits limits, String text, List<Integer> aliasLines) {
        this.source = source;
        this.limits = limits;
        this.repeatable = text.length();
        this.aliasLines = aliasLines;
    }

    /** The document in {@code text}; an empty one (or only comments) is a {@link NullNode} on line 1. */
    static Node read(String text, String source, Limits limits) {
        List<Integer> aliasLines = new ArrayList<>();
        org.yaml.snakeyaml.nodes.Node root = compose(text, source, limits, aliasLines);
        if (root == null) {
            return new NullNode(source, 1, "");
        }
        return new YamlReader(source, limits, text, aliasLines).node(root, "", line(root), 1);
    }

    private static org.yaml.snakeyaml.nodes.Node compose(String text, String source, Limits limits,
                                                         List<Integer> aliasLines) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(limits.maxBytes());
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        // Both are SnakeYAML's defaults, said here because the walk relies on them: a recursive key
        // would be refused as not a plain name anyway, and merge keys must stay keys to be refused.
        options.setAllowRecursiveKeys(false);
        options.setMergeOnCompose(false);
        // The inspector only guards construction, which never happens here; the walk below refuses
        // every tag but the plain YAML ones itself, with a message naming the key.
        options.setTagInspector(tag -> true);
        RecordingParser parser = new RecordingParser(new ParserImpl(new StreamReader(text), options), aliasLines);
        try {
            return new Composer(parser, new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getContext() == null ? e.getProblem()
                    : e.getProblem() == null ? e.getContext() : e.getContext() + ", " + e.getProblem();
            throw new GovernanceException(source, mark == null ? parser.line() : mark.getLine() + 1,
                    "invalid YAML: " + StructuredInput.oneLine(problem) + "; fix the syntax (indentation, quotes, brackets)");
        } catch (ReaderException e) {
            throw new GovernanceException(source, lineAt(text, e.getPosition()), String.format(Locale.ROOT,
                    "the character U+%04X is not allowed in YAML: remove it", e.getCodePoint()));
        } catch (YAMLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("Number of aliases for non-scalar nodes")) {
                throw new GovernanceException(source, parser.line(), "more than " + limits.maxAliases()
                        + " aliases to lists or maps (is this an alias bomb?): write the values out instead");
            }
            if (message.startsWith("Nesting Depth exceeded")) {
                throw nested(source, parser.line(), limits);
            }
            if (message.startsWith("The incoming YAML document exceeds the limit")) {
                // not reached through StructuredInput, which measures the bytes first (never fewer than code points)
                throw StructuredInput.tooLarge(source, limits, "more than " + limits.maxBytes() + " characters");
            }
            throw new GovernanceException(source, parser.line(), "invalid YAML: " + StructuredInput.oneLine(message)
                    + "; fix the syntax");
        }
    }

    static GovernanceException nested(String source, int line, Limits limits) {
        return new GovernanceException(source, line, "nested more than " + limits.maxDepth()
                + " levels deep: flatten it, or check the indentation and brackets");
    }

    /** 1-based line of a code point index (SnakeYAML counts code points, Java strings count chars). */
    private static int lineAt(String text, int codePointIndex) {
        int end = text.offsetByCodePoints(0, codePointIndex);
        return 1 + (int) text.chars().limit(end).filter(c -> c == '\n').count();
    }

    /**
     * One composed node as ours. {@code line} is the node's own line, or its key's for a key without
     * a value; {@code depth} counts lists and maps from 1 at the top, through aliases too.
     *
     * <p>A node met again was reached through an alias. SnakeYAML bounds aliases to lists and maps,
     * but even 20 of them can repeat a large list a thousandfold; so aliases may repeat at most as many
     * values as the file has characters, which is as large as the file could be with the values written
     * out.
     */
    private Node node(org.yaml.snakeyaml.nodes.Node n, String path, int line, int depth) {
        checkTag(n, path.isEmpty() ? "the top level" : path);
        boolean again = !seen.add(n);
        if (again) {
            if (expanding == 0) {
                aliasLine = aliasLines.get(aliasesMet++);
            }
            if (++repeated > repeatable) {
                throw new GovernanceException(source, aliasLine, "aliases repeat more values than the file has"
                        + " characters (is this an alias bomb?): write the values out instead");
            }
            expanding++;
        }
        Node node = build(n, path, line, depth);
        if (again) {
            expanding--;
        }
        return node;
    }

    private Node build(org.yaml.snakeyaml.nodes.Node n, String path, int line, int depth) {
        if (n instanceof MappingNode map) {
            enter(n, depth);
            Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
            for (NodeTuple tuple : map.getValue()) {
                org.yaml.snakeyaml.nodes.Node keyNode = tuple.getKeyNode();
                String key = key(keyNode, path);
                int keyLine = seen.add(keyNode) || expanding > 0 ? line(keyNode) : aliasLines.get(aliasesMet++);
                MapNode.Entry earlier = entries.get(key);
                if (earlier != null) {
                    throw new GovernanceException(source, keyLine, "duplicate key '" + key + "' under "
                            + MapNode.under(path) + " (first on line " + earlier.keyLine() + "): keep one");
                }
                org.yaml.snakeyaml.nodes.Node value = tuple.getValueNode();
                entries.put(key, new MapNode.Entry(keyLine, node(value, MapNode.child(path, key),
                        isNull(value) ? keyLine : line(value), depth + 1)));
            }
            open.remove(n);
            return new MapNode(source, line, path, entries);
        }
        if (n instanceof SequenceNode list) {
            enter(n, depth);
            List<Node> items = new ArrayList<>();
            for (org.yaml.snakeyaml.nodes.Node item : list.getValue()) {
                items.add(node(item, ListNode.item(path, items.size()), line(item), depth + 1));
            }
            open.remove(n);
            return new ListNode(source, line, path, items);
        }
        org.yaml.snakeyaml.nodes.ScalarNode scalar = (org.yaml.snakeyaml.nodes.ScalarNode) n;
        return isNull(scalar) ? new NullNode(source, line, path) : new ScalarNode(source, line, path, scalar.getValue());
    }

    /** Bounds the depth again, since aliases nest what SnakeYAML counted once, and refuses a value inside itself. */
    private void enter(org.yaml.snakeyaml.nodes.Node n, int depth) {
        int at = expanding > 0 ? aliasLine : line(n);
        if (!open.add(n)) {
            throw new GovernanceException(source, at, "the alias *" + n.getAnchor()
                    + " is used inside its own value: write the values out instead");
        }
        if (depth > limits.maxDepth()) {
            throw nested(source, at, limits);
        }
    }

    /** The text of a key, which must be a plain name. */
    private String key(org.yaml.snakeyaml.nodes.Node keyNode, String path) {
        String under = MapNode.under(path);
        if (keyNode.getTag().equals(Tag.MERGE)) {
            throw new GovernanceException(source, line(keyNode), "merge keys (<<) are not supported under " + under
                    + ": write the keys out");
        }
        checkTag(keyNode, "a key under " + under);
        if (!(keyNode instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar) || isNull(keyNode)) {
            throw new GovernanceException(source, line(keyNode), "keys under " + under + " must be plain names, found "
                    + describe(keyNode));
        }
        return scalar.getValue();
    }

    private void checkTag(org.yaml.snakeyaml.nodes.Node node, String where) {
        Tag tag = node.getTag();
        if (!PLAIN_TAGS.contains(tag)) {
            String shown = tag.getValue().startsWith(Tag.PREFIX)
                    ? "!!" + tag.getValue().substring(Tag.PREFIX.length()) : tag.getValue();
            throw new GovernanceException(source, line(node), "unsupported tag '" + shown + "' on " + where
                    + ": remove it, Governor reads plain YAML only");
        }
    }

    private static boolean isNull(org.yaml.snakeyaml.nodes.Node node) {
        return node instanceof org.yaml.snakeyaml.nodes.ScalarNode && node.getTag().equals(Tag.NULL);
    }

    private static String describe(org.yaml.snakeyaml.nodes.Node node) {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "no value" : "'" + ((org.yaml.snakeyaml.nodes.ScalarNode) node).getValue() + "'";
    }

    private static int line(org.yaml.snakeyaml.nodes.Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /**
     * Remembers the last event the composer looked at, to place errors that carry no mark, and the
     * line of every alias it took, to place the values repeated through each.
     */
    private static final class RecordingParser implements Parser {
        private final Parser delegate;
        private final List<Integer> aliasLines;
        private Event last;

        RecordingParser(Parser delegate, List<Integer> aliasLines) {
            this.delegate = delegate;
            this.aliasLines = aliasLines;
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
            Event event = remember(delegate.getEvent());
            if (event instanceof AliasEvent) {
                aliasLines.add(event.getStartMark().getLine() + 1);
            }
            return event;
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
}
