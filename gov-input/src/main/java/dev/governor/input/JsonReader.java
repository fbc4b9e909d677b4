package dev.governor.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.governor.api.GovernanceException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * JSON and JSON Lines to {@link Node}s with Jackson's streaming parser: every token's line is known,
 * input is bounded by {@link StreamReadConstraints}, and nothing is bound to objects. Duplicate keys
 * are refused here, with both lines, since Jackson's own check names only the second.
 */
final class JsonReader {
    private static final Pattern CONSTRAINT = Pattern.compile(", from `[^`]*`");
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (-?[0-9]+), column: (-?[0-9]+)\\]");
    private final String source;
    private final Limits limits;
    private final JsonFactory factory;
    /** Added to Jackson's lines: each line of JSON Lines is parsed alone, as line 1. */
    private int lineOffset;

    JsonReader(String source, Limits limits) {
        this.source = source;
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        // one level more than allowed, so that our walk refuses first, with its line
                        .maxNestingDepth(limits.maxDepth() + 1)
                        .maxStringLength(limits.maxBytes())
                        .maxDocumentLength(limits.maxBytes())
                        .build())
                // no shared symbol table of keys: nothing for crafted keys to collide in
                .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /** The one value of a JSON document; an empty one is a {@link NullNode} on line 1. */
    Node read(Reader reader) throws IOException {
        List<Node> root = new ArrayList<>(1);
        parse(reader, false, root::add);
        return root.isEmpty() ? new NullNode(source, 1, "") : root.get(0);
    }

    /**
     * Hands out the items of a top-level array one by one, with paths {@code [i]}; any other value
     * whole, as one. Items before a syntax error have been handed out when the error ends the read.
     */
    void forEachItem(Reader reader, Consumer<Node> item) throws IOException {
        parse(reader, true, item);
    }

    private void parse(Reader reader, boolean stream, Consumer<Node> out) throws IOException {
        JsonParser p = factory.createParser(reader);
        try (p) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY && stream) {
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                    out.accept(value(p, ListNode.item("", i), line(p), 2));
                }
            } else if (first != null) {
                Node root = value(p, "", line(p), 1);
                if (stream) {
                    StructuredInput.each(root, out);
                } else {
                    out.accept(root);
                }
            }
            if (p.nextToken() != null) {
                throw new GovernanceException(source, line(p), "unexpected content after the JSON value: keep one"
                        + " value per file (an array holds many)");
            }
        } catch (JsonProcessingException e) {
            throw invalid(e, p);
        }
    }

    /** Reads JSON Lines: one value per line, blank lines skipped, each line's errors at that line. */
    void forEachLine(Reader reader, Consumer<Node> item) throws IOException {
        Lines lines = new Lines(reader);
        int number = 0;
        int index = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            number++;
            if (blank(line)) {
                continue;
            }
            lineOffset = number - 1;
            JsonParser p = factory.createParser(line);
            try (p) {
                p.nextToken();
                Node value = value(p, ListNode.item("", index++), number, 1);
                if (p.nextToken() != null) {
                    throw new GovernanceException(source, number, "more than one JSON value on this line:"
                            + " JSON Lines takes one value per line");
                }
                item.accept(value);
            } catch (JsonProcessingException e) {
                throw invalid(e, p);
            }
        }
    }

    /**
     * The value starting at the parser's current token. {@code line} is its own line, or its key's
     * when it is null; {@code depth} counts arrays and objects from 1 at the top.
     */
    private Node value(JsonParser p, String path, int line, int depth) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            checkDepth(depth, line);
            Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = line(p);
                MapNode.Entry earlier = entries.get(key);
                if (earlier != null) {
                    throw new GovernanceException(source, keyLine, "duplicate key '" + key + "' under "
                            + MapNode.under(path) + " (first on line " + earlier.keyLine() + "): keep one");
                }
                JsonToken next = p.nextToken();
                entries.put(key, new MapNode.Entry(keyLine, value(p, MapNode.child(path, key),
                        next == JsonToken.VALUE_NULL ? keyLine : line(p), depth + 1)));
            }
            return new MapNode(source, line, path, entries);
        }
        if (token == JsonToken.START_ARRAY) {
            checkDepth(depth, line);
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(p, ListNode.item(path, items.size()), line(p), depth + 1));
            }
            return new ListNode(source, line, path, items);
        }
        return token == JsonToken.VALUE_NULL ? new NullNode(source, line, path)
                : new ScalarNode(source, line, path, p.getText());
    }

    private void checkDepth(int depth, int line) {
        if (depth > limits.maxDepth()) {
            throw YamlReader.nested(source, line, limits);
        }
    }

    private int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr() + lineOffset;
    }

    private GovernanceException invalid(JsonProcessingException e, JsonParser p) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        // Jackson names other places as "[Source: …; line: 1, column: 7]": say them as lines of this file
        String problem = SOURCE.matcher(StructuredInput.oneLine(e.getOriginalMessage()))
                .replaceAll(m -> "line " + (Integer.parseInt(m.group(1)) + lineOffset) + ", column " + m.group(2));
        int line = at.getLineNr() + lineOffset;
        if (e instanceof StreamConstraintsException) {
            // a bound, not a typo: the settings Jackson names are ours, not the user's to change
            return new GovernanceException(source, line, "a value too long for Governor: "
                    + CONSTRAINT.matcher(problem).replaceAll("") + "; check that this is the right file", e);
        }
        return new GovernanceException(source, line, "invalid JSON: " + problem
                + "; fix the syntax (commas, quotes, brackets)", e);
    }

    /** Only JSON's own whitespace: a line of other spaces is a syntax error, not a blank line. */
    private static boolean blank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Physical lines split at {@code \n} (a {@code \r} before it dropped), without a phantom last line. */
    private static final class Lines {
        private final Reader in;
        private final char[] buffer = new char[8192];
        private int position;
        private int end;

        Lines(Reader in) {
            this.in = in;
        }

        String next() throws IOException {
            StringBuilder line = null;
            while (true) {
                if (position == end) {
                    int n = in.read(buffer, 0, buffer.length);
                    if (n == -1) {
                        return line == null ? null : strip(line);
                    }
                    position = 0;
                    end = n;
                }
                int start = position;
                while (position < end && buffer[position] != '\n') {
                    position++;
                }
                if (line == null) {
                    line = new StringBuilder();
                }
                line.append(buffer, start, position - start);
                if (position < end) {
                    position++;
                    return strip(line);
                }
            }
        }

        private static String strip(StringBuilder line) {
            int length = line.length();
            return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
        }
    }
}
