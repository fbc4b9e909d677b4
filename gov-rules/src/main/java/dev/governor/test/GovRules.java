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
 * GovRules.findings().that().touch("src/pay/**").and().areBlocking().should().beEmpty().check(report);
 * GovRules.allOf(noHotspots, contractsSafe).check(report);            // one message naming each rule
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
        return new GovRule(ruleId, Selection.ALL.ofRule(ruleId));
    }

    /** No blocking finding of any rule: the check passes. */
    public static GovRule noBlockingFindings() {
        return new GovRule("no blocking findings", Selection.ALL.blocking());
    }

    /**
     * The findings of a check, to narrow down and assert about as a sentence.
     *
     * <pre>{@code
     * GovRules.findings().that().touch("src/pay/**").should().beEmpty()
     * GovRules.findings().that().areInLayer(Layer.INTENT).and().areBlocking().should().beEmpty()
     * }</pre>
     */
    public static GivenFindings findings() {
        return new GivenFindings(Selection.ALL);
    }

    /**
     * Every one of {@code rules}, checked on the same report: it fails with one message that holds the
     * message of each rule that failed (each naming its rule and its violations), and passes when all pass.
     *
     * <pre>{@code
     * GovRules.allOf(noHotspots, GovRules.layer(Layer.CONTRACT).hasNoBlockingFindings()).check(governor);
     * }</pre>
     */
    public static GovRule allOf(GovRule... rules) {
        if (rules.length == 0) {
            throw new IllegalArgumentException("GovRules.allOf needs at least one rule");
        }
        List<GovRule> members = List.of(rules);
        String description = String.join("; ", members.stream().map(GovRule::description).toList());
        return new GovRule(description, Selection.ALL, List.of(), false, null, members);
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
            return new GovRule("no blocking findings in layer " + layer.id(), Selection.ALL.inLayer(layer).blocking());
        }

        /** No finding at all (of any severity) in this layer. */
        public GovRule hasNoFindings() {
            return new GovRule("no findings in layer " + layer.id(), Selection.ALL.inLayer(layer));
        }
    }

    /**
     * Findings to assert about, from {@link GovRules#findings()}: each step narrows them and returns a new,
     * immutable selection; {@code that()} and {@code and()} only make the sentence read.
     */
    public static final class GivenFindings {
        private final Selection selection;

        private GivenFindings(Selection selection) {
            this.selection = selection;
        }

        /** Reads as "findings that …". */
        public GivenFindings that() {
            return this;
        }

        /** Reads as "… and …". */
        public GivenFindings and() {
            return this;
        }

        /**
         * Findings about a path matching {@code glob} (gov-api's {@link dev.governor.api.Glob}: {@code src/pay/**}):
         * their subject or evidence is such a file or directory, or their change touched such a file. A
         * pattern that no change of the check touched fails the rule, as a misspelt rule id does.
         */
        public GivenFindings touch(String glob) {
            return new GivenFindings(selection.touching(Objects.requireNonNull(glob, "glob")));
        }

        /** Findings of the rule with this id (built-in or custom). */
        public GivenFindings areOfRule(String ruleId) {
            return new GivenFindings(selection.ofRule(Objects.requireNonNull(ruleId, "ruleId")));
        }

        /** Findings of this layer. */
        public GivenFindings areInLayer(Layer layer) {
            return new GivenFindings(selection.inLayer(Objects.requireNonNull(layer, "layer")));
        }

        /** Blocking findings only. */
        public GivenFindings areBlocking() {
            return new GivenFindings(selection.blocking());
        }

        /** What these findings should be. */
        public FindingsShould should() {
            return new FindingsShould(selection);
        }
    }

    /** What the findings of a {@link GivenFindings} should be: each returns the {@link GovRule} to check. */
    public static final class FindingsShould {
        private final Selection selection;

        private FindingsShould(Selection selection) {
            this.selection = selection;
        }

        /** None of them may occur. */
        public GovRule beEmpty() {
            return new GovRule(selection.describe() + " should be empty", selection);
        }

        /** None of them may be blocking. */
        public GovRule notBeBlocking() {
            return new GovRule(selection.describe() + " should not be blocking", selection.blocking());
        }
    }
}
