package dev.governor.api.policy;

import dev.governor.api.Policy;

/**
 * {@code learning:} in governance.yml.
 *
 * @param minRelativeChange how much worse a week must be than the one before to count as degraded (0.1 = 10%)
 * @param minSamples        fewer data points than this in a week give the metric no value
 */
public record LearningPolicy(double minRelativeChange, int minSamples) {
    /** The settings when {@code governance.yml} has no {@code learning:} section (spec/rules.md). */
    public static final LearningPolicy DEFAULT = new LearningPolicy(0.0, 1);
    /** The {@code learning:} section of {@code governance.yml}: its key, type and defaults. */
    public static final Policy.Section<LearningPolicy> SECTION = Policy.Section.of("learning", LearningPolicy.class, DEFAULT);

    public LearningPolicy {
        if (!(minRelativeChange >= 0) || Double.isInfinite(minRelativeChange)) {
            throw new IllegalArgumentException("learning.minRelativeChange must be 0 or more, was " + minRelativeChange);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("learning.minSamples must be at least 1, was " + minSamples);
        }
    }
}
