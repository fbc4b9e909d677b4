package dev.governor.input;

/**
 * An explicit absence of a value: YAML's {@code ~}, {@code null} or a key with nothing after it, JSON's
 * {@code null}, or an empty file. Every conversion refuses it, naming the key
 * ({@code governance.yml:2: branch has no value: give one or remove the key}).
 *
 * <pre>{@code
 * Node root = StructuredInput.parse("", Format.YAML, "governance.yml", Limits.POLICY);
 * if (root instanceof NullNode) {
 *     return Policy.defaults();
 * }
 * }</pre>
 */
public final class NullNode implements Node {
    private final String source;
    private final int line;
    private final String path;

    NullNode(String source, int line, String path) {
        this.source = source;
        this.line = line;
        this.path = path;
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
        return "no value";
    }
}
