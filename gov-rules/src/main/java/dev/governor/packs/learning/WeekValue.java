package dev.governor.packs.learning;

import dev.governor.api.IsoWeek;
import java.util.Objects;

/**
 * One metric's value in one ISO week, as the Learning pack derives it from the records (a fact its rules read,
 * and a row of {@link LearningPack#WEEKS}). A week with no data point for a metric has no value at all; whether
 * a week has enough data points ({@code learning.minSamples}) is for the rules to decide.
 *
 * @param metric  the metric
 * @param week    the ISO week (UTC)
 * @param index   the week's {@link IsoWeek#index()}: the rules join "the week before" as {@code index - 1}
 * @param value   the value: a share from 0 to 1, hours, or a count (see {@link Metric#unit()})
 * @param samples how many data points it is computed from (deployments, incidents, changes, reviews)
 */
public record WeekValue(Metric metric, IsoWeek week, long index, double value, int samples) {
    public WeekValue {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(week, "week");
        if (index != week.index()) {
            throw new IllegalArgumentException("index " + index + " is not the index of " + week + " (" + week.index() + ")");
        }
        if (samples < 1) {
            throw new IllegalArgumentException("a week's value needs at least one data point, had " + samples);
        }
    }

    /** The value of {@code metric} in {@code week}. */
    public static WeekValue of(Metric metric, IsoWeek week, double value, int samples) {
        return new WeekValue(metric, week, week.index(), value, samples);
    }

    /** Whether the rules gate its metric. */
    public boolean isGated() {
        return metric.isGated();
    }

    /** The value as reports show it, with its data points: {@code 25.0% (8 deployments)}. */
    public String described() {
        return metric.format(value) + " (" + metric.samples(samples) + ")";
    }
}
