package dev.governor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.api.Change;
import dev.governor.api.FactContext;
import dev.governor.api.FactSource;
import dev.governor.api.Facts;
import dev.governor.api.GovernanceException;
import dev.governor.api.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade as an embedding tool meets it: a setup that cannot check anything fails and says why instead
 * of passing, paths follow one rule, and what it lists and reports is the same on every run.
 */
class GovernorTest {

    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    static final Facts ONE_CHANGE = Facts.builder()
            .change(Change.builder("#1").mergedAt(NOW.minusSeconds(3600)).declaredType("feature").risk("low").build())
            .build();

    @TempDir
    Path dir;

    @Test
    void a_governor_that_reads_no_repository_and_was_given_no_facts_refuses_to_check() {
        Governor governor = Governor.builder().build();

        assertThatThrownBy(governor::check).isInstanceOf(GovernanceException.class)
                .hasMessage("nothing to check: this Governor reads no repository and was given no facts (the fact "
                        + "sources on the class path found none); add .repository(Path.of(\".\")) to check a git "
                        + "repository, or .facts(…) with facts of your own");
    }

    @Test
    void facts_given_on_purpose_are_checked_even_when_there_are_none() {
        Report report = Governor.builder().facts(Facts.empty()).build().check();

        assertThat(report.passed()).isTrue();
        assertThat(report.factCounts().values()).containsOnly(0);
    }

    @Test
    void a_repository_without_a_history_reader_on_the_class_path_is_an_error_naming_the_dependency() {
        // gov-rules' tests run without gov-adapters, as an embedding tool that forgot it would
        Governor governor = Governor.builder().repository(dir).build();

        assertThatThrownBy(governor::check).isInstanceOf(GovernanceException.class)
                .hasMessage(dir + ": cannot read this repository: no history reader is on the class path; add "
                        + "dev.governor:gov-adapters (the git adapter) as a dependency");
    }

    @Test
    void a_fact_source_that_returns_null_is_named_by_the_class_that_declares_it() {
        FactSource lambda = context -> null;
        FactSource anonymous = new FactSource() {
            @Override
            public Facts read(FactContext context) {
                return null;
            }
        };

        assertThatThrownBy(() -> Governor.builder().facts(lambda).build().check()).isInstanceOf(GovernanceException.class)
                .hasMessage("a FactSource lambda in dev.governor.GovernorTest: this FactSource returned null from "
                        + "read(…): return Facts.empty() when it has nothing to say");
        assertThatThrownBy(() -> Governor.builder().facts(anonymous).build().check())
                .hasMessage("an anonymous FactSource in dev.governor.GovernorTest: this FactSource returned null from "
                        + "read(…): return Facts.empty() when it has nothing to say");
        assertThatThrownBy(() -> Governor.builder().facts(new Silent()).build().check())
                .hasMessage("dev.governor.GovernorTest$Silent: this FactSource returned null from read(…): return "
                        + "Facts.empty() when it has nothing to say");
    }

    static final class Silent implements FactSource {
        @Override
        public Facts read(FactContext context) {
            return null;
        }
    }

    @Test
    void the_layers_in_force_are_reported_in_layer_order_whatever_order_the_policy_gives() throws IOException {
        Path policy = Files.writeString(dir.resolve("governance.yml"), "layers: [learning, release, intent, contract]\n");
        Governor governor = Governor.builder().policy(policy).facts(ONE_CHANGE).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();

        Report first = governor.check();
        Report second = governor.check();

        assertThat(first.layers()).containsExactly(Layer.INTENT, Layer.CONTRACT, Layer.RELEASE, Layer.LEARNING);
        assertThat(List.copyOf(second.layers())).isEqualTo(List.copyOf(first.layers()));
        assertThat(second.toJson()).isEqualTo(first.toJson());
    }

    @Test
    void the_rules_listed_are_rules_not_the_query_the_engine_reads_findings_with() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), "rule \"ci.a\"\nwhen\n    $c : Change( )\nthen\nend\n");

        assertThat(Governor.builder().rules(rules).build().rules()).extracting(RuleInfo::id)
                .contains("ci.a", "intent.tactical-hotspot").doesNotContain("governor.findings");
    }

    @Test
    void relative_policy_and_rule_paths_are_taken_from_the_repository_root() throws IOException {
        Path repository = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repository.resolve("governance/rules"));
        Files.writeString(repository.resolve("governance/policy.yml"), "layers: [intent]\n");
        Files.writeString(repository.resolve("governance/rules/a.drl"), "rule \"ci.a\"\nwhen\n    $c : Change( )\nthen\nend\n");

        Governor governor = Governor.builder().repository(repository).policy(Path.of("governance/policy.yml"))
                .rules(Path.of("governance/rules")).build();

        assertThat(governor.policy().source()).isEqualTo(repository.resolve("governance/policy.yml").toString());
        assertThat(governor.rules()).filteredOn(r -> r.id().equals("ci.a")).singleElement()
                .extracting(RuleInfo::source).isEqualTo(repository.resolve("governance/rules/a.drl").toString());
    }

    @Test
    void relative_paths_are_taken_from_the_working_directory_when_no_repository_is_read() {
        Path missing = Path.of("target", "no-such-rules");

        assertThatThrownBy(() -> Governor.builder().rules(missing).build()).isInstanceOf(GovernanceException.class)
                .hasMessage(missing + ": rule directory not found: give a directory of .drl files");
    }
}
