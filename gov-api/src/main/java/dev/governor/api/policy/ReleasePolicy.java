package dev.governor.api.policy;

import dev.governor.api.Policy;
import dev.governor.api.Risk;
import java.util.List;
import java.util.Objects;

/**
 * {@code release:} in governance.yml.
 *
 * @param requiredGates         gates every signed-off SHA needs a passing result for
 * @param independentReviewFrom the risk level from which a second person must approve
 */
public record ReleasePolicy(List<String> requiredGates, Risk independentReviewFrom) {
    /** The settings when {@code governance.yml} has no {@code release:} section (spec/rules.md). */
    public static final ReleasePolicy DEFAULT = new ReleasePolicy(
            List.of("lint", "typecheck", "contract-diff", "version-bump", "security-scan"), Risk.HIGH);
    /** The {@code release:} section of {@code governance.yml}: its key, type and defaults. */
    public static final Policy.Section<ReleasePolicy> SECTION = Policy.Section.of("release", ReleasePolicy.class, DEFAULT);

    public ReleasePolicy {
        requiredGates = List.copyOf(requiredGates);
        Objects.requireNonNull(independentReviewFrom, "independentReviewFrom");
    }
}
