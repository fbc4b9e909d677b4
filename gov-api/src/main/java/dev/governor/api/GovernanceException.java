package dev.governor.api;

/**
 * Bad input: a policy, record or rule file Governor cannot use. Governance fails closed, so this is
 * thrown instead of a result; the CLI turns it into exit code 2.
 *
 * <pre>{@code
 * governance.yml:7: unknown key 'hotspots' under root (did you mean 'hotspot'?)
 * }</pre>
 */
public final class GovernanceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String problem;

    /**
     * @param source the file (or other input) at fault, or {@code null}
     * @param line   its 1-based line, or 0 when no line applies
     * @param problem what is wrong and, where it helps, what to do
     */
    public GovernanceException(String source, int line, String problem) {
        this(source, line, problem, null);
    }

    /**
     * @param source  the file (or other input) at fault, or {@code null}
     * @param line    its 1-based line, or 0 when no line applies
     * @param problem what is wrong and, where it helps, what to do
     * @param cause   the failure that revealed it (a parser's, an I/O error)
     */
    public GovernanceException(String source, int line, String problem, Throwable cause) {
        super(format(source, line, problem), cause);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    private static String format(String source, int line, String problem) {
        if (source == null) {
            return problem;
        }
        return line > 0 ? source + ":" + line + ": " + problem : source + ": " + problem;
    }

    /** The file (or other input) at fault, or {@code null}. */
    public String source() {
        return source;
    }

    /** The 1-based line in {@link #source()}, or 0 when no line applies. */
    public int line() {
        return line;
    }

    /** The problem alone, without source and line. */
    public String problem() {
        return problem;
    }
}
