package dev.governor.input;

import dev.governor.api.GovernanceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one safe reader of YAML, JSON and JSON Lines: every file becomes a tree of {@link Node}s that
 * know their file, line and path, within the same bounds, and every problem is a
 * {@link GovernanceException} naming file and line and saying what to do.
 *
 * <pre>{@code
 * Node policy = StructuredInput.read(repo.resolve("governance.yml"), "governance.yml", Limits.POLICY);
 * Node pr = StructuredInput.parse(bytesFromGit, Format.JSON, ".gov/prs/412.json", Limits.RECORDS);
 * StructuredInput.forEachItem(repo.resolve(".gov/deployments.jsonl"), ".gov/deployments.jsonl", Limits.RECORDS,
 *         item -> deployments.add(deployment(item.asMap())));
 * // .gov/deployments.jsonl:7: bad time 'yesterday' for [6].at: use ISO-8601 like 2026-11-02T10:00:00Z, …
 * }</pre>
 *
 * <p>Safety, the same for every format:
 * <ul>
 *   <li>Size: at most {@link Limits#maxBytes()}, checked before reading and while reading (a file
 *       that grows); UTF-8 only, invalid bytes fail with their line; a UTF-8 BOM is skipped.</li>
 *   <li>YAML is only composed into nodes, never constructed into objects, so no tag can name a type:
 *       every tag but the plain YAML ones is refused, as are merge keys ({@code <<}), keys that are
 *       not plain names, duplicate keys and more than one document. Aliases to lists or maps are
 *       bounded ({@link Limits#maxAliases()}), and may not repeat more values than the file has
 *       characters, so an alias bomb fails at once, at its line.</li>
 *   <li>JSON is read with Jackson's streaming parser, bounded in depth, string and document length;
 *       duplicate keys and content after the value are refused.</li>
 *   <li>JSON Lines is one JSON value per line, blank lines skipped; the document is a {@link ListNode}.</li>
 *   <li>Lists and maps nest at most {@link Limits#maxDepth()} deep, in every format.</li>
 * </ul>
 */
public final class StructuredInput {
    private StructuredInput() {
    }

    /**
     * Reads a file whose format its name tells ({@link Format#of(String)}).
     *
     * @param displayName what messages call the file, such as {@code governance.yml}
     * @throws GovernanceException when the name has no known extension, the file cannot be read, or
     *                             it is not valid within the limits
     */
    public static Node read(Path file, String displayName, Limits limits) {
        return read(file, displayName, format(file, displayName), limits);
    }

    /**
     * Reads a file in the given format.
     *
     * @throws GovernanceException when the file cannot be read or is not valid within the limits
     */
    public static Node read(Path file, String displayName, Format format, Limits limits) {
        try (Reader reader = open(file, displayName, limits)) {
            return read(reader, format, displayName, limits);
        } catch (IOException e) {
            throw unreadable(displayName, e);
        }
    }

    /**
     * Parses text, such as a test's or one already in memory; its size is that of its UTF-8 bytes.
     *
     * @throws GovernanceException when the text is not valid within the limits
     */
    public static Node parse(String text, Format format, String displayName, Limits limits) {
        long size = utf8Length(text);
        if (size > limits.maxBytes()) {
            throw tooLarge(displayName, limits, size + " bytes");
        }
        String body = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        try {
            return read(new StringReader(body), format, displayName, limits);
        } catch (IOException e) {
            throw unreadable(displayName, e); // a StringReader does not fail; the parsers' signatures do
        }
    }

    /**
     * Parses the bytes of a file, such as one read from git at a revision.
     *
     * @throws GovernanceException when the bytes are not valid UTF-8, or not valid within the limits
     */
    public static Node parse(byte[] bytes, Format format, String displayName, Limits limits) {
        if (bytes.length > limits.maxBytes()) {
            throw tooLarge(displayName, limits, bytes.length + " bytes");
        }
        try (Reader reader = new Utf8Reader(new ByteArrayInputStream(bytes), displayName, limits)) {
            return read(reader, format, displayName, limits);
        } catch (IOException e) {
            throw unreadable(displayName, e);
        }
    }

    /**
     * Hands each item of a file's top-level list to {@code item}, in order, with paths {@code [0]},
     * {@code [1]}…; a single top-level map is one item, and an empty file has none. JSON arrays and
     * JSON Lines are streamed, one item at a time, so a log of a million deployments is never one
     * tree in memory; YAML is composed whole first. When an error ends the read, the items before it
     * have been handed out.
     *
     * <pre>{@code
     * StructuredInput.forEachItem(file, ".gov/incidents.yml", Limits.RECORDS, item -> {
     *     MapNode incident = item.asMap().only(List.of("id", "env", "opened", "resolved", "cause"));
     *     incidents.add(new Incident(incident.require("id").asString(), …));
     * });
     * }</pre>
     *
     * @throws GovernanceException as {@link #read(Path, String, Limits)}, and when the top level is a
     *                             single value ("the top level must be a list of items, or a single map, found '42'")
     */
    public static void forEachItem(Path file, String displayName, Limits limits, Consumer<Node> item) {
        Format format = format(file, displayName);
        try (Reader reader = open(file, displayName, limits)) {
            if (format == Format.YAML) {
                each(YamlReader.read(text(reader), displayName, limits), item);
            } else if (format == Format.JSON) {
                new JsonReader(displayName, limits).forEachItem(reader, item);
            } else {
                new JsonReader(displayName, limits).forEachLine(reader, item);
            }
        } catch (IOException e) {
            throw unreadable(displayName, e);
        }
    }

    /** The items of a top level that JSON did not stream: a list's items, a map, or none for no value. */
    static void each(Node root, Consumer<Node> item) {
        if (root instanceof ListNode list) {
            list.items().forEach(item);
        } else if (root instanceof MapNode) {
            item.accept(root);
        } else if (root instanceof ScalarNode) {
            throw root.error("the top level must be a list of items, or a single map, found " + root.describe());
        }
    }

    private static Node read(Reader reader, Format format, String displayName, Limits limits) throws IOException {
        return switch (format) {
            case YAML -> YamlReader.read(text(reader), displayName, limits);
            case JSON -> new JsonReader(displayName, limits).read(reader);
            case JSON_LINES -> {
                List<Node> items = new ArrayList<>();
                new JsonReader(displayName, limits).forEachLine(reader, items::add);
                yield new ListNode(displayName, 1, "", items);
            }
        };
    }

    private static Format format(Path file, String displayName) {
        try {
            return Format.of(String.valueOf(file.getFileName()));
        } catch (IllegalArgumentException e) {
            throw new GovernanceException(displayName, 0, e.getMessage());
        }
    }

    /** The file as checked characters, after measuring it: a file too large is refused unread. */
    private static Reader open(Path file, String displayName, Limits limits) {
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw tooLarge(displayName, limits, size + " bytes");
            }
            InputStream in = Files.newInputStream(file);
            return new Utf8Reader(in, displayName, limits);
        } catch (NoSuchFileException e) {
            throw new GovernanceException(displayName, 0, "no such file: check the path", e);
        } catch (IOException e) {
            throw unreadable(displayName, e);
        }
    }

    private static String text(Reader reader) throws IOException {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        return text.toString();
    }

    static GovernanceException tooLarge(String displayName, Limits limits, String size) {
        return new GovernanceException(displayName, 0, "the file is larger than " + limits.size() + " (" + size
                + "): check that this is the right file");
    }

    private static GovernanceException unreadable(String displayName, IOException e) {
        return new GovernanceException(displayName, 0, "cannot read the file (" + e.getClass().getSimpleName()
                + "): check that it is a readable file", e);
    }

    /** The UTF-8 length of text without encoding it: each half of a surrogate pair counts 2 of its 4 bytes. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** A library's message on one line, so that file:line stays the start of the only line. */
    static String oneLine(String text) {
        return text == null ? "unreadable input" : text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
