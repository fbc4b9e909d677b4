package dev.governor.packs.learning;

import java.util.Locale;

/**
 * The Learning layer's weekly metrics (rules.md, "Learning"): the four the seed reviews weekly, which the rules
 * gate, and three more DORA keys shown by {@code gov metrics} and never gated.
 *
 * <pre>{@code
 * Metric.parse("mttr").format(3.25);   // "3.3h"
 * }</pre>
 */
public enum Metric {
    /** Deployments in the week that failed, were rolled back or caused an incident, over all deployments. */
    CHANGE_FAILURE_RATE("change-failure-rate", "change failure rate", Unit.RATIO, "deployment", "deployments", true,
            "deployments in the week that failed, were rolled back or caused an incident, over all deployments in the week"),
    /** Mean hours from opened to resolved of the incidents resolved in the week. */
    MTTR("mttr", "MTTR", Unit.HOURS, "incident resolved", "incidents resolved", true,
            "mean hours from opened to resolved of the incidents resolved in the week"),
    /** Changes merged in the week that revert an earlier change, over all changes merged in the week. */
    REVERT_RATE("revert-rate", "revert rate", Unit.RATIO, "change merged", "changes merged", true,
            "changes merged in the week that revert an earlier change, over all changes merged in the week"),
    /** Mean hours changes merged in the week waited for a review requested from another team. */
    CROSS_TEAM_BLOCKING_TIME("cross-team-blocking-time", "cross-team blocking time", Unit.HOURS, "cross-team review",
            "cross-team reviews", true, "mean hours that changes merged in the week waited for a review requested from"
            + " another team than the author's, from the request to that team's first review"),
    /** Successful deployments in the week. */
    DEPLOYMENT_FREQUENCY("deployment-frequency", "deployment frequency", Unit.COUNT, "successful deployment",
            "successful deployments", false, "successful deployments in the week"),
    /** Median hours from a change's first commit to its first successful deployment, for changes deployed in the week. */
    LEAD_TIME("lead-time", "median lead time", Unit.HOURS, "change deployed", "changes deployed", false,
            "median hours from a change's first commit to its first successful deployment, of the changes first deployed in the week"),
    /** Changes first deployed in the week that are tactical fixes, over all changes first deployed in the week. */
    REWORK_RATE("rework-rate", "rework rate", Unit.RATIO, "change deployed", "changes deployed", false,
            "changes first deployed in the week that are tactical fixes, over all changes first deployed in the week");

    /** How a metric's values read. */
    public enum Unit {
        /** A share from 0 to 1, shown as a percentage. */
        RATIO,
        /** Hours. */
        HOURS,
        /** A count. */
        COUNT
    }

    private final String id;
    private final String title;
    private final Unit unit;
    private final String sample;
    private final String samples;
    private final boolean gated;
    private final String definition;

    Metric(String id, String title, Unit unit, String sample, String samples, boolean gated, String definition) {
        this.id = id;
        this.title = title;
        this.unit = unit;
        this.sample = sample;
        this.samples = samples;
        this.gated = gated;
        this.definition = definition;
    }

    /** Its id, as findings and {@code gov metrics --format json} name it: {@code change-failure-rate}. */
    public String id() {
        return id;
    }

    /** Its name in prose: {@code change failure rate}. */
    public String title() {
        return title;
    }

    /** Where its data points come from, for a reader who sees none: {@code .gov/incidents.yml}. */
    public String source() {
        return switch (this) {
            case CHANGE_FAILURE_RATE -> ".gov/deployments.yml and .gov/incidents.yml";
            case MTTR -> ".gov/incidents.yml";
            case REVERT_RATE -> "the changes of the history";
            case CROSS_TEAM_BLOCKING_TIME -> ".gov/reviews.yml or PR records in .gov/prs/";
            case DEPLOYMENT_FREQUENCY -> ".gov/deployments.yml";
            case LEAD_TIME, REWORK_RATE -> ".gov/deployments.yml and the changes of the history";
        };
    }

    /** What it measures, in one sentence without a capital or a full stop (docs/learning.md has the details). */
    public String definition() {
        return definition;
    }

    public Unit unit() {
        return unit;
    }

    /** Whether the rules gate it (the seed's four); the others are information. */
    public boolean isGated() {
        return gated;
    }

    /** One data point of it in words: {@code 1 deployment}, {@code 3 incidents resolved}. */
    public String samples(int n) {
        return n == 1 ? "1 " + sample : n + " " + samples;
    }

    /** A value as reports show it: {@code 25.0%}, {@code 3.5h}, {@code 12}. */
    public String format(double value) {
        return switch (unit) {
            case RATIO -> String.format(Locale.ROOT, "%.1f%%", value * 100);
            case HOURS -> String.format(Locale.ROOT, "%.1fh", value);
            case COUNT -> String.format(Locale.ROOT, "%.0f", value);
        };
    }

    /** The metric with this id, or {@code null}. */
    public static Metric parse(String id) {
        for (Metric m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        return null;
    }
}
