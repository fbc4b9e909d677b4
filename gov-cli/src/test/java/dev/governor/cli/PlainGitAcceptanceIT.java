package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code gov.jar}, run as a user runs it, on a repository made with the plain git
 * command line: trailers, Conventional Commits subjects, a merge whose trailers live on the merged
 * side, and a rename. The Intent findings must be exactly those spec/rules.md defines.
 */
class PlainGitAcceptanceIT {

    static final Instant D0 = Instant.parse("2026-11-02T09:00:00Z");
    static final String NOW = "2026-11-12T00:00:00Z";

    @TempDir
    static Path repo;
    @TempDir
    static Path home;

    static String initSha;

    @BeforeAll
    static void a_team_works_with_plain_git() throws Exception {
        git(D0, "init", "-q", "-b", "main");
        write("src/Ledger.java", "class Ledger {}\n");
        write("src/Other.java", "class Other {}\n");
        git(D0, "add", "-A");
        git(D0, "commit", "-q", "-m", "chore: start the ledger");
        initSha = git(D0, "rev-parse", "HEAD").strip();

        write("src/Ledger.java", "class Ledger { int a; }\n");
        commit(D0.plus(Duration.ofDays(1)), "fix: round totals (#1)\n\nRisk: low");

        git(D0.plus(Duration.ofDays(2)), "checkout", "-q", "-b", "feature");
        write("src/Ledger.java", "class Ledger { int a; int b; }\n");
        commit(D0.plus(Duration.ofDays(2)), "wip on totals\n\nChange-Type: tactical-fix\nRisk: low");
        git(D0.plus(Duration.ofDays(2)), "checkout", "-q", "main");
        git(D0.plus(Duration.ofDays(2).plusHours(1)), "merge", "-q", "--no-ff", "feature", "-m",
                "Merge pull request #2 from acme/feature");

        Files.createDirectories(repo.resolve("src/pay"));
        git(D0.plus(Duration.ofDays(3)), "mv", "src/Ledger.java", "src/pay/Ledger.java");
        commit(D0.plus(Duration.ofDays(3)), "refactor: move the ledger (#3)\n\nRisk: low");

        write("src/pay/Ledger.java", "class Ledger { int a; int b; int c; }\n");
        commit(D0.plus(Duration.ofDays(4)), "fix: carry the remainder (#4)\n\nRisk: low");

        write("src/pay/Ledger.java", "class Ledger { int a; int b; int c; int d; }\n");
        commit(D0.plus(Duration.ofDays(5)), "fix: one more rounding case (#5)\n\nRisk: low");

        write("src/pay/Ledger.java", "final class Ledger { long cents; }\n");
        commit(D0.plus(Duration.ofDays(6)), "Store cents as long (#6)\n\nChange-Type: strategic-fix\nRisk: medium");

        write("src/pay/Ledger.java", "final class Ledger { long cents; long fee; }\n");
        commit(D0.plus(Duration.ofDays(6).plusHours(1)), "fix: fee rounding (#7)\n\nRisk: low");
    }

    @Test
    void gov_check_gives_exactly_the_intent_findings_of_the_rules() throws Exception {
        Run run = gov("check", "--format", "json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> findings = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            if (!f.get("layer").asText().equals("intent")) {
                continue; // this history fills no template fields: the Change layer's findings are its own tests'
            }
            List<String> evidence = new ArrayList<>();
            f.get("evidence").forEach(e -> evidence.add(e.get("kind").asText() + ":" + e.get("id").asText()));
            findings.add(f.get("rule").asText() + " " + f.get("severity").asText() + " " + f.get("subject").get("id").asText()
                    + " " + f.get("change").asText() + " " + (f.get("rule").asText().equals("intent.strategic-fix-required")
                    ? "locked" : String.join(",", evidence)));
        }
        String init = initSha.substring(0, 12);
        assertThat(findings).containsExactly(
                "intent.risk-missing warning " + init + " " + init + " change:" + init,
                "intent.strategic-fix-required blocking src/pay/Ledger.java #5 locked",
                "intent.tactical-hotspot blocking src/pay/Ledger.java #4 change:#1,change:#2,change:#4");
        assertThat(report.get("summary").get("facts").get("changes").asInt()).isEqualTo(8);
    }

    @Test
    void change_limits_the_findings_to_one_pull_request() throws Exception {
        Run run = gov("check", "--format", "json", "--change", "#5");

        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> rules = new ArrayList<>();
        report.get("findings").forEach(f -> rules.add(f.get("rule").asText() + " " + f.get("change").asText()));
        // #5 also fills none of the four template fields, one Change finding each
        assertThat(rules).containsExactly("intent.strategic-fix-required #5", "change.template-field-missing #5",
                "change.template-field-missing #5", "change.template-field-missing #5", "change.template-field-missing #5");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void the_same_repository_and_clock_give_byte_identical_reports() throws Exception {
        assertThat(gov("check", "--format", "json").out()).isEqualTo(gov("check", "--format", "json").out());
    }

    record Run(int exit, String out, String err) {}

    static Run gov(String... args) throws IOException, InterruptedException {
        return new Shell(repo, home, NOW).gov(args);
    }

    static void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static void commit(Instant at, String message) throws Exception {
        git(at, "add", "-A");
        git(at, "commit", "-q", "-m", message);
    }

    static String git(Instant at, String... args) throws Exception {
        return new Shell(repo, home, NOW).git(at, args);
    }

    /** The packaged gov.jar and the git command line, run in {@code repo} with {@code GOV_NOW} fixed. */
    record Shell(Path repo, Path home, String now) {

        Run gov(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", Path.of("target", "gov.jar").toAbsolutePath().toString()));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile());
            pb.environment().put("GOV_NOW", now);
            Path out = Files.createTempFile(home, "out", ".txt");
            Path err = Files.createTempFile(home, "err", ".txt");
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("gov finished").isTrue();
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        }

        /** Runs the git command line with a clean configuration and both dates fixed. */
        String git(Instant at, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.put("HOME", home.toString());
            env.put("GIT_CONFIG_NOSYSTEM", "1");
            env.put("GIT_AUTHOR_NAME", "Ann Dev");
            env.put("GIT_AUTHOR_EMAIL", "ann@example.com");
            env.put("GIT_COMMITTER_NAME", "Ann Dev");
            env.put("GIT_COMMITTER_EMAIL", "ann@example.com");
            env.put("GIT_AUTHOR_DATE", at.toString());
            env.put("GIT_COMMITTER_DATE", at.toString());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("git " + String.join(" ", args) + ": " + output).isZero();
            return output;
        }
    }
}
