package dev.governor.test;

import dev.governor.api.Layer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The entry points of the assertion DSL, ArchUnit-style: each returns an immutable {@link GovRule} to
 * refine with {@code because(…)} and assert with {@code check(…)}.
 *
 * <pre>{@code
 * GovRules.noFindings("intent.tactical-hotspot")
 *     .because("three quick fixes to one file in a week call for a strategic fix")
 *     .check(governor);
 * GovRules.layer(Layer.CONTRACT).hasNoBlockingFindings().check(report);
 * GovRules.freeze(GovRules.noBlockingFindings()).check(governor);   // fails only on new violations
 * }</pre>
 */
public final class GovRules {

    /** Where {@link #freeze(GovRule)} keeps baselines, relative to the working directory (the module's). */
    public static final Path DEFAULT_BASELINE_DIR = Path.of("src", "test", "resources", "governor-baseline");

    private GovRules() {
    }

    /** No finding of the rule with this id ({@code <prefix>.<name>}, built-in or custom). */
    public static GovRule noFindings(String ruleId) {
        Objects.requireNonNull(ruleId, "ruleId");
        return new GovRule(ruleId, ruleId, null, false, List.of(), false, null);
    }

    /** No blocking finding of any rule: the check passes. */
    public static GovRule noBlockingFindings() {
        return new GovRule("no blocking findings", null, null, true, List.of(), false, null);
    }

    /** Rules about the findings of one layer. */
    public static LayerRules layer(Layer layer) {
        return new LayerRules(Objects.requireNonNull(layer, "layer"));
    }

    /**
     * {@code rule}, accepting the violations recorded in its baseline
     * {@code src/test/resources/governor-baseline/<rule>.txt} (the format of {@link dev.governor.Baseline}, the
     * same as {@code gov check --baseline}): it fails only on violations not recorded there, and drops fixed
     * ones from the file. As in ArchUnit, a missing baseline is a failure, not an empty one: record it once by
     * running the test with the system property {@code governor.freeze.record=true}, then commit the file, so
     * that a CI run can never pass by writing its own baseline.
     *
     * <pre>{@code
     * ./mvnw test -Dgovernor.freeze.record=true      # once: writes the baseline of today's violations
     * }</pre>
     */
    public static GovRule freeze(GovRule rule) {
        return freeze(rule, DEFAULT_BASELINE_DIR);
    }

    /** Like {@link #freeze(GovRule)}, keeping the baseline in {@code baselineDir}. */
    public static GovRule freeze(GovRule rule, Path baselineDir) {
        return Objects.requireNonNull(rule, "rule").frozenIn(baselineDir);
    }

    /**
     * The rules about one layer, from {@link GovRules#layer(Layer)}.
     *
     * <pre>{@code
     * GovRules.layer(Layer.CONTRACT).hasNoBlockingFindings()
     * }</pre>
     */
    public static final class LayerRules {
        private final Layer layer;

        private LayerRules(Layer layer) {
            this.layer = layer;
        }

        /** No blocking finding in this layer. */
        public GovRule hasNoBlockingFindings() {
            return new GovRule("no blocking findings in layer " + layer.id(), null, layer, true, List.of(), false, null);
        }

        /** No finding at all (of any severity) in this layer. */
        public GovRule hasNoFindings() {
            return new GovRule("no findings in layer " + layer.id(), null, layer, false, List.of(), false, null);
        }
    }
}
