package dev.governor.test;

import static dev.governor.test.GovRulesTest.LEDGER;
import static dev.governor.test.GovRulesTest.T0;
import static dev.governor.test.GovRulesTest.fix;
import static dev.governor.test.GovRulesTest.governor;
import static dev.governor.test.GovRulesTest.hotspot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.Governor;
import dev.governor.api.Change;
import dev.governor.api.GovernanceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * GovRules.freeze keeps its baseline in the format gov check --baseline reads, and, as ArchUnit's
 * FreezingArchRule, fails on a missing baseline unless recording is switched on explicitly.
 */
@ResourceLock("system-property:" + Baseline.RECORD_PROPERTY)
class FreezeTest {

    static final String HEADER = dev.governor.Baseline.HEADER;

    @TempDir
    Path dir;

    @AfterEach
    void recording_is_off_again() {
        System.clearProperty(Baseline.RECORD_PROPERTY);
    }

    GovRule frozen() {
        return GovRules.freeze(GovRules.noFindings("intent.tactical-hotspot"), dir.resolve("baseline"));
    }

    Path baselineFile() {
        return dir.resolve("baseline").resolve("intent.tactical-hotspot.txt");
    }

    static String fingerprintOf(Governor governor, String subject) {
        return governor.check().findings().stream().filter(f -> f.subject().id().equals(subject))
                .findFirst().orElseThrow().fingerprint();
    }

    /** The first check, recording today's violations as a team does once. */
    void record(Governor governor) {
        System.setProperty(Baseline.RECORD_PROPERTY, "true");
        try {
            frozen().check(governor);
        } finally {
            System.clearProperty(Baseline.RECORD_PROPERTY);
        }
    }

    static List<Change> twoHotspots() {
        List<Change> two = new ArrayList<>(hotspot());
        two.add(fix("#430", "tactical-fix", T0.plus(Duration.ofDays(5)), "a.java"));
        two.add(fix("#431", "tactical-fix", T0.plus(Duration.ofDays(5)), "a.java"));
        two.add(fix("#432", "tactical-fix", T0.plus(Duration.ofDays(5)), "a.java"));
        return two;
    }

    @Test
    void a_frozen_rule_without_a_baseline_fails_and_says_how_to_record_one() {
        GovRule.Result result = frozen().evaluate(governor(hotspot()));

        assertThat(result.passed()).isFalse();
        assertThat(result.violations()).hasSize(1);
        assertThat(result.message()).isEqualTo("Rule 'intent.tactical-hotspot' is frozen, but its baseline "
                + baselineFile() + " does not exist, so it cannot tell accepted violations from new ones (1 violation"
                + " today): record the baseline once with -Dgovernor.freeze.record=true and commit the file");
        assertThat(baselineFile()).doesNotExist();
    }

    @Test
    void a_frozen_rule_without_a_baseline_fails_even_when_nothing_violates_it() {
        List<Change> clean = List.of(fix("#1", "feature", T0, LEDGER));

        assertThatThrownBy(() -> frozen().check(governor(clean)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not exist, so it cannot tell accepted violations from new ones (0 violations");
    }

    @Test
    void recording_writes_todays_violations_in_the_shared_baseline_format_and_passes() throws IOException {
        Governor governor = governor(hotspot());

        record(governor);

        assertThat(Files.readString(baselineFile())).isEqualTo(HEADER + fingerprintOf(governor, LEDGER)
                + " intent.tactical-hotspot file " + LEDGER + "\n");
        assertThat(dev.governor.Baseline.read(baselineFile()).size()).isEqualTo(1);
    }

    @Test
    void a_frozen_rule_accepts_the_recorded_violations_on_later_runs() {
        record(governor(hotspot()));

        assertThatCode(() -> frozen().check(governor(hotspot()))).doesNotThrowAnyException();
    }

    @Test
    void a_frozen_rule_fails_on_a_new_violation_only() {
        record(governor(hotspot()));
        Governor governor = governor(twoHotspots());

        assertThatThrownBy(() -> frozen().check(governor))
                .hasMessage("Rule 'intent.tactical-hotspot' was violated (1 time):\n"
                        + "  a.java: 3 tactical fixes within 7d (#430 2026-11-07, #431 2026-11-07, #432 2026-11-07): "
                        + "a.java is locked until a strategic fix\n"
                        + "    next: merge a change with Change-Type: strategic-fix touching a.java; to accept it, add "
                        + fingerprintOf(governor, "a.java") + " to " + baselineFile());
    }

    @Test
    void a_frozen_rule_drops_fixed_violations_from_its_baseline() throws IOException {
        record(governor(twoHotspots()));
        assertThat(Files.readAllLines(baselineFile())).hasSize(HEADER.split("\n").length + 2);

        frozen().check(governor(hotspot()));

        assertThat(Files.readString(baselineFile())).isEqualTo(HEADER + fingerprintOf(governor(hotspot()), LEDGER)
                + " intent.tactical-hotspot file " + LEDGER + "\n");
    }

    @Test
    void a_baseline_nothing_went_stale_in_is_left_untouched() throws IOException {
        Files.createDirectories(baselineFile().getParent());
        String bare = "# written by an older Governor\n" + fingerprintOf(governor(hotspot()), LEDGER) + "\n";
        Files.writeString(baselineFile(), bare);

        frozen().check(governor(hotspot()));

        assertThat(Files.readString(baselineFile())).isEqualTo(bare);
    }

    @Test
    void a_baseline_written_by_gov_check_freezes_a_rule_too() {
        Governor governor = governor(hotspot());
        dev.governor.Baseline.of(governor.check().findings()).write(baselineFile());

        assertThatCode(() -> frozen().check(governor)).doesNotThrowAnyException();
    }

    @Test
    void a_baseline_line_that_is_no_fingerprint_is_an_error_naming_file_and_line() throws IOException {
        Files.createDirectories(baselineFile().getParent());
        Files.writeString(baselineFile(), "# rule\nnot-a-fingerprint\n");

        assertThatThrownBy(() -> frozen().check(governor(hotspot())))
                .isInstanceOf(GovernanceException.class)
                .hasMessage(baselineFile() + ":2: 'not-a-fingerprint' is not a finding fingerprint (16 to 64 lower-case"
                        + " hex digits): each line starts with one, as a recorded baseline has them; fix the"
                        + " line or record the baseline again");
    }

    @Test
    void a_baseline_is_named_after_the_rule_description() {
        assertThat(Baseline.file(Path.of("b"), "no blocking findings in layer contract"))
                .isEqualTo(Path.of("b", "no-blocking-findings-in-layer-contract.txt"));
    }

    @Test
    void freezing_a_frozen_rule_is_refused() {
        assertThatThrownBy(() -> GovRules.freeze(frozen()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("rule 'intent.tactical-hotspot' is already frozen in " + dir.resolve("baseline"));
    }
}
