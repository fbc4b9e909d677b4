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
import dev.governor.api.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovRulesTest {

    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    static final String LEDGER = "src/pay/Ledger.java";
    static final String BECAUSE = "three quick fixes to one file in a week call for a strategic fix";

    @TempDir
    Path dir;

    static Change fix(String id, String type, Instant at, String path) {
        return withFields(Change.builder(id).mergedAt(at).risk("low").declaredType(type).file(FileChange.modified(path)))
                .build();
    }

    /** The four template fields, so that the Change layer has nothing to say about a change. */
    static Change.Builder withFields(Change.Builder change) {
        return change.field("intent", "i").field("blast-radius", "b").field("verification", "v").field("rollback", "r");
    }

    /** #412, #418, #421: three tactical fixes to the ledger within a week. */
    static List<Change> hotspot() {
        return List.of(
                fix("#412", "tactical-fix", T0, LEDGER),
                fix("#418", "tactical-fix", T0.plus(Duration.ofDays(2)), LEDGER),
                fix("#421", "tactical-fix", T0.plus(Duration.ofDays(4)), LEDGER));
    }

    static Facts facts(List<Change> changes) {
        return Facts.builder().addAll(changes).build();
    }

    static Governor governor(List<Change> changes) {
        return Governor.builder().facts(facts(changes)).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withoutServiceLoadedSources().build();
    }

    static final String HOTSPOT_LINE = "  src/pay/Ledger.java: 3 tactical fixes within 7d (#412 2026-11-02, "
            + "#418 2026-11-04, #421 2026-11-06): src/pay/Ledger.java is locked until a strategic fix\n";

    @Test
    void a_violated_rule_names_itself_its_reason_each_violation_and_what_to_do() {
        GovRule rule = GovRules.noFindings("intent.tactical-hotspot").because(BECAUSE);

        assertThatThrownBy(() -> rule.check(governor(hotspot())))
                .isExactlyInstanceOf(AssertionError.class)
                .hasMessage("Rule 'intent.tactical-hotspot' was violated (1 time), because " + BECAUSE + ":\n"
                        + HOTSPOT_LINE
                        + "    next: merge a change with Change-Type: strategic-fix touching src/pay/Ledger.java; "
                        + "to accept today's state, wrap the rule in GovRules.freeze(…)");
    }

    @Test
    void a_rule_without_a_reason_has_no_because_clause_and_counts_times_in_plural() {
        List<Change> two = new ArrayList<>(hotspot());
        two.add(fix("#430", "tactical-fix", T0.plus(Duration.ofDays(5)), "a.java"));
        two.add(fix("#431", "tactical-fix", T0.plus(Duration.ofDays(5)), "a.java"));
        two.add(fix("#432", "tactical-fix", T0.plus(Duration.ofDays(5)), "a.java"));

        assertThatThrownBy(() -> GovRules.noFindings("intent.tactical-hotspot").check(governor(two)))
                .hasMessage("Rule 'intent.tactical-hotspot' was violated (2 times):\n"
                        + "  a.java: 3 tactical fixes within 7d (#430 2026-11-07, #431 2026-11-07, #432 2026-11-07): "
                        + "a.java is locked until a strategic fix\n"
                        + "    next: merge a change with Change-Type: strategic-fix touching a.java; "
                        + "to accept today's state, wrap the rule in GovRules.freeze(…)\n"
                        + HOTSPOT_LINE
                        + "    next: merge a change with Change-Type: strategic-fix touching src/pay/Ledger.java; "
                        + "to accept today's state, wrap the rule in GovRules.freeze(…)");
    }

    @Test
    void reasons_given_twice_read_as_one_because_clause() {
        GovRule rule = GovRules.noFindings("intent.tactical-hotspot").because("hotspots hurt").because("we said so");

        assertThat(rule.evaluate(governor(hotspot())).message())
                .startsWith("Rule 'intent.tactical-hotspot' was violated (1 time), because hotspots hurt and we said so:\n");
    }

    @Test
    void because_returns_a_new_rule_and_leaves_the_original_as_it_was() {
        GovRule plain = GovRules.noFindings("intent.tactical-hotspot");
        plain.because(BECAUSE);

        assertThat(plain.evaluate(governor(hotspot())).message())
                .startsWith("Rule 'intent.tactical-hotspot' was violated (1 time):\n");
    }

    @Test
    void evidence_the_message_does_not_name_is_listed_after_it() {
        List<Change> changes = new ArrayList<>(hotspot());
        changes.add(fix("#425", "tactical-fix", T0.plus(Duration.ofDays(5)), LEDGER));
        Governor governor = governor(changes);
        String lock = governor.check().findings().stream().filter(f -> f.ruleId().equals("intent.tactical-hotspot"))
                .findFirst().orElseThrow().fingerprint();

        assertThatThrownBy(() -> GovRules.noFindings("intent.strategic-fix-required").check(governor))
                .hasMessage("Rule 'intent.strategic-fix-required' was violated (1 time):\n"
                        + "  src/pay/Ledger.java: #425 is a tactical fix to src/pay/Ledger.java, locked since 2026-11-06 "
                        + "by a hotspot (#412, #418, #421): merge a change with Change-Type: strategic-fix touching it "
                        + "first (evidence: intent.tactical-hotspot finding " + lock + ")\n"
                        + "    next: merge a change with Change-Type: strategic-fix touching src/pay/Ledger.java before "
                        + "more tactical fixes; to accept today's state, wrap the rule in GovRules.freeze(…)");
    }

    @Test
    void a_rule_with_no_violations_passes_on_a_governor_a_report_and_facts() {
        List<Change> clean = List.of(fix("#1", "feature", T0, LEDGER));
        GovRule rule = GovRules.noFindings("intent.tactical-hotspot");

        assertThatCode(() -> rule.check(governor(clean))).doesNotThrowAnyException();
        assertThatCode(() -> rule.check(governor(clean).check())).doesNotThrowAnyException();
        assertThatCode(() -> rule.check(facts(clean))).doesNotThrowAnyException();
    }

    @Test
    void checking_facts_runs_the_built_in_rules_on_them() {
        assertThatThrownBy(() -> GovRules.noFindings("intent.tactical-hotspot").check(facts(hotspot())))
                .hasMessageStartingWith("Rule 'intent.tactical-hotspot' was violated (1 time):\n" + HOTSPOT_LINE);
    }

    @Test
    void checking_a_report_finds_the_same_violations_as_checking_its_governor() {
        Report report = governor(hotspot()).check();

        assertThatThrownBy(() -> GovRules.noFindings("intent.tactical-hotspot").check(report))
                .hasMessageStartingWith("Rule 'intent.tactical-hotspot' was violated (1 time):\n" + HOTSPOT_LINE);
    }

    @Test
    void evaluate_returns_the_violations_without_throwing() {
        GovRule.Result result = GovRules.noFindings("intent.tactical-hotspot").evaluate(governor(hotspot()));

        assertThat(result.passed()).isFalse();
        assertThat(result.violations()).extracting(f -> f.subject().id()).containsExactly(LEDGER);
        assertThat(result.failure()).contains(result.message());
    }

    @Test
    void a_misspelt_rule_id_fails_and_suggests_the_loaded_one() {
        assertThatThrownBy(() -> GovRules.noFindings("intent.tactical-hotpsot").check(governor(hotspot())))
                .hasMessage("Rule 'intent.tactical-hotpsot' names no loaded rule (did you mean "
                        + "'intent.tactical-hotspot'?), so it would pass whatever happens: fix the rule id, "
                        + "or allow it with .allowEmptyShould(true)");
    }

    @Test
    void a_report_knows_every_rule_its_governor_loaded_so_an_unknown_id_fails_on_it_too() {
        Report report = governor(hotspot()).check();

        assertThatThrownBy(() -> GovRules.noFindings("intent.tactical-hotpsot").check(report))
                .hasMessage("Rule 'intent.tactical-hotpsot' names no loaded rule (did you mean "
                        + "'intent.tactical-hotspot'?), so it would pass whatever happens: fix the rule id, "
                        + "or allow it with .allowEmptyShould(true)");
    }

    @Test
    void a_custom_rule_that_did_not_report_is_known_on_a_report_of_the_governor_that_loaded_it() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("quiet.drl"), "rule \"ci.quiet\"\nwhen\n    $c : Change( id == \"#none\" )\n"
                + "then\n    insert( Finding.of(\"ci.quiet\", Severity.INFO, $c, \"never\") );\nend\n");
        Report report = Governor.builder().rules(rules).facts(facts(hotspot())).withoutServiceLoadedSources().build()
                .check();

        assertThatCode(() -> GovRules.noFindings("ci.quiet").check(report)).doesNotThrowAnyException();
    }

    @Test
    void a_custom_rule_id_checked_on_bare_facts_says_how_to_load_the_rule() {
        assertThatThrownBy(() -> GovRules.noFindings("ci.no-friday-deploys").check(facts(hotspot())))
                .hasMessage("Rule 'ci.no-friday-deploys' names no built-in rule, so it would pass whatever happens: "
                        + "a check of facts alone runs the built-in rules; to test rules of your own, check a Governor "
                        + "that loads them (Governor.builder().rules(dir).facts(facts).build()), or allow it with "
                        + ".allowEmptyShould(true)");
    }

    @Test
    void a_layer_rule_over_a_layer_with_no_rule_in_force_fails() {
        assertThatThrownBy(() -> GovRules.layer(Layer.CUSTOM).hasNoFindings().check(governor(hotspot())))
                .hasMessage("Rule 'no findings in layer custom' cannot be violated: no rule in force reports in layer "
                        + "custom, so it would pass whatever happens: load the rules of that layer (custom rule files, "
                        + "or a pack of your own), or turn them on in governance.yml, or allow it with "
                        + ".allowEmptyShould(true)");
    }

    @Test
    void a_layer_rule_over_a_layer_whose_rules_are_all_turned_off_fails() {
        // every rule of the layer off: the layer is in force but nothing in it can report
        Policy.Builder policy = Policy.builder();
        governor(hotspot()).rules().stream().filter(r -> r.layer() == Layer.INTENT)
                .forEach(r -> policy.rule(r.id(), Policy.RuleSetting.OFF));
        Governor governor = Governor.builder().policy(policy.build()).facts(facts(hotspot()))
                .withoutServiceLoadedSources().build();

        assertThatThrownBy(() -> GovRules.layer(Layer.INTENT).hasNoBlockingFindings().check(governor))
                .hasMessage("Rule 'no blocking findings in layer intent' cannot be violated: no rule in force reports "
                        + "in layer intent, so it would pass whatever happens: load the rules of that layer (its pack, "
                        + "or custom rules with the prefix 'intent.'), or turn them on in governance.yml, or allow it "
                        + "with .allowEmptyShould(true)");
    }

    @Test
    void a_check_that_saw_no_facts_fails_and_says_how_to_allow_it() {
        assertThatThrownBy(() -> GovRules.noBlockingFindings().check(Facts.empty()))
                .hasMessage("Rule 'no blocking findings' matched no facts: the check saw no changes, ADRs, contracts, "
                        + "deployments or other facts, so it would pass whatever happens: point it at a repository "
                        + "or at facts, or allow it with .allowEmptyShould(true)");
    }

    @Test
    void allowing_an_empty_should_lets_a_check_without_facts_or_known_rule_pass() {
        assertThatCode(() -> GovRules.noBlockingFindings().allowEmptyShould(true).check(Facts.empty()))
                .doesNotThrowAnyException();
        assertThatCode(() -> GovRules.noFindings("ci.elsewhere").allowEmptyShould(true).check(facts(hotspot())))
                .doesNotThrowAnyException();
    }

    @Test
    void a_rule_the_policy_turned_off_fails_as_it_cannot_be_violated() throws IOException {
        Path policy = Files.writeString(dir.resolve("governance.yml"), "rules:\n  intent.risk-missing: { enabled: false }\n");
        Governor governor = Governor.builder().policy(policy).facts(facts(hotspot()))
                .withoutServiceLoadedSources().build();

        assertThatThrownBy(() -> GovRules.noFindings("intent.risk-missing").check(governor))
                .hasMessage("Rule 'intent.risk-missing' is turned off by the policy, so it would pass whatever "
                        + "happens: turn it on in governance.yml, or allow it with .allowEmptyShould(true)");
    }

    @Test
    void a_layer_rule_over_a_layer_not_in_force_fails() throws IOException {
        Path policy = Files.writeString(dir.resolve("governance.yml"), "layers: [intent]\n");
        Governor governor = Governor.builder().policy(policy).facts(facts(hotspot()))
                .withoutServiceLoadedSources().build();

        assertThatThrownBy(() -> GovRules.layer(Layer.CONTRACT).hasNoBlockingFindings().check(governor))
                .hasMessage("Rule 'no blocking findings in layer contract' matched no facts: layer contract is not in "
                        + "force under the policy, so it would pass whatever happens: put it in force in "
                        + "governance.yml, or allow it with .allowEmptyShould(true)");
    }

    @Test
    void a_layer_rule_reports_only_that_layers_blocking_findings() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("big.drl"), "rule \"ci.no-ledger\"\n    @severity(\"blocking\")\nwhen\n"
                + "    $c : Change( )\nthen\n    insert( Finding.of(\"ci.no-ledger\", Severity.BLOCKING, $c, \"no\") );\nend\n");
        Governor governor = Governor.builder().rules(rules).facts(facts(List.of(fix("#1", "feature", T0, LEDGER))))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).withoutServiceLoadedSources().build();

        assertThatCode(() -> GovRules.layer(Layer.INTENT).hasNoBlockingFindings().check(governor))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> GovRules.layer(Layer.CUSTOM).hasNoBlockingFindings().check(governor))
                .hasMessageStartingWith("Rule 'no blocking findings in layer custom' was violated (1 time):\n");
        assertThatThrownBy(() -> GovRules.layer(Layer.INTENT).hasNoBlockingFindings().check(governor(hotspot())))
                .hasMessageStartingWith("Rule 'no blocking findings in layer intent' was violated (1 time):\n"
                        + "  intent.tactical-hotspot on " + HOTSPOT_LINE.substring(2));
    }

    @Test
    void warnings_do_not_violate_no_blocking_findings_but_violate_no_findings_in_their_layer() {
        // every template field filled: the Change layer has nothing to say about #7
        List<Change> unrated = List.of(Change.builder("#7").mergedAt(T0).declaredType("feature").field("intent", "i")
                .field("blast-radius", "b").field("verification", "v").field("rollback", "r").build());

        assertThatCode(() -> GovRules.noBlockingFindings().check(governor(unrated))).doesNotThrowAnyException();
        assertThatThrownBy(() -> GovRules.layer(Layer.INTENT).hasNoFindings().check(governor(unrated)))
                .hasMessage("Rule 'no findings in layer intent' was violated (1 time):\n"
                        + "  intent.risk-missing on #7: #7 declares no risk level: add 'Risk: low|medium|high|critical'\n"
                        + "    next: add 'Risk: low|medium|high|critical' to #7; "
                        + "to accept today's state, wrap the rule in GovRules.freeze(…)");
    }
}
