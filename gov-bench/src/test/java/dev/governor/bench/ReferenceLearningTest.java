package dev.governor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.Governor;
import dev.governor.api.Facts;
import dev.governor.api.Finding;
import dev.governor.api.Layer;
import dev.governor.api.policy.LearningPolicy;
import dev.governor.fixtures.ReferenceLearning;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Learning benchmark compares like with like: on its generated records, rules and reference agree. */
class ReferenceLearningTest {

    private static List<String> described(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.ruleId() + " " + f.severity() + " " + f.subject() + " " + f.at() + " " + f.evidence() + " "
                        + f.message())
                .sorted()
                .toList();
    }

    @Test
    void reference_gives_the_same_learning_findings_as_the_rules_on_generated_records() {
        RecordsGenerator records = RecordsGenerator.generate(7, 5_000, 50_000, 5_000);
        List<Finding> rules = Governor.builder()
                .facts(Facts.builder().addAll(records.changes()).addAll(records.deployments())
                        .addAll(records.incidents()).addAll(records.reviews()).build())
                .policy(LearningBench.learningOnly())
                .clock(Clock.fixed(RecordsGenerator.now(), ZoneOffset.UTC))
                .withoutServiceLoadedSources()
                .build()
                .check()
                .findings();

        ReferenceLearning.Result reference = new ReferenceLearning(
                LearningBench.learningOnly().section(LearningPolicy.SECTION)).run(records.changes(),
                records.deployments(), records.incidents(), records.reviews());

        assertThat(rules).allMatch(f -> f.layer() == Layer.LEARNING);
        assertThat(rules.stream().filter(f -> f.ruleId().equals("learning.release-blocker")).count())
                .as("the generated records must exercise the blocker at all").isGreaterThan(20);
        assertThat(described(rules)).isEqualTo(described(reference.findings()));
        assertThat(reference.values()).hasSizeGreaterThan(7 * 500);
    }
}
