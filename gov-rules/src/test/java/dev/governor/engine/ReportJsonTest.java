package dev.governor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.Scope;
import dev.governor.api.Change;
import dev.governor.api.Facts;
import dev.governor.api.FileChange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");

    static List<Change> history() {
        List<Change> changes = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            changes.add(Change.builder("#" + i).mergedAt(T0.plus(Duration.ofHours(i))).declaredType("tactical-fix")
                    .risk("low").file(FileChange.modified("src/A.java")).build());
        }
        changes.add(Change.builder("#5").mergedAt(T0.plus(Duration.ofHours(5))).file(FileChange.added("B.java")).build());
        return changes;
    }

    static Report check(List<Change> changes, Scope scope) {
        return Governor.builder()
                .facts(Facts.builder().addAll(changes).repository("0123456789abcdef0123456789abcdef01234567", "main").build())
                // Intent alone: these changes carry no template fields, which the Change layer would report
                .policy(dev.governor.api.Policy.builder().layers(java.util.Set.of("intent")).build())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withoutServiceLoadedSources()
                .build()
                .check(scope);
    }

    @Test
    void the_json_report_is_valid_against_the_shipped_schema() throws IOException {
        String json = check(history(), Scope.all()).toJson();

        assertThat(schema().validate(json, InputFormat.JSON)).isEmpty();
        assertThat(json).contains("\"rule\" : \"intent.tactical-hotspot\"", "\"rule\" : \"intent.strategic-fix-required\"",
                "\"rule\" : \"intent.tag-missing\"", "\"head\" : \"0123456789abcdef0123456789abcdef01234567\"",
                "\"evaluatedAt\" : \"2026-11-20T00:00:00Z\"", "\"blocking\" : 2");
    }

    @Test
    void the_same_facts_and_clock_give_byte_identical_reports_whatever_the_input_order() {
        List<Change> shuffled = new ArrayList<>(history());
        Collections.reverse(shuffled);

        assertThat(check(shuffled, Scope.all()).toJson()).isEqualTo(check(history(), Scope.all()).toJson());
    }

    @Test
    void findings_come_in_report_order() {
        Report report = check(history(), Scope.all());

        assertThat(report.findings()).extracting(f -> f.ruleId() + " " + f.change()).containsExactly(
                "intent.risk-missing #5", "intent.strategic-fix-required #4", "intent.tactical-hotspot #3",
                "intent.tag-missing #5");
    }

    @Test
    void a_scope_keeps_only_the_findings_of_its_changes() {
        Report report = check(history(), Scope.changes("#4"));

        assertThat(report.findings()).extracting(f -> f.ruleId()).containsExactly("intent.strategic-fix-required");
        assertThat(report.passed()).isFalse();
    }

    @Test
    void a_scope_naming_an_unknown_change_is_an_error_not_an_empty_pass() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> check(history(), Scope.changes("#99")))
                .isInstanceOf(dev.governor.api.GovernanceException.class)
                .hasMessage("change '#99' is not in the history read (5 changes): give a change id like #42 or a "
                        + "commit SHA of the branch (changes before the policy's since are not governed)");
    }

    @Test
    void a_baseline_suppresses_known_findings_and_counts_them() {
        Report report = check(history(), Scope.all());
        Report fresh = report.without(java.util.Set.of(report.findings().get(0).fingerprint()));

        assertThat(fresh.findings()).hasSize(report.findings().size() - 1);
        assertThat(fresh.suppressedByBaseline()).isEqualTo(1);
    }

    @Test
    void many_threads_may_check_with_one_governor_at_once() throws Exception {
        Governor governor = Governor.builder()
                .facts(Facts.builder().addAll(history()).build())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withoutServiceLoadedSources()
                .build();
        String expected = governor.check().toJson();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                runs.add(pool.submit(() -> governor.check().toJson()));
            }
            for (java.util.concurrent.Future<String> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static Schema schema() throws IOException {
        try (InputStream in = Report.class.getResourceAsStream("report.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }
}
