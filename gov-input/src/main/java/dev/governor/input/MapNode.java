package dev.governor.input;

import dev.governor.api.GovernanceException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A map of keys to values, in the order of the file; keys are plain names and appear once (the
 * reader refuses anything else).
 *
 * <pre>{@code
 * MapNode hotspot = root.get("hotspot").asMap().only(List.of("count", "window", "scope"));
 * // governance.yml:3: unknown key 'windw' under hotspot (did you mean 'window'?)
 * Node count = hotspot.get("count");          // null when the key is absent
 * String name = contract.require("name").asString();
 * // contracts/registry.yml:2: contracts[0].name is missing: add it
 * }</pre>
 */
public final class MapNode implements Node {
    private final String source;
    private final int line;
    private final String path;
    private final Map<String, Entry> entries;

    /** A value with the line of its key, which is where "unknown key" and "duplicate key" point. */
    record Entry(int keyLine, Node value) {
    }

    MapNode(String source, int line, String path, Map<String, Entry> entries) {
        this.source = source;
        this.line = line;
        this.path = path;
        this.entries = new LinkedHashMap<>(entries);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String describe() {
        return "a map";
    }

    /** The keys, in the order of the file. */
    public List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /**
     * The value of a key: {@code null} when the key is absent, a {@link NullNode} when it is present
     * without a value (which every conversion refuses).
     */
    public Node get(String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    /**
     * The value of a key that must be there.
     *
     * @throws GovernanceException at this map's line when the key is absent: "contracts[0].name is missing: add it"
     */
    public Node require(String key) {
        Node value = get(key);
        if (value == null) {
            throw error(child(path, key) + " is missing: add it");
        }
        return value;
    }

    /**
     * The value of an optional key, {@code null} when the key is absent or explicitly null: for
     * lenient formats such as GitHub's objects, where {@code "merged_at": null} means "not merged".
     */
    public Node opt(String key) {
        Node value = get(key);
        return value instanceof NullNode ? null : value;
    }

    /**
     * The line of a key, for a reader's own checks of keys ("bad rule id 'X' under rules: …").
     *
     * @throws IllegalArgumentException when the key is absent
     */
    public int keyLine(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            throw new IllegalArgumentException("no key '" + key + "' under " + under(path) + "; ask keys() first");
        }
        return entry.keyLine();
    }

    /**
     * This map, when every key is one of {@code known}; else an error at the first unknown key with
     * the closest known key, or the list of them when none is close.
     *
     * @throws GovernanceException "unknown key 'hotspots' under root (did you mean 'hotspot'?)", or
     *                             "unknown key 'owner' under root: use branch, services, …"
     */
    public MapNode only(Collection<String> known) {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            String key = e.getKey();
            if (!known.contains(key)) {
                String suggestion = Suggestions.closest(key, List.copyOf(known));
                throw new GovernanceException(source, e.getValue().keyLine(), "unknown key '" + key + "' under "
                        + under(path) + (suggestion != null ? " (did you mean '" + suggestion + "'?)"
                        : ": use " + String.join(", ", known)));
            }
        }
        return this;
    }

    /** The path of a key's value: {@code hotspot} + {@code count} is {@code hotspot.count}. */
    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The map at {@code path} as "under …" names it: {@code root}, {@code hotspot}. */
    static String under(String path) {
        return path.isEmpty() ? "root" : path;
    }
}
