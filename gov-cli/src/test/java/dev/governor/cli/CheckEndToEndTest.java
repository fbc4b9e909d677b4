package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.governor.Governor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gov check and gov hotspots on real git repositories: a file fixed tactically three times in a week
 * (#2, #3, #4 on src/pay/Ledger.java) between two features.
 */
class CheckEndToEndTest {
    private static final String LEDGER = "src/pay/Ledger.java";
    private static final String SUMMARY_TAIL = " · layers: intent, contract, change, release, learning · 5 changes\n";

    // one repository for all tests: none writes to it, and building it is most of a test's time
    @TempDir
    static Path dir;

    private static Path repo;
    private static String sha4;

    @BeforeAll
    static void a_hotspot_on_the_ledger() {
        try (GitRepo git = GitRepo.init(dir.resolve("shop"))) {
            repo = git.root();
            git.change(LEDGER, "v1", "Add the ledger (#1)", "feature", at("2026-11-20T10:00:00Z"));
            git.change(LEDGER, "v2", "Fix rounding (#2)", "tactical-fix", at("2026-11-21T10:00:00Z"));
            git.change(LEDGER, "v3", "Fix rounding again (#3)", "tactical-fix", at("2026-11-22T10:00:00Z"));
            sha4 = git.change(LEDGER, "v4", "Fix rounding once more (#4)", "tactical-fix", at("2026-11-23T10:00:00Z"));
            git.change("src/shop/Cart.java", "v1", "Add the cart (#5)", "feature", at("2026-11-24T10:00:00Z"));
        }
    }

    @Test
    void three_tactical_fixes_to_one_file_within_a_week_block_with_exit_1() {
        Gov.Result r = Gov.atNow().run("check", "--repo", repo.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).startsWith("BLOCKING  intent.tactical-hotspot  " + LEDGER + "\n");
        assertThat(r.out()).contains("""
                    evidence: change #2 2026-11-21T10:00:00Z
                              change #3 2026-11-22T10:00:00Z
                              change #4 2026-11-23T10:00:00Z
                    change: #4 at 2026-11-23T10:00:00Z

                """);
        assertThat(r.out()).endsWith("\n1 blocking, 0 warnings, 0 info" + SUMMARY_TAIL);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void json_is_exactly_the_report_of_the_java_api() {
        Gov.Result r = Gov.atNow().run("check", "--repo", repo.toString(), "--format", "json");

        String api = Governor.builder().repository(repo)
                .clock(Clock.fixed(Instant.parse(Gov.NOW), ZoneOffset.UTC)).build().check().toJson();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(api);
    }

    @Test
    void json_is_valid_against_the_shipped_report_schema() throws IOException {
        Gov.Result r = Gov.atNow().run("check", "--repo", repo.toString(), "--format", "json");

        assertThat(schemaErrors(r.out())).isEmpty();
    }

    @Test
    void the_same_repository_and_GOV_NOW_give_byte_identical_output() {
        for (String format : List.of("text", "json")) {
            Gov.Result first = Gov.atNow().run("check", "--repo", repo.toString(), "--format", format);
            Gov.Result second = Gov.atNow().run("check", "--repo", repo.toString(), "--format", format);

            assertThat(second.out()).isEqualTo(first.out());
        }
    }

    @Test
    void change_limits_findings_to_that_change() {
        Gov.Result before = Gov.atNow().run("check", "--repo", repo.toString(), "--change", "#3");
        Gov.Result completing = Gov.atNow().run("check", "--repo", repo.toString(), "--change", "#4");

        assertThat(before.exitCode()).isZero();
        assertThat(before.out()).isEqualTo("0 blocking, 0 warnings, 0 info" + SUMMARY_TAIL);
        assertThat(completing.exitCode()).isEqualTo(1);
        assertThat(completing.out()).startsWith("BLOCKING  intent.tactical-hotspot  " + LEDGER + "\n");
    }

    @Test
    void a_change_not_in_the_history_is_bad_input_not_a_pass() {
        Gov.Result r = Gov.atNow().run("check", "--repo", repo.toString(), "--change", "#999");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gov: change '#999' is not in the history read (5 changes): give a change id "
                + "like #42 or a commit SHA of the branch (changes before the policy's since are not governed)\n");
    }

    @Test
    void change_accepts_an_abbreviated_sha() {
        Gov.Result r = Gov.atNow().run("check", "--repo", repo.toString(), "--change", sha4.substring(0, 12));

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).startsWith("BLOCKING  intent.tactical-hotspot  " + LEDGER + "\n");
    }

    @Test
    void since_after_the_fixes_reports_nothing_though_the_rules_saw_the_whole_history() {
        Gov.Result r = Gov.atNow().run("check", "--repo", repo.toString(), "--since", "2026-11-24");

        assertThat(r.exitCode()).isZero();
        // the lock of #4 is still in force; --since only chose which findings to print
        assertThat(r.out()).isEqualTo("0 blocking, 0 warnings, 0 info"
                + " · layers: intent, contract, change, release, learning · 5 changes\n");
    }

    @Test
    void output_writes_the_report_to_the_file_instead_of_stdout() throws IOException {
        Path file = dir.resolve("reports/gov.json");

        Gov.Result toFile = Gov.atNow().run("check", "--repo", repo.toString(), "--format", "json", "--output", file.toString());
        Gov.Result toStdout = Gov.atNow().run("check", "--repo", repo.toString(), "--format", "json");

        assertThat(toFile.exitCode()).isEqualTo(1);
        assertThat(toFile.out()).isEmpty();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(toStdout.out());
    }

    @Test
    void a_clean_history_exits_0() {
        Path clean;
        try (GitRepo git = GitRepo.init(dir.resolve("clean"))) {
            clean = git.root();
            git.change("README.md", "hello", "Add a readme (#1)", "feature", at("2026-11-20T10:00:00Z"));
            git.change("src/App.java", "class App {}", "Add the app (#2)", "feature", at("2026-11-21T10:00:00Z"));
        }

        Gov.Result r = Gov.atNow().run("check", "--repo", clean.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("0 blocking, 0 warnings, 0 info"
                + " · layers: intent, contract, change, release, learning · 2 changes\n");
    }

    @Test
    void a_directory_that_is_not_a_git_repository_exits_2_without_a_stack_trace() throws IOException {
        Path plain = Files.createDirectories(dir.resolve("plain"));

        Gov.Result r = Gov.atNow().run("check", "--repo", plain.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("gov: ").doesNotContain("\tat ").doesNotContain("unexpected");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void hotspots_list_the_locked_file_with_the_changes_that_locked_it() {
        Gov.Result r = Gov.atNow().run("hotspots", "--repo", repo.toString(), "--format", "json");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("""
                {
                  "hotspots" : [
                    {
                      "path" : "src/pay/Ledger.java",
                      "tacticalFixes" : 3,
                      "locked" : true,
                      "lockedAt" : "2026-11-23T10:00:00Z",
                      "lockedBy" : [
                        "#2",
                        "#3",
                        "#4"
                      ],
                      "counted" : [ ]
                    }
                  ],
                  "window" : "P7D",
                  "evaluatedAt" : "2026-11-26T12:00:00Z"
                }
                """);
    }

    @Test
    void hotspots_text_shows_the_lock_and_a_summary() {
        Gov.Result r = Gov.atNow().run("hotspots", "--repo", repo.toString(), "--top", "5");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("""
                LOCKED  3  src/pay/Ledger.java  locked 2026-11-23T10:00:00Z by #2, #3, #4
                1 file locked or with tactical fixes within 7d · 1 locked
                """);
    }

    @Test
    void a_narrower_window_finds_no_hotspot_in_fixes_two_days_apart() {
        Gov.Result r = Gov.atNow().run("hotspots", "--repo", repo.toString(), "--window", "36h", "--format", "json");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("""
                {
                  "hotspots" : [ ],
                  "window" : "PT36H",
                  "evaluatedAt" : "2026-11-26T12:00:00Z"
                }
                """);
    }

    @Test
    void rules_lists_the_built_in_hotspot_rule() {
        Gov.Result r = Gov.plain().run("rules", "--repo", repo.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("(?m)^intent\\.tactical-hotspot +intent +blocking +yes +built-in$");
    }

    @Test
    void explain_of_a_misspelt_rule_exits_2_and_suggests_the_right_one() {
        Gov.Result r = Gov.plain().run("explain", "--repo", repo.toString(), "intent.tactical-hotpot");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(CommandLineUsageTest.lines(
                "gov: unknown rule 'intent.tactical-hotpot' (did you mean 'intent.tactical-hotspot'?);"
                        + " 'gov rules' lists the loaded rules",
                "Try 'gov explain --help' for more information."));
    }

    @Test
    void explain_names_the_thresholds_in_force() {
        Gov.Result r = Gov.plain().run("explain", "--repo", repo.toString(), "intent.tactical-hotspot");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("intent.tactical-hotspot\n  layer:     intent\n  severity:  blocking\n")
                .contains("\nThresholds:\n  hotspot.count = 3\n");
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    private static List<Error> schemaErrors(String json) throws IOException {
        try (InputStream in = CheckEndToEndTest.class.getClassLoader().getResourceAsStream("dev/governor/report.schema.json")) {
            assertThat(in).as("report.schema.json on the class path").isNotNull();
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
            return schema.validate(json, InputFormat.JSON);
        }
    }
}
