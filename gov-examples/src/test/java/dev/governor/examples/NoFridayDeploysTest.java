package dev.governor.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.Governor;
import dev.governor.RuleInfo;
import dev.governor.api.Deployment;
import dev.governor.api.Facts;
import dev.governor.api.GovernanceException;
import dev.governor.api.Layer;
import dev.governor.test.GovRule;
import dev.governor.test.GovRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team's custom rule, unit-tested on facts built in memory: no repository needed. */
class NoFridayDeploysTest {

    static final Instant THURSDAY = Instant.parse("2026-11-05T16:30:00Z");
    static final Instant FRIDAY = Instant.parse("2026-11-06T16:30:00Z");

    static final GovRule NO_FRIDAY_DEPLOYS = GovRules.noFindings("ci.no-friday-deploys")
            .because("a bad deploy should not wait for Monday");

    static Governor governor(Deployment deployment) {
        return Governor.builder()
                .rules(HostTool.bundledRules())
                .facts(Facts.builder().deployment(deployment).build())
                .clock(Clock.fixed(FRIDAY.plusSeconds(3600), ZoneOffset.UTC))
                .withoutServiceLoadedSources()
                .build();
    }

    @Test
    void a_prod_deployment_on_a_friday_violates_the_rule() {
        Deployment friday = new Deployment("deploy-17", "3f2a9c1d0b7e", "prod", FRIDAY, Deployment.Status.SUCCESS);

        assertThatThrownBy(() -> NO_FRIDAY_DEPLOYS.check(governor(friday)))
                .hasMessage("Rule 'ci.no-friday-deploys' was violated (1 time), because a bad deploy should not wait "
                        + "for Monday:\n"
                        + "  3f2a9c1d0b7e: deployed to prod on a Friday (evidence: deployment deploy-17)\n"
                        + "    next: resolve what the finding on 3f2a9c1d0b7e reports ('gov explain "
                        + "ci.no-friday-deploys' says what the rule checks); to accept today's state, wrap the rule "
                        + "in GovRules.freeze(…)");
    }

    @Test
    void a_prod_deployment_on_a_thursday_passes() {
        Deployment thursday = new Deployment("deploy-16", "9b1c2d3e4f5a", "prod", THURSDAY, Deployment.Status.SUCCESS);

        assertThatCode(() -> NO_FRIDAY_DEPLOYS.check(governor(thursday))).doesNotThrowAnyException();
    }

    @Test
    void a_staging_deployment_on_a_friday_passes() {
        Deployment staging = new Deployment("deploy-18", "3f2a9c1d0b7e", "staging", FRIDAY, Deployment.Status.SUCCESS);

        assertThatCode(() -> NO_FRIDAY_DEPLOYS.check(governor(staging))).doesNotThrowAnyException();
    }

    @Test
    void the_custom_rule_is_loaded_with_its_description() {
        Deployment thursday = new Deployment("deploy-16", "9b1c2d3e4f5a", "prod", THURSDAY, Deployment.Status.SUCCESS);

        RuleInfo rule = governor(thursday).rules().stream().filter(r -> r.id().equals("ci.no-friday-deploys"))
                .findFirst().orElseThrow();
        assertThat(rule.layer()).isEqualTo(Layer.CUSTOM);
        assertThat(rule.description()).isEqualTo("Production is not deployed on a Friday (UTC): a bad deploy should "
                + "not wait for Monday to be looked at.");
    }

    @Test
    void a_rule_file_that_does_not_compile_is_refused_when_the_governor_is_built(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("broken.drl"), "package governance.ci;\n"
                + "import dev.governor.api.*;\n"
                + "rule \"ci.broken\"\n"
                + "when\n"
                + "    $d : Deployment( nosuchfield == 1 )\n"
                + "then\n"
                + "end\n");

        assertThatThrownBy(() -> Governor.builder().rules(dir).withoutServiceLoadedSources().build())
                .isInstanceOfSatisfying(GovernanceException.class, e -> {
                    assertThat(e.source()).isEqualTo(bad.toString());
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.problem()).isEqualTo("rule 'ci.broken' does not compile: Deployment has no field "
                            + "'nosuchfield'; its fields are at, dayOfWeek, env, id, ref, sha, status");
                });
    }
}
