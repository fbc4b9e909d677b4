package dev.governor.input;

import java.util.List;

/**
 * A list of values, in the order of the file; the paths of its items end in their index
 * ({@code contracts[0]}, {@code [3]} for the items of a top-level list).
 *
 * <pre>{@code
 * for (Node contract : root.require("contracts").asList().items()) {
 *     String name = contract.asMap().require("name").asString();
 * }
 * }</pre>
 */
public final class ListNode implements Node {
    private final String source;
    private final int line;
    private final String path;
    private final List<Node> items;

    ListNode(String source, int line, String path, List<Node> items) {
        this.source = source;
        this.line = line;
        this.path = path;
        this.items = List.copyOf(items);
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
        return "a list";
    }

    /** The items, in order. */
    public List<Node> items() {
        return items;
    }

    /** How many items there are. */
    public int size() {
        return items.size();
    }

    /** The path of an item: {@code services} + 1 is {@code services[1]}. */
    static String item(String path, int index) {
        return path + "[" + index + "]";
    }
}
