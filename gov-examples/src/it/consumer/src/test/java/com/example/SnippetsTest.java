package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.example.host.Embedding;
import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.Scope;
import dev.governor.api.Change;
import dev.governor.api.Deployment;
import dev.governor.api.FactSource;
import dev.governor.api.Facts;
import dev.governor.api.FileChange;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Every snippet runs as documented, in a project that knows Governor only from its installed artifacts. The
 * project directory is made a git repository first, with two pull requests (#41, #42) as the snippets expect.
 */
class SnippetsTest {

    @BeforeAll
    static void theProjectIsAGitRepositoryWithTwoPullRequests() throws IOException, InterruptedException {
        git("-c", "init.defaultBranch=main", "init", "-q");
        // what the build writes is no part of the history
        Files.writeString(Path.of(".gitignore"), "target/\n.mvn/\nbuild.log\n");
        git("add", "governance.yml", "governance", ".gitignore");
        commit("chore: adopt Governor (#41)", "tech-debt", "2026-11-02T09:00:00Z");
        git("add", "-A");
        commit("feat: book payments in a ledger (#42)", "feature", "2026-11-03T09:00:00Z");
    }

    static void commit(String subject, String type, String at) throws IOException, InterruptedException {
        git(Map.of("GIT_AUTHOR_DATE", at, "GIT_COMMITTER_DATE", at), "-c", "user.name=Ada Example",
                "-c", "user.email=ada@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m",
                subject + "\n\nChange-Type: " + type + "\nRisk: low\n");
    }

    static void git(String... args) throws IOException, InterruptedException {
        git(Map.of(), args);
    }

    static void git(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder process = new ProcessBuilder(command).inheritIO();
        process.environment().putAll(env);
        assertEquals(0, process.start().waitFor(), "git " + String.join(" ", args));
    }

    /** Runs a test class (package-private, as the snippets write them) through the JUnit Platform: "name: SUCCESSFUL" or "name: FAILED message", per test. */
    static List<String> run(String testClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .build();
        List<String> finished = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    finished.add(id.getDisplayName() + ": " + result.getStatus()
                            + result.getThrowable().map(t -> " " + t.getMessage()).orElse(""));
                }
            }
        });
        finished.sort(null);
        return finished;
    }

    @Test
    void governor_comes_from_the_artifacts_this_build_installed() {
        String jar = Governor.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(jar.contains("/it-repo/dev/governor/gov-rules/"), jar);
    }

    // --- README -------------------------------------------------------------------------------------

    @Test
    void the_readme_embedding_snippet_checks_this_repository() {
        Report report = Embedding.readme();

        assertTrue(report.passed());
        assertEquals(2, report.factCounts().get("changes"));
    }

    @Test
    void the_readme_test_class_runs_its_rule_field() {
        assertEquals(List.of("noHotspots: SUCCESSFUL"), run("com.example.readme.GovernanceTest"));
    }

    // --- spec/api.md ----------------------------------------------------------------------------------

    @Test
    void the_spec_embedding_snippet_checks_everything_and_one_pull_request() {
        Report[] reports = Embedding.spec(Instant.parse("2026-11-10T00:00:00Z"));

        assertTrue(reports[0].passed());
        assertTrue(reports[1].findings().stream().allMatch(f -> "#42".equals(f.change())));
    }

    @Test
    void the_spec_test_class_runs_and_its_contract_rule_says_it_could_not_fail_here() {
        // this repository's policy has only the Intent layer in force: a Contract rule would pass whatever happens
        assertEquals(List.of(
                "contractsSafe: FAILED Rule 'no blocking findings in layer contract' matched no facts: layer contract "
                        + "is not in force under the policy, so it would pass whatever happens: put it in force in "
                        + "governance.yml, or allow it with .allowEmptyShould(true)",
                "noHotspots: SUCCESSFUL",
                "releaseIsVerified(): SUCCESSFUL"), run("com.example.spec.GovernanceTest"));
    }

    @Test
    void the_spec_custom_rule_is_unit_tested_on_facts_in_memory() {
        Facts friday = Facts.builder()
                .change(Change.builder("#42").mergedAt(Instant.parse("2026-11-06T10:00:00Z")).declaredType("feature")
                        .risk("low").build())
                .deployment(new Deployment("d1", "3f2a9c1d0b7e", "prod", Instant.parse("2026-11-06T16:30:00Z"),
                        Deployment.Status.SUCCESS))
                .build();
        Governor governor = Governor.builder().rules(Path.of("src/test/resources/spec-rules")).facts(friday).build();

        AssertionError failure = assertThrows(AssertionError.class,
                () -> GovRules.noFindings("ci.no-friday-deploys").check(governor));
        assertTrue(failure.getMessage().startsWith("Rule 'ci.no-friday-deploys' was violated (1 time):\n"
                + "  3f2a9c1d0b7e: deployed to prod on a Friday (evidence: deployment d1)\n"), failure.getMessage());
    }

    @Test
    void a_frozen_rule_of_the_spec_passes_on_its_committed_baseline() {
        GovRules.freeze(GovRules.noFindings("intent.tactical-hotspot"))
                .check(Governor.builder().repository(Path.of(".")).build());
    }

    // --- docs/api.md ----------------------------------------------------------------------------------

    @Test
    void docs_embedding_with_branch_since_and_scope() {
        Governor governor = Governor.builder()
            .repository(Path.of("."))                  // a git repository (gov-adapters)
            .branch("main")                            // optional: else the policy's branch, else HEAD's
            .since(Instant.parse("2026-10-01T00:00:00Z")) // optional: report findings from here on (default: 90 days)
            .build();
        Report report = governor.check();
        Report pr = governor.check(Scope.changes("#42"));   // the findings of one pull request (CI mode)

        assertEquals(List.of(Layer.INTENT), List.copyOf(report.layers()));
        assertEquals(2, report.changes().size());
        assertTrue(pr.findings().size() <= report.findings().size());
        assertTrue(governor.rules().stream().anyMatch(r -> r.layer() == Layer.INTENT));
    }

    @Test
    void docs_a_fact_source_of_ones_own() {
        FactSource deployments = context -> Facts.builder()
            .deployment(new Deployment("deploy-17", "3f2a9c1d0b7e", "prod",
                Instant.parse("2026-11-06T16:30:00Z"), Deployment.Status.SUCCESS))
            .build();
        Governor governor = Governor.builder()
            .facts(deployments)                          // repeatable; beside the repository's facts, or alone
            .rules(Path.of("governance/rules"))
            .build();

        // the Release layer asks for sign-off evidence of every recorded deployment; this host keeps none
        assertEquals(List.of("release.unsigned-deployment", "ci.no-friday-deploys"),
                governor.check().findings().stream().map(f -> f.ruleId()).toList());
    }

    @Test
    void docs_the_custom_rule_compiles_as_written() {
        Governor governor = Governor.builder().rules(Path.of("src/test/resources/docs-rules"))
                .facts(Facts.builder().deployment(new Deployment("deploy-17", "3f2a9c1d0b7e", "prod",
                        Instant.parse("2026-11-06T16:30:00Z"), Deployment.Status.SUCCESS)).build())
                .build();

        assertEquals(List.of("ci.prod-without-staging"), governor.check().blocking().stream().map(f -> f.ruleId()).toList());
    }

    @Test
    void docs_composed_rules_read_as_sentences() {
        Report report = Governor.builder().repository(Path.of(".")).build().check();

        GovRule payments = GovRules.findings().that().touch("src/pay/**").and().areBlocking().should().beEmpty()
            .because("the payment service is released every day");
        GovRule intent = GovRules.findings().that().areInLayer(Layer.INTENT).should().notBeBlocking();
        AssertionError failure = assertThrows(AssertionError.class, () -> GovRules.allOf(payments, intent).check(report));

        // this project keeps its payments under src/main/java/com/example/pay: the pattern touches nothing here
        assertTrue(failure.getMessage().startsWith("1 of 2 rules of 'findings that touch src/pay/** and are blocking "
                + "should be empty; findings that are in layer intent should not be blocking' was violated:\n"
                + "Rule 'findings that touch src/pay/** and are blocking should be empty' matched no facts: no change "
                + "of the check (2 changes) touched a path matching src/pay/**"), failure.getMessage());
    }

    @Test
    void docs_a_rule_pack_of_ones_own_tested_on_facts_in_memory() {
        Facts facts = Facts.builder()
            .change(Change.builder("#42").mergedAt(Instant.parse("2026-11-06T10:00:00Z"))
                .declaredType("feature").risk("low").file(FileChange.modified("src/pay/Ledger.java")).build())
            .deployment(new Deployment("deploy-17", "3f2a9c1d0b7e", "prod",
                Instant.parse("2026-11-06T16:30:00Z"), Deployment.Status.SUCCESS))
            .build();
        Governor governor = Governor.builder()
            .rules(Path.of("governance/rules"))          // the pack under test
            .facts(facts)
            .clock(Clock.fixed(Instant.parse("2026-11-07T00:00:00Z"), ZoneOffset.UTC))
            .build();
        GovRule.Result result = GovRules.noFindings("ci.no-friday-deploys").evaluate(governor);
        // result.passed() is false: deploy-17 went to prod on a Friday

        assertFalse(result.passed());
        assertEquals("deploy-17", result.violations().get(0).evidence().get(0).id());
    }

    @Test
    void docs_the_repository_test_class_runs_its_field_and_its_method() {
        assertEquals(List.of("noNewHotspots: SUCCESSFUL", "paymentsHaveNoBlockingFindings: SUCCESSFUL"),
                run("com.example.docs.PaymentGovernanceTest"));
    }

    @Test
    void docs_nothing_to_check_fails() {
        GovernanceException e = assertThrows(GovernanceException.class, () -> Governor.builder().build().check());
        assertTrue(e.getMessage().startsWith("nothing to check: "), e.getMessage());
    }
}
