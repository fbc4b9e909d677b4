package dev.governor.input;

/**
 * A single value, kept as its text: a YAML scalar, or a JSON string, number or boolean. Read it with
 * the conversions of {@link Node}, which say what was wrong and where.
 *
 * <pre>{@code
 * String body = pr.opt("body") instanceof ScalarNode s ? s.text() : null; // "" stays ""
 * int count = node.asInt(1, Integer.MAX_VALUE);                        // "3" is 3
 * }</pre>
 */
public final class ScalarNode implements Node {
    private final String source;
    private final int line;
    private final String path;
    private final String text;

    ScalarNode(String source, int line, String path, String text) {
        this.source = source;
        this.line = line;
        this.path = path;
        this.text = text;
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
        return "'" + text + "'";
    }

    /** The text as written, without quotes; may be blank. */
    public String text() {
        return text;
    }
}
