package dev.governor.packs.learning;

import dev.governor.api.IsoWeek;
import java.util.Objects;

/**
 * A week in which a gated metric was worse than in the week before (rules.md, {@code learning.metric-degraded}):
 * inserted by that rule, read by {@code learning.release-blocker}. It stands whether or not the finding is
 * reported, so turning the warning off in the policy does not turn the blocker off.
 *
 * @param metric the metric
 * @param before its value in the week before
 * @param after  its value in the degraded week
 */
public record Degradation(Metric metric, WeekValue before, WeekValue after) {
    public Degradation {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** The degraded week. */
    public IsoWeek week() {
        return after.week();
    }

    /** The degraded week's index: two degradations a week apart make a blocker. */
    public long getIndex() {
        return after.index();
    }
}
