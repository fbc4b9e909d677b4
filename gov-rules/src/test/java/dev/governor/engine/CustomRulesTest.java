package dev.governor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.RuleInfo;
import dev.governor.api.Deployment;
import dev.governor.api.Facts;
import dev.governor.api.GovernanceException;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.api.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomRulesTest {

    static final String FRIDAY_RULE = """
            package acme.rules;

            import dev.governor.api.*;
            import java.time.DayOfWeek;

            rule "ci.no-friday-deploys"
                @description("No deployments to prod on a Friday.")
            when
                $d : Deployment( env == "prod", dayOfWeek == DayOfWeek.FRIDAY )
            then
                insert( Finding.of("ci.no-friday-deploys", Severity.WARNING, $d.sha(), "deployed to prod on a Friday", $d) );
            end
            """;

    static final Instant FRIDAY = Instant.parse("2026-11-20T16:00:00Z");
    static final Instant THURSDAY = Instant.parse("2026-11-19T16:00:00Z");

    @TempDir
    Path dir;

    private Governor.Builder governor(Path rules, Deployment... deployments) {
        return Governor.builder()
                .rules(rules)
                .facts(Facts.builder().addAll(java.util.List.of(deployments)).build())
                .clock(Clock.fixed(FRIDAY, ZoneOffset.UTC))
                .withoutServiceLoadedSources();
    }

    @Test
    void a_custom_rule_reports_beside_the_built_in_pack() throws Exception {
        Files.writeString(dir.resolve("friday.drl"), FRIDAY_RULE);

        Report report = governor(dir,
                new Deployment("d1", "abc1234def", "prod", FRIDAY, Deployment.Status.SUCCESS),
                new Deployment("d2", "abc1234dee", "prod", THURSDAY, Deployment.Status.SUCCESS)).build().check();

        // beside the built-in pack: its Release rules warn that neither deployment was signed off
        assertThat(report.findings()).extracting(f -> f.ruleId() + " " + f.subject().id()).containsExactly(
                "release.unsigned-deployment d1", "release.unsigned-deployment d2", "ci.no-friday-deploys abc1234def");
        assertThat(report.findings()).filteredOn(f -> f.layer() == Layer.CUSTOM).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("ci.no-friday-deploys");
            assertThat(f.layer()).isEqualTo(Layer.CUSTOM);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.subject().id()).isEqualTo("abc1234def");
            assertThat(f.evidence()).extracting(r -> r.id()).containsExactly("d1");
        });
    }

    @Test
    void the_policy_changes_a_custom_rules_severity() throws Exception {
        Files.writeString(dir.resolve("friday.drl"), FRIDAY_RULE);
        Policy policy = Policy.builder().rule("ci.no-friday-deploys", new Policy.RuleSetting(Severity.BLOCKING, true)).build();

        Governor g = governor(dir, new Deployment("d1", "abc1234def", "prod", FRIDAY, Deployment.Status.SUCCESS))
                .policy(policy).build();

        assertThat(g.check().blocking()).extracting(f -> f.ruleId()).containsExactly("ci.no-friday-deploys");
        assertThat(g.rules()).filteredOn(r -> r.id().equals("ci.no-friday-deploys")).singleElement()
                .extracting(RuleInfo::severity, RuleInfo::description)
                .containsExactly(Severity.BLOCKING, "No deployments to prod on a Friday.");
    }

    @Test
    void a_rule_file_with_a_syntax_error_names_file_and_line() throws Exception {
        Path file = dir.resolve("broken.drl");
        Files.writeString(file, "package acme;\n\nrule \"ci.broken\"\nwhen\n    $d : Deployment( env == )\nthen\nend\n");

        assertThatThrownBy(() -> governor(dir).build())
                .isInstanceOf(GovernanceException.class)
                .satisfies(e -> {
                    GovernanceException g = (GovernanceException) e;
                    assertThat(g.source()).isEqualTo(file.toString());
                    assertThat(g.line()).isEqualTo(5);
                    assertThat(g.problem()).isEqualTo("rule 'ci.broken' does not compile: no viable alternative at "
                            + "input ')' in rule \"ci.broken\"");
                });
    }

    @Test
    void a_rule_id_without_a_prefix_is_refused() throws Exception {
        Path file = dir.resolve("bad-id.drl");
        Files.writeString(file, "package acme;\n\nrule \"NoFridays\"\nwhen\nthen\nend\n");

        assertThatThrownBy(() -> governor(dir).build())
                .isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":3: rule id 'NoFridays' must be <prefix>.<name> in lower case, like \"ci.no-friday-deploys\"");
    }

    @Test
    void a_custom_rule_may_not_take_a_built_in_rules_id() throws Exception {
        Path file = dir.resolve("mine.drl");
        Files.writeString(file, "rule \"intent.tag-missing\"\nwhen\n    $c : Change( )\nthen\nend\n");

        assertThatThrownBy(() -> governor(dir).build())
                .isInstanceOf(GovernanceException.class)
                .hasMessage(file + ":1: rule id 'intent.tag-missing' is a built-in rule's: give your rule an id of its "
                        + "own (to change the built-in one, set its severity or turn it off under rules: in governance.yml)");
    }

    @Test
    void a_missing_rule_directory_is_an_error() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> governor(missing).build())
                .isInstanceOf(GovernanceException.class)
                .hasMessage(missing + ": rule directory not found: give a directory of .drl files");
    }
}
