package dev.governor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.api.Facts;
import dev.governor.api.Finding;
import dev.governor.api.Layer;
import dev.governor.api.Ref;
import dev.governor.api.Severity;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The report's order, counts and JSON document, field by field. */
class ReportTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");

    private static final Finding HOTSPOT = new Finding("intent.tactical-hotspot", Layer.INTENT, Severity.BLOCKING,
            Ref.file("src/pay/Ledger.java"), "#4", "3 tactical fixes", T1,
            List.of(new Ref(Ref.Kind.CHANGE, "#2", Instant.parse("2026-11-18T10:00:00.123456Z"), "first")));
    private static final Finding RISK = new Finding("intent.risk-missing", Layer.INTENT, Severity.WARNING,
            Ref.of(Ref.Kind.CHANGE, "#1"), null, "no risk", null, List.of());
    private static final Finding FRIDAY = new Finding("ci.no-friday-deploys", Layer.CUSTOM, Severity.INFO,
            Ref.of(Ref.Kind.DEPLOYMENT, "d1"), null, "friday", T1, List.of());
    private static final Finding ADR = new Finding("change.adr-incomplete", Layer.CHANGE, Severity.WARNING,
            Ref.of(Ref.Kind.ADR, "7"), null, "no reason", null, List.of());

    private static Report report(List<Finding> findings, boolean withRepository, boolean shallow) {
        return new Report(findings, NOW, withRepository ? new Facts.Origin("a".repeat(40), "main") : null, shallow,
                withRepository ? "governance.yml" : null, "b".repeat(64), "builtin-test",
                EnumSet.of(Layer.RELEASE, Layer.INTENT), Map.of("changes", 5, "adrs", 1), 0);
    }

    @Test
    void findings_come_in_layer_rule_subject_and_time_order() {
        Finding laterHotspot = new Finding("intent.tactical-hotspot", Layer.INTENT, Severity.BLOCKING,
                Ref.file("src/pay/Ledger.java"), "#9", "again", T1.plusSeconds(60), List.of());
        Finding otherFile = new Finding("intent.tactical-hotspot", Layer.INTENT, Severity.BLOCKING,
                Ref.file("src/a.java"), "#5", "a", T1.plusSeconds(600), List.of());
        Finding asDirectory = new Finding("intent.tactical-hotspot", Layer.INTENT, Severity.BLOCKING,
                Ref.of(Ref.Kind.DIRECTORY, "src"), "#5", "dir", T1, List.of());
        Finding sameTimeOtherChange = new Finding("intent.tactical-hotspot", Layer.INTENT, Severity.BLOCKING,
                Ref.file("src/pay/Ledger.java"), "#3", "tie", T1, List.of());

        Report report = report(List.of(FRIDAY, ADR, laterHotspot, RISK, HOTSPOT, otherFile, asDirectory,
                sameTimeOtherChange), false, false);

        assertThat(report.findings()).containsExactly(RISK, otherFile, sameTimeOtherChange, HOTSPOT, laterHotspot,
                asDirectory, ADR, FRIDAY);
    }

    @Test
    void counts_blocking_and_passed_follow_the_severities() {
        Report report = report(List.of(HOTSPOT, RISK, ADR, FRIDAY), false, false);

        assertThat(report.blocking()).containsExactly(HOTSPOT);
        assertThat(report.passed()).isFalse();
        assertThat(report.count(Severity.WARNING)).isEqualTo(2);
        assertThat(report.count(Severity.INFO)).isEqualTo(1);
        assertThat(report(List.of(RISK), false, false).passed()).isTrue();
    }

    @Test
    void accessors_give_what_the_check_saw() {
        Report report = report(List.of(), true, true);

        assertThat(report.evaluatedAt()).isEqualTo(NOW);
        assertThat(report.repository()).isEqualTo(new Facts.Origin("a".repeat(40), "main"));
        assertThat(report.shallow()).isTrue();
        assertThat(report.layers()).containsExactly(Layer.INTENT, Layer.RELEASE);
        assertThat(report.factCounts()).containsExactly(Map.entry("adrs", 1), Map.entry("changes", 5));
        assertThat(report(List.of(), true, false).shallow()).isFalse();
    }

    @Test
    void without_a_baseline_drops_known_fingerprints_and_counts_them() {
        Report report = report(List.of(HOTSPOT, RISK), true, false).without(Set.of(HOTSPOT.fingerprint()));

        assertThat(report.findings()).containsExactly(RISK);
        assertThat(report.suppressedByBaseline()).isEqualTo(1);
        assertThat(report.without(Set.of(RISK.fingerprint())).suppressedByBaseline()).isEqualTo(2);
        assertThat(report.shallow()).isFalse();
        assertThat(report.repository()).isNotNull();
    }

    @Test
    void json_writes_every_field_in_a_fixed_order() {
        String json = report(List.of(HOTSPOT, RISK), true, true).toJson();

        assertThat(json).isEqualTo("""
                {
                  "schemaVersion" : 1,
                  "tool" : {
                    "name" : "governor",
                    "version" : "%s"
                  },
                  "repository" : {
                    "head" : "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                    "branch" : "main",
                    "shallow" : true
                  },
                  "evaluatedAt" : "2026-11-26T12:00:00Z",
                  "policy" : {
                    "source" : "governance.yml",
                    "sha256" : "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                    "rulePack" : "builtin-test"
                  },
                  "layers" : [
                    "intent",
                    "release"
                  ],
                  "summary" : {
                    "blocking" : 1,
                    "warning" : 1,
                    "info" : 0,
                    "suppressedByBaseline" : 0,
                    "facts" : {
                      "adrs" : 1,
                      "changes" : 5
                    }
                  },
                  "findings" : [
                    {
                      "rule" : "intent.risk-missing",
                      "layer" : "intent",
                      "severity" : "warning",
                      "subject" : {
                        "kind" : "change",
                        "id" : "#1",
                        "at" : null,
                        "detail" : null
                      },
                      "change" : null,
                      "at" : null,
                      "message" : "no risk",
                      "evidence" : [ ],
                      "fingerprint" : "%s"
                    },
                    {
                      "rule" : "intent.tactical-hotspot",
                      "layer" : "intent",
                      "severity" : "blocking",
                      "subject" : {
                        "kind" : "file",
                        "id" : "src/pay/Ledger.java",
                        "at" : null,
                        "detail" : null
                      },
                      "change" : "#4",
                      "at" : "2026-11-20T10:00:00Z",
                      "message" : "3 tactical fixes",
                      "evidence" : [
                        {
                          "kind" : "change",
                          "id" : "#2",
                          "at" : "2026-11-18T10:00:00.123Z",
                          "detail" : "first"
                        }
                      ],
                      "fingerprint" : "%s"
                    }
                  ]
                }
                """.formatted(Version.TOOL, RISK.fingerprint(), HOTSPOT.fingerprint()));
    }

    @Test
    void json_of_facts_given_in_memory_names_no_repository() {
        String json = report(List.of(), false, false).toJson();

        assertThat(json).contains("  \"repository\" : {\n    \"head\" : \"" + "0".repeat(40) + "\",\n"
                + "    \"branch\" : \"\"\n  },\n");
        assertThat(json).contains("\"source\" : null");
        assertThat(json).endsWith("\"findings\" : [ ]\n}\n");
    }
}
