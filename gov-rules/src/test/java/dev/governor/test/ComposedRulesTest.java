package dev.governor.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.api.Change;
import dev.governor.api.Facts;
import dev.governor.api.FileChange;
import dev.governor.api.Layer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules written as sentences over a selection of findings, and rules combined into one. */
class ComposedRulesTest {

    static final Instant T0 = GovRulesTest.T0;
    static final String LEDGER = GovRulesTest.LEDGER;

    /** The hotspot on the ledger, plus #7, a web change that declares no risk, plus #8 that declares none either and touches pay. */
    static Report report() {
        List<Change> changes = new ArrayList<>(GovRulesTest.hotspot());
        changes.add(GovRulesTest.withFields(Change.builder("#7").mergedAt(T0.plus(Duration.ofDays(5))).declaredType("feature")
                .file(FileChange.modified("src/web/App.java"))).build());
        changes.add(GovRulesTest.withFields(Change.builder("#8").mergedAt(T0.plus(Duration.ofDays(6))).declaredType("feature")
                .file(FileChange.added("src/pay/Refund.java"))).build());
        return Governor.builder().facts(Facts.builder().addAll(changes).build())
                .clock(Clock.fixed(GovRulesTest.NOW, ZoneOffset.UTC)).build().check();
    }

    @Test
    void a_selection_reads_as_the_sentence_that_built_it() {
        assertThat(GovRules.findings().that().touch("src/pay/**").and().areBlocking().should().beEmpty().description())
                .isEqualTo("findings that touch src/pay/** and are blocking should be empty");
        assertThat(GovRules.findings().that().areInLayer(Layer.INTENT).should().notBeBlocking().description())
                .isEqualTo("findings that are in layer intent should not be blocking");
    }

    @Test
    void findings_that_touch_a_path_are_those_about_it_and_those_of_changes_that_touched_it() {
        assertThatThrownBy(() -> GovRules.findings().that().touch("src/pay/**").should().beEmpty().check(report()))
                .isExactlyInstanceOf(AssertionError.class)
                .hasMessage("Rule 'findings that touch src/pay/** should be empty' was violated (2 times):\n"
                        + "  intent.risk-missing on #8: #8 declares no risk level: add 'Risk: low|medium|high|critical'\n"
                        + "    next: add 'Risk: low|medium|high|critical' to #8; to accept today's state, wrap the rule "
                        + "in GovRules.freeze(…)\n"
                        + "  intent.tactical-hotspot on " + GovRulesTest.HOTSPOT_LINE.substring(2)
                        + "    next: merge a change with Change-Type: strategic-fix touching src/pay/Ledger.java; "
                        + "to accept today's state, wrap the rule in GovRules.freeze(…)");
    }

    @Test
    void findings_elsewhere_leave_a_path_rule_passing() {
        // the web change has a warning; the blocking hotspot is on the ledger, elsewhere
        assertThatCode(() -> GovRules.findings().that().touch("src/web/**").and().areBlocking().should().beEmpty()
                .check(report())).doesNotThrowAnyException();
    }

    @Test
    void a_pattern_that_no_change_touched_fails_as_a_misspelt_rule_id_does() {
        assertThatThrownBy(() -> GovRules.findings().that().touch("src/pya/**").should().beEmpty().check(report()))
                .hasMessage("Rule 'findings that touch src/pya/** should be empty' matched no facts: no change of the "
                        + "check (5 changes) touched a path matching src/pya/**, so it would pass whatever happens: fix "
                        + "the pattern, or allow it with .allowEmptyShould(true)");
    }

    @Test
    void a_selection_of_an_unknown_rule_fails_with_the_rule_it_likely_meant() {
        assertThatThrownBy(() -> GovRules.findings().that().areOfRule("intent.risk-mising").should().beEmpty()
                .check(report()))
                .hasMessage("Rule 'findings that are of rule intent.risk-mising should be empty' names no loaded rule "
                        + "(did you mean 'intent.risk-missing'?), so it would pass whatever happens: fix the rule id, or "
                        + "allow it with .allowEmptyShould(true)");
    }

    @Test
    void warnings_pass_a_rule_that_they_should_not_be_blocking() {
        assertThatCode(() -> GovRules.findings().that().touch("src/web/**").should().notBeBlocking().check(report()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> GovRules.findings().that().touch("src/web/**").should().beEmpty().check(report()))
                .hasMessageStartingWith("Rule 'findings that touch src/web/** should be empty' was violated (1 time):\n"
                        + "  intent.risk-missing on #7: ");
    }

    @Test
    void combined_rules_pass_when_each_passes() {
        GovRule both = GovRules.allOf(GovRules.noFindings("intent.tag-missing"),
                GovRules.findings().that().touch("src/web/**").should().notBeBlocking());

        assertThatCode(() -> both.check(report())).doesNotThrowAnyException();
    }

    @Test
    void combined_rules_fail_with_one_message_holding_each_failing_rules_own() {
        GovRule all = GovRules.allOf(
                GovRules.noFindings("intent.tag-missing"),
                GovRules.noFindings("intent.tactical-hotspot").because("hotspots call for a strategic fix"),
                GovRules.findings().that().touch("src/web/**").should().beEmpty())
                .because("the payment team said so");

        assertThatThrownBy(() -> all.check(report()))
                .hasMessage("2 of 3 rules of 'intent.tag-missing; intent.tactical-hotspot; findings that touch "
                        + "src/web/** should be empty' were violated, because the payment team said so:\n"
                        + "Rule 'intent.tactical-hotspot' was violated (1 time), because hotspots call for a strategic "
                        + "fix:\n"
                        + GovRulesTest.HOTSPOT_LINE
                        + "    next: merge a change with Change-Type: strategic-fix touching src/pay/Ledger.java; "
                        + "to accept today's state, wrap the rule in GovRules.freeze(…)\n"
                        + "Rule 'findings that touch src/web/** should be empty' was violated (1 time):\n"
                        + "  intent.risk-missing on #7: #7 declares no risk level: add 'Risk: low|medium|high|critical'\n"
                        + "    next: add 'Risk: low|medium|high|critical' to #7; to accept today's state, wrap the rule "
                        + "in GovRules.freeze(…)");
    }

    @Test
    void a_combined_rule_returns_every_violation_of_the_rules_that_failed() {
        GovRule.Result result = GovRules.allOf(GovRules.noFindings("intent.tactical-hotspot"),
                GovRules.findings().that().touch("src/web/**").should().beEmpty()).evaluate(report());

        assertThat(result.passed()).isFalse();
        assertThat(result.violations()).extracting(f -> f.ruleId() + " " + f.subject().id())
                .containsExactly("intent.tactical-hotspot src/pay/Ledger.java", "intent.risk-missing #7");
    }

    @Test
    void a_combined_rule_that_allows_empty_shoulds_allows_them_for_each_rule() {
        GovRule lenient = GovRules.allOf(GovRules.noFindings("ci.not-loaded"),
                GovRules.findings().that().touch("nowhere/**").should().beEmpty()).allowEmptyShould(true);

        assertThatCode(() -> lenient.check(report())).doesNotThrowAnyException();
    }

    @Test
    void combining_no_rule_is_refused() {
        assertThatThrownBy(GovRules::allOf).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GovRules.allOf needs at least one rule");
    }
}
