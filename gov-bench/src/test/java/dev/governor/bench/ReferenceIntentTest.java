package dev.governor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.Governor;
import dev.governor.api.Change;
import dev.governor.api.Facts;
import dev.governor.api.Finding;
import dev.governor.api.policy.HotspotPolicy;
import dev.governor.fixtures.ReferenceIntent;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceIntentTest {

    /** A finding as far as the comparison goes: everything but the order they come in. */
    private static List<String> described(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.ruleId() + " " + f.severity() + " " + f.change() + " " + f.subject() + " " + f.at()
                        + " " + f.evidence() + " " + f.message())
                .sorted()
                .toList();
    }

    @Test
    void reference_pass_gives_the_same_intent_findings_as_the_rules_on_a_generated_history() {
        List<Change> history = HistoryGenerator.history(7, 3_000);
        List<Finding> rules = Governor.builder()
                .facts(Facts.builder().addAll(history).build())
                .policy(IntentBench.intentOnly())
                .clock(Clock.fixed(HistoryGenerator.nowAfter(history), ZoneOffset.UTC))
                .withoutServiceLoadedSources()
                .build()
                .check()
                .findings();

        List<Finding> reference = new ReferenceIntent(IntentBench.intentOnly().section(HotspotPolicy.SECTION)).run(history);

        assertThat(rules.stream().filter(f -> f.ruleId().equals("intent.tactical-hotspot")).count())
                .as("the generated history must exercise hotspots at all").isGreaterThan(10);
        assertThat(described(reference)).isEqualTo(described(rules));
    }
}
