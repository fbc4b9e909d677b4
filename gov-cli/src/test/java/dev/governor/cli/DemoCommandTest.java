package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * gov demo: a sample history that trips every layer, checked and signed off; every format on it valid and stable,
 * its metrics four series.
 */
class DemoCommandTest {

    @TempDir
    static Path dir;

    static Path demo;
    static Gov.Result built;
    /** A second demo, built the same way in another directory. */
    static Path again;
    static Gov.Result second;

    @BeforeAll
    static void build_the_demo() {
        demo = dir.resolve("demo");
        built = Gov.plain().run("demo", demo.toString());
        again = dir.resolve("again");
        second = Gov.plain().run("demo", again.toString());
    }

    /** The demo's head and #10, the change it deploys last and signs off: the same on every run and machine. */
    static final String HEAD = "6988eab0e4845020757a652d57666b41e107da38";
    static final String DEPLOYED = "babc992963aefc9c967eac88c771b029e0bf5414";

    /** Runs the git command line in {@code repo}, with no user or system configuration; its output. */
    static String git(Path repo, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
            pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("git " + String.join(" ", args) + " finished").isTrue();
            assertThat(p.exitValue()).as("git " + String.join(" ", args) + ": " + output).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Gov.Result check(String format) {
        return check(demo, format);
    }

    static Gov.Result check(Path repo, String format) {
        return Gov.plain().with(CliEnvironment.GOV_NOW, DemoCommand.NOW.toString())
                .run("check", "--repo", repo.toString(), "--format", format);
    }

    @Test
    void the_demo_exits_1_with_findings_from_all_five_layers() throws Exception {
        JsonNode findings = new ObjectMapper().readTree(check("json").out()).path("findings");
        Map<String, Set<String>> rulesByLayer = new TreeMap<>();
        findings.forEach(f -> rulesByLayer.computeIfAbsent(f.path("layer").asText(), l -> new TreeSet<>())
                .add(f.path("rule").asText()));

        assertThat(built.exitCode()).as(built.err()).isEqualTo(1);
        assertThat(rulesByLayer).containsOnlyKeys("intent", "contract", "change", "release", "learning");
        assertThat(rulesByLayer.get("intent")).contains("intent.tactical-hotspot", "intent.strategic-fix-required");
        assertThat(rulesByLayer.get("contract")).contains("contract.undeclared-breaking");
        assertThat(rulesByLayer.get("change")).contains("change.adr-required");
        assertThat(rulesByLayer.get("release")).contains("release.unreviewed-high-risk", "release.unsigned-deployment");
        assertThat(rulesByLayer.get("learning")).contains("learning.release-blocker");
        assertThat(built.out()).startsWith("Built a sample repository in " + demo + " (11 changes) and checked it:\n\n"
                + "BLOCKING  intent.strategic-fix-required  services/orders/src/Orders.java\n");
    }

    @Test
    void the_demo_shows_the_hotspot_lock_the_undeclared_break_the_rename_and_the_release_blocker() {
        assertThat(built.out()).contains("""

                BLOCKING  intent.tactical-hotspot  services/orders/src/Orders.java
                    3 tactical fixes within 7d (#2 2026-11-03, #3 2026-11-04, #4 2026-11-05): \
                services/orders/src/Orders.java is locked until a strategic fix
                """, """

                BLOCKING  contract.undeclared-breaking  contracts/orders/openapi.yaml
                    #8 declares a non-breaking change to contracts/orders/openapi.yaml, but it breaks clients: \
                path-removed /paths/~1orders~1{id}
                """, """

                BLOCKING  change.adr-required  service services/billing
                    #9 renames services/billing to services/invoicing and adds or updates no ADR: add a three-sentence \
                ADR (title, decision, reason) to the change, or name one with an 'ADR:' trailer
                """, """

                BLOCKING  release.unreviewed-high-risk  change #9
                    #9 declares risk high (independent review from high) but has no APPROVED review or Reviewed-by \
                trailer from someone other than its author (grace@example.com)
                """, """

                BLOCKING  learning.release-blocker  week 2026-W48
                    change failure rate degraded two weeks in a row (2026-W46, 2026-W47): releases are blocked in \
                2026-W48
                """);
    }

    @Test
    void the_demo_signs_off_its_last_deployment_and_shows_the_failed_lint_gate() throws Exception {
        String sha = DEPLOYED.substring(0, 12);

        assertThat(built.out()).contains("\nThen, as CI does before a deployment, it asked for a sign-off of " + sha
                + " (#10, deployed last) for prod, by grace@example.com at 2026-11-27T12:00:00Z (gov sign-off --sha "
                + sha + " --env prod --by grace@example.com --record):\n\n"
                + "SIGN-OFF FAILED  6 of 9 predicates failed · 10 changes released · the evidence is recorded in"
                + " refs/notes/governance\n"
                + "failed    gate lint\n"
                + "          required gate 'lint' failed for " + sha + ": Checkstyle: 1 file, 1 error, 0 warnings; first:"
                + " services/orders/src/Orders.java:1 Missing a Javadoc comment. (.gov/gates/" + DEPLOYED
                + "/lint.checkstyle.xml)\n"
                + "failed    gate contract-diff\n");
        assertThat(built.out()).contains("\nfailed    no learning release blocker this week\n"
                + "          a learning release blocker is active in 2026-W48 (change failure rate degraded two weeks"
                + " in a row (2026-W46, 2026-W47): releases are blocked in 2026-W48): no release to prod this week\n");
        assertThat(built.out()).contains("\npassed    gate typecheck\n"
                + "          JUnit: 2 tests, 0 failures, 0 errors (.gov/gates/" + DEPLOYED + "/typecheck.junit.xml)\n"
                + "passed    gate security-scan\n"
                + "          SARIF (CodeQL): 0 errors, 0 warnings (.gov/gates/" + DEPLOYED + "/security-scan.sarif)\n");

        // the evidence is where gov sign-off --record leaves it: one JSON line in the commit's governance note
        List<String> note = git(demo, "notes", "--ref", "governance", "show", DEPLOYED).lines().toList();
        JsonNode recorded = new ObjectMapper().readTree(note.get(0));
        assertThat(note).hasSize(1);
        assertThat(recorded.path("kind").asText()).isEqualTo("governor.sign-off");
        assertThat(recorded.path("verdict").asText()).isEqualTo("failed");
        assertThat(recorded.path("env").asText()).isEqualTo("prod");
        assertThat(recorded.path("by").asText()).isEqualTo("grace@example.com");
    }

    @Test
    void the_demo_explains_each_of_the_five_layers_what_tripped_why_it_matters_and_what_to_do() {
        assertThat(built.out()).endsWith("\n\n" + """
                What it shows, layer by layer (the seed's five questions):
                  intent: Why are we changing this, and how risky is it?
                    tripped:  #2, #3 and #4 are tactical fixes to services/orders/src/Orders.java within a week, so the file is locked; #5, one more tactical fix, is stopped.
                    matters:  patch on patch on one file is where the next incident comes from; the lock asks for a real fix.
                    do:       merge a Change-Type: strategic-fix that touches the file, as #10 does (gov hotspots shows the lock).
                    found:    intent.strategic-fix-required, intent.tactical-hotspot
                  contract: What do other systems depend on?
                    tripped:  #8 removes GET /orders/{id} from the registered orders-api spec, declares it non-breaking, keeps version 1.0.0 and names no rollout plan.
                    matters:  checkout-service and billing-service call that path; a session changing the orders service cannot see them.
                    do:       declare Contract-Change: breaking, raise the major version and add a Rollout: plan (gov diff compares two specs).
                    found:    contract.rollout-plan-missing, contract.undeclared-breaking, contract.version-not-bumped
                  change: What changed, and can someone roll it back?
                    tripped:  #9 renames the billing service to invoicing with no ADR; #10 names no rollback step.
                    matters:  a boundary moved without a record is forgotten by the next session, which may move it back.
                    do:       add a three-sentence ADR (title, decision, reason) or an ADR: trailer, and a Rollback: step.
                    found:    change.adr-required, change.template-field-missing
                  release: Is this verified, or just merged?
                    tripped:  twelve deployments to prod were never signed off; #9, high risk, had no second reviewer; and the sign-off of #10 above fails: its lint gate failed and the range carries blocking findings.
                    matters:  a merge is not a verification: the sign-off is the evidence that the gates ran on what shipped.
                    do:       fix what each failed predicate names, then gov sign-off --record before deploying.
                    found:    release.unreviewed-high-risk, release.unsigned-deployment
                    sign-off: failed by release.gate-failed, release.learning-blocker, release.unresolved-blocking, release.unreviewed-high-risk
                  learning: Is the system getting better at recovering?
                    tripped:  the change failure rate rose two weeks running (0% in W45, 25% in W46, 50% in W47), so releases are blocked in W48; MTTR and the revert rate rose once.
                    matters:  a team that ships more failures each week should stop adding risk until it recovers.
                    do:       find why deployments fail (gov metrics shows the four metrics week by week), and release when the week ends or the rate falls.
                    found:    learning.metric-degraded, learning.release-blocker
                """ + "\nTry, in " + demo + ": gov check --format markdown (a PR comment), gov hotspots, gov metrics"
                + " --weeks 4 --format html --output metrics.html, git notes --ref governance show "
                + DEPLOYED.substring(0, 12) + ", gov explain intent.tactical-hotspot.\n");
    }

    @Test
    void the_demo_is_a_plain_git_history_with_the_same_shas_on_every_machine() {
        // fixed authors, times and contents: these SHAs change only when the demo's script does
        assertThat(git(demo, "rev-parse", "HEAD").strip()).isEqualTo(HEAD);
        assertThat(git(demo, "log", "--format=%an %aI %s", "-3")).isEqualTo("""
                Grace Hopper 2026-11-21T10:00:00+00:00 Record deployments, incidents, reviews and gates (#11)
                Ada Lovelace 2026-11-19T10:00:00+00:00 Make orders final (#10)
                Grace Hopper 2026-11-17T10:00:00+00:00 Rename billing to invoicing (#9)
                """);
        assertThat(git(demo, "log", "-1", "--format=%B", "HEAD~4")).startsWith("Revert \"Show a delivery estimate\" (#7)\n"
                + "\nThis reverts commit " + git(demo, "rev-parse", "HEAD~5").strip() + ".\n");
        assertThat(git(demo, "fsck", "--strict", "--no-progress")).isEmpty();
        assertThat(git(demo, "status", "--porcelain")).isEmpty();
    }

    @Test
    void the_demo_is_the_same_repository_and_report_on_every_run() {
        assertThat(second.out().replace(again.toString(), demo.toString())).isEqualTo(built.out());
        assertThat(git(again, "rev-parse", "HEAD", "refs/notes/governance"))
                .isEqualTo(git(demo, "rev-parse", "HEAD", "refs/notes/governance"));
    }

    @Test
    void the_demo_writes_records_in_the_formats_of_the_spec() throws Exception {
        assertThat(Files.readString(demo.resolve("governance.yml")))
                .contains("layers: [release, contract, change, learning, intent]");
        assertThat(Files.readAllLines(demo.resolve(".gov/deployments.yml"))).hasSize(12)
                .allMatch(l -> l.matches("- \\{ id: d-\\d+, sha: [0-9a-f]{40}, env: prod, at: 2026-11-\\d\\dT16:00:00Z,"
                        + " status: (success|failed|rolled-back) }"));
        try (var gates = Files.list(demo.resolve(".gov/gates"))) {
            assertThat(gates.toList()).singleElement().satisfies(g -> assertThat(g.getFileName().toString()).isEqualTo(DEPLOYED));
        }
        try (var results = Files.list(demo.resolve(".gov/gates").resolve(DEPLOYED))) {
            assertThat(results.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("lint.checkstyle.xml", "security-scan.sarif", "typecheck.junit.xml");
        }
        assertThat(Files.readAllLines(demo.resolve(".gov/reviews.yml"))).hasSize(5);
        assertThat(Files.readAllLines(demo.resolve(".gov/incidents.yml"))).hasSize(4);
        assertThat(demo.resolve("services/invoicing/src/Invoice.java")).exists();
        assertThat(demo.resolve("services/billing")).doesNotExist();
    }

    @Test
    void every_format_on_the_demo_is_valid_and_byte_identical_across_runs() throws Exception {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String format : List.of("text", "json", "sarif", "junit", "markdown")) {
            Gov.Result first = check(format);
            outputs.put(format, first.out());

            assertThat(first.exitCode()).as(format + ": " + first.err()).isEqualTo(1);
            assertThat(check(format).out()).as(format + ", checked again").isEqualTo(first.out());
            assertThat(check(again, format).out().replace(again.toString(), demo.toString()))
                    .as(format + ", on a second demo").isEqualTo(first.out());
        }
        assertThat(Schemas.reportErrors(outputs.get("json"))).isEmpty();
        assertThat(Schemas.sarifErrors(outputs.get("sarif"))).isEmpty();
        Document junit = OutputFormatsTest.parse(outputs.get("junit"));
        assertThat(junit.getElementsByTagName("failure").getLength())
                .isEqualTo(new ObjectMapper().readTree(outputs.get("json")).path("findings").size())
                .isEqualTo(25);
    }

    @Test
    void gov_metrics_on_the_demo_gives_four_series_with_values_in_three_weeks() throws Exception {
        Gov.Result r = Gov.plain().with(CliEnvironment.GOV_NOW, DemoCommand.NOW.toString())
                .run("metrics", "--repo", demo.toString(), "--weeks", "4", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        Map<String, List<String>> gated = new LinkedHashMap<>();
        json.path("metrics").forEach(m -> {
            if (m.path("gated").asBoolean()) {
                List<String> values = new ArrayList<>();
                m.path("values").forEach(v -> values.add(v.path("value").isNull() ? "-" : v.path("value").asText()));
                gated.put(m.path("id").asText(), values);
            }
        });

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(json.path("weeks").toString()).isEqualTo("[\"2026-W45\",\"2026-W46\",\"2026-W47\",\"2026-W48\"]");
        assertThat(gated).containsExactly(
                Map.entry("change-failure-rate", List.of("0", "0.25", "0.5", "-")),
                Map.entry("mttr", List.of("4", "3", "8", "-")),
                Map.entry("revert-rate", List.of("0", "0.25", "0", "-")),
                Map.entry("cross-team-blocking-time", List.of("6", "4", "2", "-")));
    }

    @Test
    void the_demo_never_builds_over_a_directory_that_holds_something() throws Exception {
        Path taken = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(taken.resolve("notes.txt"), "mine");

        Gov.Result r = Gov.plain().run("demo", taken.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gov: " + taken + ": not empty: gov demo builds its sample repository only in a"
                + " new or empty directory; give another DIR\n");
        assertThat(Files.readString(taken.resolve("notes.txt"))).isEqualTo("mine");
    }
}
