package dev.governor.test;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.RuleInfo;
import dev.governor.api.Facts;
import dev.governor.api.Finding;
import dev.governor.api.Layer;
import dev.governor.api.Ref;
import dev.governor.input.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An assertion about the findings of a governance check, made with {@link GovRules}. Immutable: each
 * step returns a new rule, so a rule can be shared between tests and threads.
 *
 * <pre>{@code
 * GovRule noHotspots = GovRules.noFindings("intent.tactical-hotspot")
 *     .because("three quick fixes to one file in a week call for a strategic fix");
 * noHotspots.check(governor);          // throws AssertionError naming every violation
 * GovRule.Result r = noHotspots.evaluate(report);   // the same, without throwing
 * }</pre>
 *
 * A rule that could not have been violated fails too: one naming a rule id no loaded rule has (a typo),
 * one whose rule the policy turned off, one over a layer not in force or with no rule in force, one over
 * paths no change touched, and one over a check that saw no facts at all.
 * {@link #allowEmptyShould(boolean)} accepts those on purpose. Rules combine with {@link GovRules#allOf}.
 */
public final class GovRule {

    private final String description;
    private final Selection selection;
    private final List<String> reasons;
    private final boolean allowEmpty;
    private final Path baselineDir;
    /** The rules a combined rule checks, or empty for a rule of its own. */
    private final List<GovRule> members;

    GovRule(String description, Selection selection, List<String> reasons, boolean allowEmpty, Path baselineDir,
            List<GovRule> members) {
        this.description = description;
        this.selection = selection;
        this.reasons = List.copyOf(reasons);
        this.allowEmpty = allowEmpty;
        this.baselineDir = baselineDir;
        this.members = List.copyOf(members);
    }

    /** A rule that no finding of {@code selection} may occur. */
    GovRule(String description, Selection selection) {
        this(description, selection, List.of(), false, null, List.of());
    }

    /**
     * The outcome of evaluating a rule.
     *
     * @param passed     whether the rule holds
     * @param violations the findings that violate it (for a frozen rule, only those not in its baseline)
     * @param message    the failure message {@link #check} throws, or {@code null} when it passed
     */
    public record Result(boolean passed, List<Finding> violations, String message) {
        public Result {
            violations = List.copyOf(violations);
        }

        /** The failure message, or empty when the rule passed. */
        public Optional<String> failure() {
            return Optional.ofNullable(message);
        }
    }

    /** This rule with a reason added; reasons given more than once read "because a and b". */
    public GovRule because(String reason) {
        Objects.requireNonNull(reason, "reason");
        List<String> more = new ArrayList<>(reasons);
        more.add(reason.strip());
        return new GovRule(description, selection, more, allowEmpty, baselineDir, members);
    }

    /**
     * Whether this rule may pass although it could not have been violated (unknown or disabled rule id,
     * layer not in force or without rules, paths no change touched, no facts); by default it fails then, so
     * that a typo cannot pass silently. On a combined rule, it applies to each rule combined.
     */
    public GovRule allowEmptyShould(boolean allow) {
        return new GovRule(description, selection, reasons, allow, baselineDir,
                members.stream().map(m -> m.allowEmptyShould(allow)).toList());
    }

    /** What the rule asserts, as failure messages and baseline file names show it. */
    public String description() {
        return description;
    }

    /** Whether this rule is frozen, accepting the violations in its baseline. */
    public boolean isFrozen() {
        return baselineDir != null;
    }

    GovRule frozenIn(Path dir) {
        if (baselineDir != null) {
            throw new IllegalStateException("rule '" + description + "' is already frozen in " + baselineDir);
        }
        Objects.requireNonNull(dir, "dir");
        // a combined rule keeps one baseline per rule it combines: each is frozen on its own
        return new GovRule(description, selection, reasons, allowEmpty, dir,
                members.stream().map(m -> m.frozenIn(dir)).toList());
    }

    /** Runs {@code governor} once and asserts this rule on its report. */
    public void check(Governor governor) {
        throwIfFailed(evaluate(governor));
    }

    /** Asserts this rule on a report already computed (it knows the rules that were loaded for it). */
    public void check(Report report) {
        throwIfFailed(evaluate(report));
    }

    /**
     * Runs the built-in rules over facts built in memory (default policy, system clock) and asserts this rule.
     * To test rules of your own on facts, check a Governor that loads them:
     *
     * <pre>{@code
     * rule.check(Governor.builder().rules(Path.of("src/main/resources/rules")).facts(facts).clock(clock).build());
     * }</pre>
     */
    public void check(Facts facts) {
        throwIfFailed(evaluate(facts));
    }

    /** Like {@link #check(Governor)}, returning the result instead of throwing. */
    public Result evaluate(Governor governor) {
        return evaluate(governor.check(), false);
    }

    /** Like {@link #check(Report)}, returning the result instead of throwing. */
    public Result evaluate(Report report) {
        return evaluate(report, false);
    }

    /** Like {@link #check(Facts)}, returning the result instead of throwing. */
    public Result evaluate(Facts facts) {
        return evaluate(Governor.builder().facts(facts).withoutServiceLoadedSources().build().check(), true);
    }

    /** @param builtInOnly whether the report is of the built-in rules alone (a check of bare facts) */
    Result evaluate(Report report, boolean builtInOnly) {
        if (!members.isEmpty()) {
            return combined(report, builtInOnly);
        }
        if (!allowEmpty) {
            String empty = whyEmpty(report, builtInOnly);
            if (empty != null) {
                return new Result(false, List.of(), empty);
            }
        }
        List<Finding> violations = report.findings().stream().filter(selection.in(report)).toList();
        Path baseline = baselineDir == null ? null : Baseline.file(baselineDir, description);
        if (baseline != null) {
            Baseline.Outcome frozen = Baseline.apply(baseline, description, violations);
            if (frozen.failure() != null) {
                return new Result(false, frozen.fresh(), frozen.failure());
            }
            violations = frozen.fresh();
        }
        if (violations.isEmpty()) {
            return new Result(true, List.of(), null);
        }
        return new Result(false, violations, message(violations, baseline, report.rules()));
    }

    /** Every rule combined, checked on the same report; one message with each failing rule's own. */
    private Result combined(Report report, boolean builtInOnly) {
        List<Finding> violations = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (GovRule member : members) {
            Result r = member.evaluate(report, builtInOnly);
            if (!r.passed()) {
                violations.addAll(r.violations());
                failures.add(r.message());
            }
        }
        if (failures.isEmpty()) {
            return new Result(true, List.of(), null);
        }
        StringBuilder out = new StringBuilder().append(failures.size()).append(" of ").append(members.size())
                .append(members.size() == 1 ? " rule" : " rules").append(" of '").append(description)
                .append(failures.size() == 1 ? "' was" : "' were").append(" violated");
        if (!reasons.isEmpty()) {
            out.append(", because ").append(String.join(" and ", reasons));
        }
        out.append(':');
        failures.forEach(f -> out.append('\n').append(f));
        return new Result(false, violations, out.toString());
    }

    private String whyEmpty(Report report, boolean builtInOnly) {
        String allow = ", or allow it with .allowEmptyShould(true)";
        List<RuleInfo> rules = report.rules();
        String ruleId = selection.ruleId();
        Layer layer = selection.layer();
        if (ruleId != null) {
            Set<String> known = new TreeSet<>();
            rules.forEach(r -> known.add(r.id()));
            if (!known.contains(ruleId)) {
                String near = nearest(ruleId, known);
                String hint = near != null ? " (did you mean '" + near + "'?)" : "";
                return builtInOnly && Layer.ofRule(ruleId) == Layer.CUSTOM
                        ? "Rule '" + description + "' names no built-in rule" + hint + ", so it would pass whatever "
                            + "happens: a check of facts alone runs the built-in rules; to test rules of your own, check "
                            + "a Governor that loads them (Governor.builder().rules(dir).facts(facts).build())" + allow
                        : "Rule '" + description + "' names no loaded rule" + hint
                            + ", so it would pass whatever happens: fix the rule id" + allow;
            }
            if (rules.stream().anyMatch(r -> r.id().equals(ruleId) && !r.enabled())) {
                return "Rule '" + description + "' is turned off by the policy, so it would pass whatever happens: "
                        + "turn it on in governance.yml" + allow;
            }
        }
        if (layer != null && layer != Layer.CUSTOM && !report.layers().contains(layer)) {
            return "Rule '" + description + "' matched no facts: layer " + layer.id() + " is not in force under the "
                    + "policy, so it would pass whatever happens: put it in force in governance.yml" + allow;
        }
        if (layer != null && rules.stream().noneMatch(r -> r.layer() == layer && r.enabled())) {
            return "Rule '" + description + "' cannot be violated: no rule in force reports in layer " + layer.id()
                    + ", so it would pass whatever happens: load the rules of that layer (" + (layer == Layer.CUSTOM
                    ? "custom rule files, or a pack of your own" : "its pack, or custom rules with the prefix '"
                    + layer.id() + ".'") + "), or turn them on in governance.yml" + allow;
        }
        int facts = report.factCounts().values().stream().mapToInt(Integer::intValue).sum();
        if (facts == 0) {
            return "Rule '" + description + "' matched no facts: the check saw no changes, ADRs, contracts, "
                    + "deployments or other facts, so it would pass whatever happens: point it at a repository or "
                    + "at facts" + allow;
        }
        String untouched = selection.untouched(report);
        if (untouched != null) {
            return "Rule '" + description + "' matched no facts: no change of the check (" + report.changes().size()
                    + (report.changes().size() == 1 ? " change" : " changes") + ") touched a path matching "
                    + untouched + ", so it would pass whatever happens: fix the pattern" + allow;
        }
        return null;
    }

    private String message(List<Finding> violations, Path baseline, List<RuleInfo> rules) {
        int n = violations.size();
        StringBuilder out = new StringBuilder("Rule '").append(description).append("' was violated (")
                .append(n).append(n == 1 ? " time)" : " times)");
        if (!reasons.isEmpty()) {
            out.append(", because ").append(String.join(" and ", reasons));
        }
        out.append(':');
        for (Finding f : violations) {
            out.append("\n  ");
            if (selection.ruleId() == null) {
                out.append(f.ruleId()).append(" on "); // findings of several rules: say whose each is
            }
            out.append(f.subject().id()).append(": ").append(f.message()).append(evidence(f));
            out.append("\n    next: ").append(action(f, rules)).append("; ");
            if (baseline == null) {
                out.append("to accept today's state, wrap the rule in GovRules.freeze(…)");
            } else {
                out.append("to accept it, add ").append(f.fingerprint()).append(" to ").append(baseline);
            }
        }
        return out.toString();
    }

    /**
     * What to do about a finding: its rule's {@code @next}, with the subject filled in; a rule that does
     * not say (a custom one, whose author puts the action into the message) gets a generic action.
     */
    static String action(Finding finding, List<RuleInfo> rules) {
        String subject = finding.subject().id();
        for (RuleInfo rule : rules) {
            if (rule.id().equals(finding.ruleId()) && rule.next() != null) {
                return rule.next(subject);
            }
        }
        return "resolve what the finding on " + subject + " reports ('gov explain " + finding.ruleId()
                + "' says what the rule checks)";
    }

    /** The evidence a finding's message does not already name, as {@code " (evidence: deployment d1)"}. */
    private static String evidence(Finding f) {
        List<String> unnamed = new ArrayList<>();
        for (Ref ref : f.evidence()) {
            if (f.message().contains(ref.id()) || ref.equals(f.subject())) {
                continue;
            }
            String kind = ref.kind() == Ref.Kind.FINDING && ref.detail() != null
                    ? ref.detail() + " finding" : ref.kind().id();
            unnamed.add(kind + " " + ref.id());
        }
        return unnamed.isEmpty() ? "" : unnamed.stream().collect(Collectors.joining(", ", " (evidence: ", ")"));
    }

    private static String nearest(String wanted, Set<String> known) {
        return Suggestions.closest(wanted, new TreeSet<>(known), Math.max(2, wanted.length() / 5));
    }

    private static void throwIfFailed(Result result) {
        if (!result.passed()) {
            throw new AssertionError(result.message());
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
