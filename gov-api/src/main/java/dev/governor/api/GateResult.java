package dev.governor.api;

import java.util.Objects;

/**
 * The result of one CI gate ({@code lint}, {@code security-scan} …) for one SHA.
 *
 * @param gate   the gate's name
 * @param sha    the commit it ran on
 * @param passed whether it passed
 * @param url    where the evidence is, or {@code null}
 */
public record GateResult(String gate, String sha, boolean passed, String url) implements Fact {
    public GateResult {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(sha, "sha");
    }

    @Override
    public Ref ref() {
        return new Ref(Ref.Kind.GATE, gate, null, sha);
    }
}
