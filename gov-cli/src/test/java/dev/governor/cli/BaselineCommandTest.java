package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.Baseline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gov check --baseline and --update-baseline on a real repository: accept today's findings, then only new ones count. */
class BaselineCommandTest {
    private static final String LEDGER = "src/pay/Ledger.java";
    private static final String TAIL = " · layers: intent, contract, change, release, learning · ";

    @TempDir
    Path dir;

    GitRepo git;
    Path baseline;

    @BeforeEach
    void a_hotspot_and_a_change_without_trailers() {
        git = GitRepo.init(dir.resolve("shop"));
        git.change(LEDGER, "v1", "Add the ledger (#1)", "feature", at("2026-11-20T10:00:00Z"));
        git.change(LEDGER, "v2", "Fix rounding (#2)", "tactical-fix", at("2026-11-21T10:00:00Z"));
        git.change(LEDGER, "v3", "Fix rounding again (#3)", "tactical-fix", at("2026-11-22T10:00:00Z"));
        git.change(LEDGER, "v4", "Fix rounding once more (#4)", "tactical-fix", at("2026-11-23T10:00:00Z"));
        git.untyped("src/shop/Cart.java", "v1", "Add the cart (#5)", at("2026-11-24T10:00:00Z"));
        baseline = dir.resolve("governance-baseline.txt");
    }

    Gov.Result check(String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--repo", git.root().toString()));
        args.addAll(List.of(more));
        return Gov.atNow().run(args.toArray(String[]::new));
    }

    @Test
    void a_missing_baseline_is_bad_input_not_an_empty_baseline() {
        Gov.Result r = check("--baseline", baseline.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gov: " + baseline + ": baseline file not found: give the path of an existing"
                + " baseline, or record one from today's findings with gov check --baseline " + baseline
                + " --update-baseline\n");
    }

    @Test
    void update_baseline_accepts_todays_findings_writes_them_and_passes() throws Exception {
        Gov.Result r = check("--baseline", baseline.toString(), "--update-baseline");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("0 blocking, 0 warnings, 0 info, 3 suppressed by baseline" + TAIL + "5 changes\n");
        assertThat(r.err()).isEqualTo("gov: wrote " + baseline + ": 3 accepted findings (3 new, 0 kept, 0 fixed and"
                + " dropped); commit it, and check with --baseline " + baseline + "\n");
        List<String> lines = Files.readAllLines(baseline);
        assertThat(lines.subList(0, 3)).isEqualTo(List.of(Baseline.HEADER.split("\n")));
        assertThat(lines.subList(3, lines.size())).hasSize(3).satisfiesExactly(
                l -> assertThat(l).matches("[0-9a-f]{16} intent\\.risk-missing change #5"),
                l -> assertThat(l).matches("[0-9a-f]{16} intent\\.tactical-hotspot file " + LEDGER),
                l -> assertThat(l).matches("[0-9a-f]{16} intent\\.tag-missing change #5"));
    }

    @Test
    void with_a_baseline_only_new_findings_count() {
        check("--baseline", baseline.toString(), "--update-baseline");
        git.change(LEDGER, "v5", "Fix rounding after the lock (#6)", "tactical-fix", at("2026-11-25T10:00:00Z"));

        Gov.Result r = check("--baseline", baseline.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).matches("""
                BLOCKING  intent.strategic-fix-required  src/pay/Ledger.java
                    #6 is a tactical fix to src/pay/Ledger.java, locked since 2026-11-23 by a hotspot \\(#2, #3, #4\\): \
                merge a change with Change-Type: strategic-fix touching it first
                    evidence: finding [0-9a-f]{16} 2026-11-23T10:00:00Z \\(intent.tactical-hotspot\\)
                    change: #6 at 2026-11-25T10:00:00Z

                1 blocking, 0 warnings, 0 info, 3 suppressed by baseline · layers: intent, contract, change, release, \
                learning · 6 changes
                """);
    }

