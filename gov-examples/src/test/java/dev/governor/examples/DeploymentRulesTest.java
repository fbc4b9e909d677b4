package dev.governor.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.governor.Governor;
import dev.governor.RuleInfo;
import dev.governor.api.Deployment;
import dev.governor.api.Facts;
import dev.governor.api.GovernanceException;
import dev.governor.api.Severity;
import dev.governor.test.GovRule;
import dev.governor.test.GovRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's own rule pack of two rules ({@code rules/} of this module), unit-tested on facts built in memory:
 * no repository, no files, one Governor per case that loads the pack and the facts.
 */
class DeploymentRulesTest {

    static final Instant THURSDAY = Instant.parse("2026-11-05T16:30:00Z");
    static final Instant FRIDAY = Instant.parse("2026-11-06T16:30:00Z");

    static final GovRule NO_FRIDAY_DEPLOYS = GovRules.noFindings("ci.no-friday-deploys")
            .because("a bad deploy should not wait for Monday");
    static final GovRule STAGING_FIRST = GovRules.noFindings("ci.prod-without-staging");

    /** The pack and these deployments, checked an hour after the Friday deployment. */
    static Governor governor(Deployment... deployments) {
        return Governor.builder()
                .rules(HostTool.bundledRules())
                .facts(Facts.builder().addAll(List.of(deployments)).build())
                .clock(Clock.fixed(FRIDAY.plusSeconds(3600), ZoneOffset.UTC))
                .build();
    }

    static Deployment deploy(String id, String env, Instant at, Deployment.Status status) {
        return new Deployment(id, "3f2a9c1d0b7e", env, at, status);
    }

    static Deployment staged(Instant prodAt) {
        return deploy("stage-1", "staging", prodAt.minus(Duration.ofHours(2)), Deployment.Status.SUCCESS);
    }

    @Test
    void a_prod_deployment_on_a_friday_violates_the_friday_rule() {
        Governor governor = governor(staged(FRIDAY), deploy("deploy-17", "prod", FRIDAY, Deployment.Status.SUCCESS));

        assertThatThrownBy(() -> NO_FRIDAY_DEPLOYS.check(governor))
                .hasMessage("Rule 'ci.no-friday-deploys' was violated (1 time), because a bad deploy should not wait "
                        + "for Monday:\n"
                        + "  3f2a9c1d0b7e: deployed to prod on a Friday (evidence: deployment deploy-17)\n"
                        + "    next: resolve what the finding on 3f2a9c1d0b7e reports ('gov explain "
                        + "ci.no-friday-deploys' says what the rule checks); to accept today's state, wrap the rule "
                        + "in GovRules.freeze(…)");
        assertThatCode(() -> STAGING_FIRST.check(governor)).doesNotThrowAnyException();
    }

    @Test
    void a_staged_prod_deployment_on_a_thursday_passes_both_rules() {
        Governor governor = governor(staged(THURSDAY), deploy("deploy-16", "prod", THURSDAY, Deployment.Status.SUCCESS));

        assertThatCode(() -> GovRules.allOf(NO_FRIDAY_DEPLOYS, STAGING_FIRST).check(governor)).doesNotThrowAnyException();
    }

    @Test
    void a_prod_deployment_with_no_staging_deployment_before_it_is_blocking() {
        Governor governor = governor(deploy("deploy-16", "prod", THURSDAY, Deployment.Status.SUCCESS),
                deploy("stage-late", "staging", THURSDAY.plusSeconds(60), Deployment.Status.SUCCESS));

        assertThatThrownBy(() -> STAGING_FIRST.check(governor))
                .hasMessage("Rule 'ci.prod-without-staging' was violated (1 time):\n"
                        + "  3f2a9c1d0b7e: deploy-16 deployed 3f2a9c1d0b7e to prod with no successful staging "
                        + "deployment of it before\n"
                        + "    next: resolve what the finding on 3f2a9c1d0b7e reports ('gov explain "
                        + "ci.prod-without-staging' says what the rule checks); to accept today's state, wrap the rule "
                        + "in GovRules.freeze(…)");
        assertThat(governor.check().blocking()).extracting(f -> f.ruleId()).containsExactly("ci.prod-without-staging");
    }

    @Test
    void a_failed_staging_deployment_does_not_count() {
        Governor governor = governor(deploy("stage-1", "staging", THURSDAY.minusSeconds(7200), Deployment.Status.FAILED),
                deploy("deploy-16", "prod", THURSDAY, Deployment.Status.SUCCESS));

        assertThat(STAGING_FIRST.evaluate(governor).violations()).extracting(f -> f.evidence().get(0).id())
                .containsExactly("deploy-16");
    }

    @Test
    void a_staging_deployment_on_a_friday_passes_the_friday_rule() {
        Governor governor = governor(deploy("deploy-18", "staging", FRIDAY, Deployment.Status.SUCCESS));

        assertThatCode(() -> NO_FRIDAY_DEPLOYS.check(governor)).doesNotThrowAnyException();
    }

    @Test
    void the_pack_is_loaded_with_its_descriptions_and_severities() {
        assertThat(governor().rules()).filteredOn(r -> r.id().startsWith("ci."))
                .extracting(RuleInfo::id, RuleInfo::severity, RuleInfo::description)
                .containsExactly(
                        tuple("ci.no-friday-deploys", Severity.WARNING, "Production is "
                                + "not deployed on a Friday (UTC): a bad deploy should not wait for Monday to be looked at."),
                        tuple("ci.prod-without-staging", Severity.BLOCKING, "A commit is "
                                + "deployed to prod only after a successful staging deployment of the same commit."));
    }

    @Test
    void a_rule_file_that_does_not_compile_is_refused_when_the_governor_is_built(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("broken.drl"), "package governance.ci;\n"
                + "\n"
                + "rule \"ci.broken\"\n"
                + "when\n"
                + "    $d : Deployment( nosuchfield == 1 )\n"
                + "then\n"
                + "end\n");

        assertThatThrownBy(() -> Governor.builder().rules(dir).build())
                .isInstanceOfSatisfying(GovernanceException.class, e -> {
                    assertThat(e.source()).isEqualTo(bad.toString());
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.problem()).isEqualTo("rule 'ci.broken' does not compile: Deployment has no field "
                            + "'nosuchfield'; its fields are at, dayOfWeek, env, id, ref, sha, status");
                });
    }
}
