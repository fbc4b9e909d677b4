package dev.governor.examples;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.api.Change;
import dev.governor.api.Facts;
import dev.governor.api.FileChange;
import dev.governor.test.GovRule;
import dev.governor.test.GovRules;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The built-in hotspot rule, asserted on a history built in memory. */
class HotspotRuleExampleTest {

    static final GovRule NO_HOTSPOTS = GovRules.noFindings("intent.tactical-hotspot")
            .because("three quick fixes to one file in a week call for a strategic fix");

    static Change change(String id, String type, String day) {
        return Change.builder(id).mergedAt(Instant.parse(day + "T10:00:00Z")).declaredType(type).risk("low")
                .file(FileChange.modified("src/pay/Ledger.java")).build();
    }

    @Test
    void three_tactical_fixes_to_the_ledger_in_a_week_fail_the_test() {
        Facts facts = Facts.builder()
                .change(change("#412", "tactical-fix", "2026-11-02"))
                .change(change("#418", "tactical-fix", "2026-11-04"))
                .change(change("#421", "tactical-fix", "2026-11-06"))
                .build();

        assertThatThrownBy(() -> NO_HOTSPOTS.check(facts))
                .isExactlyInstanceOf(AssertionError.class)
                .hasMessage("Rule 'intent.tactical-hotspot' was violated (1 time), because three quick fixes to one "
                        + "file in a week call for a strategic fix:\n"
                        + "  src/pay/Ledger.java: 3 tactical fixes within 7d (#412 2026-11-02, #418 2026-11-04, "
                        + "#421 2026-11-06): src/pay/Ledger.java is locked until a strategic fix\n"
                        + "    next: merge a change with Change-Type: strategic-fix touching src/pay/Ledger.java; "
                        + "to accept today's state, wrap the rule in GovRules.freeze(…)");
    }

    @Test
    void a_strategic_fix_between_the_quick_fixes_passes() {
        Facts facts = Facts.builder()
                .change(change("#412", "tactical-fix", "2026-11-02"))
                .change(change("#418", "tactical-fix", "2026-11-04"))
                .change(change("#420", "strategic-fix", "2026-11-05"))
                .change(change("#421", "tactical-fix", "2026-11-06"))
                .build();

        assertThatCode(() -> NO_HOTSPOTS.check(facts)).doesNotThrowAnyException();
    }
}