    @Test
    void a_baseline_does_not_churn_when_unrelated_commits_arrive() throws Exception {
        check("--baseline", baseline.toString(), "--update-baseline");
        String before = Files.readString(baseline);
        git.change("README.md", "hello", "Write a readme (#6)", "feature", at("2026-11-25T10:00:00Z"));

        Gov.Result r = check("--baseline", baseline.toString(), "--update-baseline");

        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(baseline)).isEqualTo(before);
        assertThat(check("--baseline", baseline.toString()).exitCode()).isZero();
    }

    @Test
    void entries_whose_findings_no_longer_occur_are_listed_as_stale_and_dropped_on_update() throws Exception {
        check("--baseline", baseline.toString(), "--update-baseline");
        Files.writeString(git.root().resolve("governance.yml"), "rules:\n  intent.risk-missing: { enabled: false }\n");

        Gov.Result r = check("--baseline", baseline.toString());
        String stale = Files.readAllLines(baseline).stream().filter(l -> l.contains("intent.risk-missing")).findFirst()
                .orElseThrow();

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("0 blocking, 0 warnings, 0 info, 2 suppressed by baseline, 1 stale in baseline"
                + TAIL + "5 changes\n"
                + "1 baseline entry is stale (the finding no longer occurs: fixed, or its rule is off); --update-baseline"
                + " drops them, so the baseline only shrinks:\n"
                + "    " + stale + "\n");
        assertThat(check("--baseline", baseline.toString(), "--format", "json").out())
                .contains("\"staleInBaseline\" : [\n      {\n        \"fingerprint\" : \"" + stale.substring(0, 16) + "\"");

        Gov.Result update = check("--baseline", baseline.toString(), "--update-baseline");

        assertThat(update.err()).contains(": 2 accepted findings (0 new, 2 kept, 1 fixed and dropped)");
        assertThat(Files.readString(baseline)).doesNotContain("intent.risk-missing");
    }

    @Test
    void update_keeps_accepted_findings_that_still_occur_outside_the_reported_span() throws Exception {
        check("--baseline", baseline.toString(), "--update-baseline");
        String all = Files.readString(baseline);

        Gov.Result r = check("--baseline", baseline.toString(), "--update-baseline", "--since", "2026-11-24T11:00:00Z");

        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(baseline)).isEqualTo(all);
    }

    @Test
    void the_baseline_check_runs_in_every_format() {
        check("--baseline", baseline.toString(), "--update-baseline");

        for (String format : List.of("json", "sarif", "junit", "markdown")) {
            Gov.Result r = check("--baseline", baseline.toString(), "--format", format);

            assertThat(r.exitCode()).as(format).isZero();
        }
        assertThat(Schemas.reportErrors(check("--baseline", baseline.toString(), "--format", "json").out())).isEmpty();
        assertThat(Schemas.sarifErrors(check("--baseline", baseline.toString(), "--format", "sarif").out())).isEmpty();
    }

    @Test
    void update_baseline_without_a_file_is_a_usage_error() {
        Gov.Result r = check("--update-baseline");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("gov: --update-baseline needs --baseline FILE: the file to write\n");
    }

    @Test
    void update_baseline_for_one_change_is_a_usage_error() {
        Gov.Result r = check("--baseline", baseline.toString(), "--update-baseline", "--change", "#5");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("gov: --update-baseline cannot be combined with --change: the baseline would"
                + " lose every accepted finding of the other changes\n");
        assertThat(baseline).doesNotExist();
    }

    @Test
    void a_malformed_baseline_names_file_and_line() throws Exception {
        Files.writeString(baseline, "# mine\nintent.risk-missing 0123456789abcdef\n");

        Gov.Result r = check("--baseline", baseline.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gov: " + baseline + ":2: 'intent.risk-missing' is not a finding fingerprint"
                + " (16 to 64 lower-case hex digits): each line starts with one, as a recorded baseline has"
                + " them; fix the line or record the baseline again\n");
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
