package dev.governor.api;

import java.util.Objects;

/**
 * The result of one CI gate ({@code lint}, {@code security-scan} …) for one SHA.
 *
 * <pre>{@code
 * new GateResult("lint", sha, true, "https://ci.example.com/run/42")
 * new GateResult("test", sha, false, null, "build/junit.xml", "JUnit: 120 tests, 2 failures, 0 errors")
 * }</pre>
 *
 * @param gate   the gate's name
 * @param sha    the commit it ran on
 * @param passed whether it passed
 * @param url    where the evidence is, or {@code null}
 * @param source the file (or tool) the result was read from, or {@code null}
 * @param detail one line saying what the result holds ({@code 120 tests, 2 failures}), or {@code null}
 */
public record GateResult(String gate, String sha, boolean passed, String url, String source, String detail)
        implements Fact {
    public GateResult {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(sha, "sha");
    }

    /** A result with no source or detail: what a host tool that only knows pass or fail supplies. */
    public GateResult(String gate, String sha, boolean passed, String url) {
        this(gate, sha, passed, url, null, null);
    }

    @Override
    public Ref ref() {
        return new Ref(Ref.Kind.GATE, gate, null, sha);
    }
}
