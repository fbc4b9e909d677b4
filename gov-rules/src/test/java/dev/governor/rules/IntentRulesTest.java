package dev.governor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.api.Change;
import dev.governor.api.Facts;
import dev.governor.api.FileChange;
import dev.governor.api.Finding;
import dev.governor.api.Ref;
import dev.governor.api.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntentRulesTest {

    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");

    static Change change(String id, String type, Instant at, FileChange... files) {
        Change.Builder b = Change.builder(id).mergedAt(at).risk("low").files(List.of(files));
        if (type != null) {
            b.declaredType(type);
        }
        return b.build();
    }

    static Report check(Change... changes) {
        return Governor.builder()
                .facts(Facts.builder().addAll(List.of(changes)).build())
                // Intent alone: these changes carry no template fields, which the Change layer would report
                .policy(dev.governor.api.Policy.builder().layers(java.util.Set.of("intent")).build())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withoutServiceLoadedSources()
                .build()
                .check();
    }

    static List<String> ids(Report report, String rule) {
        return report.findings().stream().filter(f -> f.ruleId().equals(rule))
                .map(f -> f.change() + " " + f.subject().id()).toList();
    }

    @Test
    void three_tactical_fixes_on_one_file_within_seven_days_lock_it() {
        Report report = check(
                change("#412", "tactical-fix", T0, FileChange.modified("src/pay/Ledger.java")),
                change("#418", "tactical-fix", T0.plus(Duration.ofDays(2)), FileChange.modified("src/pay/Ledger.java")),
                change("#421", "tactical-fix", T0.plus(Duration.ofDays(4)), FileChange.modified("src/pay/Ledger.java")));

        assertThat(report.findings()).hasSize(1);
        Finding hotspot = report.findings().get(0);
        assertThat(hotspot.ruleId()).isEqualTo("intent.tactical-hotspot");
        assertThat(hotspot.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(hotspot.subject()).isEqualTo(Ref.file("src/pay/Ledger.java"));
        assertThat(hotspot.change()).isEqualTo("#421");
        assertThat(hotspot.at()).isEqualTo(T0.plus(Duration.ofDays(4)));
        assertThat(hotspot.evidence()).extracting(Ref::id).containsExactly("#412", "#418", "#421");
        assertThat(hotspot.message()).isEqualTo("3 tactical fixes within 7d (#412 2026-11-02, #418 2026-11-04, "
                + "#421 2026-11-06): src/pay/Ledger.java is locked until a strategic fix");
        assertThat(report.passed()).isFalse();
    }

    @Test
    void tactical_fix_on_locked_file_is_blocking_until_a_strategic_fix() {
        Report report = check(
                change("#1", "tactical-fix", T0, FileChange.modified("a.java")),
                change("#2", "tactical-fix", T0.plusSeconds(60), FileChange.modified("a.java")),
                change("#3", "tactical-fix", T0.plusSeconds(120), FileChange.modified("a.java")),
                change("#4", "tactical-fix", T0.plusSeconds(180), FileChange.modified("a.java")),
                change("#5", "strategic-fix", T0.plusSeconds(240), FileChange.modified("a.java")),
                change("#6", "tactical-fix", T0.plusSeconds(300), FileChange.modified("a.java")));

        assertThat(ids(report, "intent.tactical-hotspot")).containsExactly("#3 a.java");
        assertThat(ids(report, "intent.strategic-fix-required")).containsExactly("#4 a.java");
        Finding required = report.findings().stream().filter(f -> f.ruleId().equals("intent.strategic-fix-required")).findFirst().orElseThrow();
        assertThat(required.evidence()).hasSize(1);
        assertThat(required.evidence().get(0).kind()).isEqualTo(Ref.Kind.FINDING);
        assertThat(required.message()).isEqualTo("#4 is a tactical fix to a.java, locked since 2026-11-02 by a hotspot "
                + "(#1, #2, #3): merge a change with Change-Type: strategic-fix touching it first");
    }

    @Test
    void fixes_spanning_exactly_the_window_do_not_make_a_hotspot() {
        Report report = check(
                change("#1", "tactical-fix", T0, FileChange.modified("a.java")),
                change("#2", "tactical-fix", T0.plus(Duration.ofDays(3)), FileChange.modified("a.java")),
                change("#3", "tactical-fix", T0.plus(Duration.ofDays(7)), FileChange.modified("a.java")));

        assertThat(ids(report, "intent.tactical-hotspot")).isEmpty();
    }

    @Test
    void a_renamed_file_keeps_its_history() {
        Report report = check(
                change("#1", "tactical-fix", T0, FileChange.modified("old/A.java")),
                change("#2", "tactical-fix", T0.plusSeconds(60), FileChange.renamed("old/A.java", "new/A.java")),
                change("#3", "tactical-fix", T0.plusSeconds(120), FileChange.modified("new/A.java")));

        assertThat(ids(report, "intent.tactical-hotspot")).containsExactly("#3 new/A.java");
    }

    @Test
    void missing_and_unknown_tags_and_risk_are_warnings() {
        Change untagged = Change.builder("#7").mergedAt(T0).build();
        Change unknown = Change.builder("#8").mergedAt(T0).declaredType("hotfix").risk("urgent").build();
        Report report = check(untagged, unknown);

        assertThat(report.findings()).extracting(f -> f.ruleId() + " " + f.change()).containsExactly(
                "intent.risk-missing #7", "intent.risk-missing #8", "intent.tag-missing #7", "intent.tag-unknown #8");
        assertThat(report.passed()).isTrue();
    }
}
