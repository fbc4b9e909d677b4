package dev.governor.engine;

import static dev.governor.engine.ReportJsonTest.T0;
import static dev.governor.engine.ReportJsonTest.check;
import static dev.governor.engine.ReportJsonTest.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.Baseline;
import dev.governor.Report;
import dev.governor.Scope;
import dev.governor.api.Change;
import dev.governor.api.FileChange;
import dev.governor.api.Finding;
import dev.governor.api.GovernanceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one baseline format: written from findings, read back, applied to a report with suppressed and stale counts. */
class BaselineTest {

    @TempDir
    Path dir;

    static Finding finding(Report report, String rule) {
        return report.findings().stream().filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void a_baseline_file_lists_fingerprint_rule_and_subject_sorted_by_rule_and_subject() {
        Report report = check(history(), Scope.all());

        String text = Baseline.of(report.findings()).toText();

        assertThat(text).isEqualTo(Baseline.HEADER
                + finding(report, "intent.risk-missing").fingerprint() + " intent.risk-missing change #5\n"
                + finding(report, "intent.strategic-fix-required").fingerprint()
                + " intent.strategic-fix-required file src/A.java\n"
                + finding(report, "intent.tactical-hotspot").fingerprint() + " intent.tactical-hotspot file src/A.java\n"
                + finding(report, "intent.tag-missing").fingerprint() + " intent.tag-missing change #5\n");
    }

    @Test
    void what_is_written_reads_back_equal() {
        Report report = check(history(), Scope.all());
        Baseline written = Baseline.of(report.findings());
        written.write(dir.resolve("sub/baseline.txt"));

        assertThat(Baseline.read(dir.resolve("sub/baseline.txt"))).isEqualTo(written);
    }

    @Test
    void a_missing_baseline_file_is_an_error_not_an_empty_baseline() {
        Path missing = dir.resolve("nope.txt");

        assertThatThrownBy(() -> Baseline.read(missing))
                .isInstanceOf(GovernanceException.class)
                .hasMessage(missing + ": baseline file not found: give the path of an existing baseline, or record one"
                        + " from today's findings (gov check's update-baseline option, or GovRules.freeze with"
                        + " -Dgovernor.freeze.record=true)");
    }

    @Test
    void a_line_whose_second_word_is_no_rule_id_is_an_error_naming_the_line() {
        assertThatThrownBy(() -> Baseline.parse("b.txt", "# c\n\n0123456789abcdef Intent.Risk\n"))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("b.txt:3: 'Intent.Risk' after the fingerprint is not a rule id (<prefix>.<name>): write"
                        + " the fingerprint, then the rule id and the subject, or the fingerprint alone");
    }

    @Test
    void bare_fingerprints_and_windows_line_ends_are_read() {
        Baseline b = Baseline.parse("b.txt", "# old\r\n0123456789abcdef\r\n  fedcba9876543210 x.y file a b.java  \r\n");

        assertThat(b.entries()).containsExactly(new Baseline.Entry("0123456789abcdef", null, null),
                new Baseline.Entry("fedcba9876543210", "x.y", "file a b.java"));
    }

    @Test
    void the_same_fingerprint_twice_is_one_entry_keeping_its_annotation() {
        Baseline b = Baseline.parse("b.txt", "0123456789abcdef\n0123456789abcdef x.y change #1\n");

        assertThat(b.entries()).containsExactly(new Baseline.Entry("0123456789abcdef", "x.y", "change #1"));
    }

    @Test
    void applying_a_baseline_suppresses_what_it_accepts_and_counts_it() {
        Report report = check(history(), Scope.all());
        Baseline accepted = Baseline.of(List.of(finding(report, "intent.tactical-hotspot"),
                finding(report, "intent.risk-missing")));

        Report fresh = report.without(accepted);

        assertThat(fresh.findings()).extracting(Finding::ruleId)
                .containsExactly("intent.strategic-fix-required", "intent.tag-missing");
        assertThat(fresh.suppressedByBaseline()).isEqualTo(2);
        assertThat(fresh.staleInBaseline()).isEmpty();
        assertThat(fresh.baselineApplied()).isTrue();
        assertThat(report.baselineApplied()).isFalse();
    }

    @Test
    void entries_no_finding_matches_any_more_are_stale() {
        Report before = check(history(), Scope.all());
        Baseline accepted = Baseline.of(before.findings());
        List<Change> fixed = new ArrayList<>(history());
        fixed.set(4, Change.builder("#5").mergedAt(T0.plus(Duration.ofHours(5))).declaredType("feature").risk("low")
                .file(FileChange.added("B.java")).build());

        Report after = check(fixed, Scope.all()).without(accepted);

        assertThat(after.findings()).isEmpty();
        assertThat(after.suppressedByBaseline()).isEqualTo(2);
        assertThat(after.staleInBaseline()).containsExactly(
                Baseline.Entry.of(finding(before, "intent.risk-missing")),
                Baseline.Entry.of(finding(before, "intent.tag-missing")));
        assertThat(accepted.retainedBy(check(fixed, Scope.all()).findings()).size()).isEqualTo(2);
    }

    @Test
    void a_finding_outside_the_scope_is_not_stale_it_still_occurs() {
        Report all = check(history(), Scope.all());
        Baseline accepted = Baseline.of(all.findings());

        Report one = check(history(), Scope.changes("#4")).without(accepted);

        assertThat(one.findings()).isEmpty();
        assertThat(one.suppressedByBaseline()).isEqualTo(1);
        assertThat(one.staleInBaseline()).isEmpty();
    }

    @Test
    void the_json_summary_lists_stale_entries_only_when_a_baseline_was_applied() throws IOException {
        Report report = check(history(), Scope.all());
        Baseline.Entry gone = new Baseline.Entry("00000000000000aa", "intent.risk-missing", "change #9");

        String json = report.without(Baseline.ofEntries(List.of(gone))).toJson();

        assertThat(report.toJson()).doesNotContain("staleInBaseline");
        assertThat(json).contains("""
                    "suppressedByBaseline" : 0,
                    "staleInBaseline" : [
                      {
                        "fingerprint" : "00000000000000aa",
                        "rule" : "intent.risk-missing",
                        "subject" : "change #9"
                      }
                    ],
                """);
        assertThat(ReportJsonTest.schema().validate(json, com.networknt.schema.InputFormat.JSON)).isEmpty();
    }

    @Test
    void a_set_of_fingerprints_still_serves_as_a_baseline() {
        Report report = check(history(), Scope.all());

        Report fresh = report.without(Set.of(finding(report, "intent.tag-missing").fingerprint()));

        assertThat(fresh.suppressedByBaseline()).isEqualTo(1);
        assertThat(fresh.findings()).hasSize(3);
    }

    @Test
    void a_report_names_the_policy_file_it_read_or_none_for_the_defaults() throws IOException {
        Path policy = Files.writeString(dir.resolve("policy.yml"), "layers: [intent]\n");

        Report read = dev.governor.Governor.builder().facts(dev.governor.api.Facts.builder().addAll(history()).build())
                .policy(policy).withoutServiceLoadedSources().build().check();

        assertThat(read.policySource()).isEqualTo(policy.toString());
        assertThat(check(history(), Scope.all()).policySource()).isNull();
    }

    @Test
    void an_entry_refuses_what_is_no_fingerprint() {
        assertThatThrownBy(() -> new Baseline.Entry("XYZ", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'XYZ' is not a finding fingerprint (16 to 64 lower-case hex digits)");
    }

    @Test
    void the_written_file_is_the_text() throws IOException {
        Baseline b = Baseline.parse("b.txt", "0123456789abcdef x.y change #1\n");
        b.write(dir.resolve("b.txt"));

        assertThat(Files.readString(dir.resolve("b.txt"))).isEqualTo(Baseline.HEADER + "0123456789abcdef x.y change #1\n");
    }
}
