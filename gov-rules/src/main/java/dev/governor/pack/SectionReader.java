package dev.governor.pack;

import dev.governor.api.Policy;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a pack reads one {@code governance.yml} section: the section's key and defaults, and a function
 * from its node to its settings. The function validates as it reads, and reports each problem through
 * the node ({@link Node#error(String)} and the node's conversions), so every message names file and line.
 *
 * <pre>{@code
 * SectionReader.of(OwnershipPolicy.SECTION, node -> {
 *     MapNode map = node.asMap().only(List.of("codeowners"));
 *     Node file = map.get("codeowners");
 *     return new OwnershipPolicy(file == null ? ".github/CODEOWNERS" : file.asRelativePath());
 * });
 * }</pre>
 *
 * @param section the section's key, type and defaults
 * @param read    reads the section's node into settings
 * @param <T>     the settings record
 */
public record SectionReader<T>(Policy.Section<T> section, Function<Node, T> read) {
    public SectionReader {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(read, "read");
    }

    /** The reader of {@code section}: {@code read} turns its node of governance.yml into the settings record. */
    public static <T> SectionReader<T> of(Policy.Section<T> section, Function<Node, T> read) {
        return new SectionReader<>(section, read);
    }

    /**
     * A key's value read with {@code read}, or {@code otherwise} when the map does not have the key; a key
     * given with no value is an error (remove it to get the default).
     */
    public static <V> V value(MapNode map, String key, Function<Node, V> read, V otherwise) {
        Node node = map.get(key);
        return node == null ? otherwise : read.apply(node);
    }
}
