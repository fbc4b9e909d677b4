package dev.governor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.test.AnalyzeRepository;
import dev.governor.test.GovRule;
import dev.governor.test.GovRules;
import dev.governor.test.GovTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A governance test class on a repository with a past, as a team adopting Governor writes it: the hotspot it
 * already had is accepted by freezing the rule (its baseline, {@code
 * src/test/resources/governor-baseline/intent.tactical-hotspot.txt}, is committed), and only a new one fails.
 * The repository is analysed once, at a fixed instant; each {@code @GovTest} is a test of its own.
 */
@AnalyzeRepository(location = ExampleRepositories.Legacy.class, now = ExampleRepositories.LEGACY_NOW)
class LegacyGovernanceTest {

    /** The ledger's old hotspot is in the baseline: accepted. A new hotspot anywhere fails. */
    @GovTest
    static final GovRule noNewHotspots = GovRules.freeze(GovRules.noFindings("intent.tactical-hotspot"))
            .because("three quick fixes to one file in a week call for a strategic fix");

    @GovTest
    static final GovRule lockedFilesGetStrategicFixes = GovRules.noFindings("intent.strategic-fix-required");

    /** A method, like ArchUnit's @ArchTest methods: given the class's report. */
    @GovTest
    void theWebAppIsClean(Report report) {
        GovRules.findings().that().touch("src/web/**").should().beEmpty().check(report);
    }

    @Test
    void the_frozen_rule_fails_on_a_new_hotspot_only() {
        Governor governor = Governor.builder().repository(ExampleRepositories.legacyWithNewHotspot())
                .clock(Clock.fixed(Instant.parse(ExampleRepositories.LEGACY_NOW), ZoneOffset.UTC)).build();

        GovRule.Result result = noNewHotspots.evaluate(governor);

        assertThat(result.passed()).isFalse();
        assertThat(result.violations()).extracting(f -> f.subject().id()).containsExactly("src/pay/Refund.java");
        assertThat(result.message()).startsWith("Rule 'intent.tactical-hotspot' was violated (1 time), because three "
                + "quick fixes to one file in a week call for a strategic fix:\n"
                + "  src/pay/Refund.java: 3 tactical fixes within 7d (#430 2026-11-09, #431 2026-11-09, #432 2026-11-09): "
                + "src/pay/Refund.java is locked until a strategic fix\n"
                + "    next: merge a change with Change-Type: strategic-fix touching src/pay/Refund.java; to accept "
                + "it, add ");
    }
}
