package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.packs.intent.HotspotStatus;
import dev.governor.RuleInfo;
import dev.governor.api.Layer;
import dev.governor.api.Ref;
import dev.governor.api.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text and JSON layouts of hotspots, rules and explain, from records built in memory. */
class FormattingTest {
    private static final HotspotStatus LOCKED = new HotspotStatus("src/pay/Ledger.java", 3, List.of(), true,
            Instant.parse("2026-11-06T10:00:00Z"), List.of("#412", "#418", "#421"));
    private static final HotspotStatus WARM = new HotspotStatus("src/pay/Fx.java", 2, List.of("#430", "#431"), false,
            null, List.of());
    private static final RuleInfo HOTSPOT = new RuleInfo("intent.tactical-hotspot", Layer.INTENT, Severity.BLOCKING,
            true, "built-in", "Three tactical fixes to one file within a week lock it.",
            List.of("hotspot.count = 3", "hotspot.window = 7d"), "#412, #418 and #421 touch Ledger.java", null, "intent");
    private static final RuleInfo FRIDAY = new RuleInfo("ci.no-friday-deploys", Layer.CUSTOM, null, false,
            "governance/rules/ci.drl", null, List.of(), null, null, null);

    @Test
    void hotspots_text_lists_locked_files_with_when_and_by_what() {
        assertThat(HotspotsCommand.text(List.of(LOCKED, WARM), 2, 1, "within 7d")).isEqualTo("""
                LOCKED  3  src/pay/Ledger.java  locked 2026-11-06T10:00:00Z by #412, #418, #421
                        2  src/pay/Fx.java
                2 files locked or with tactical fixes within 7d · 1 locked
                """);
    }

    @Test
    void hotspots_text_cut_by_top_says_how_many_it_was_cut_from() {
        assertThat(HotspotsCommand.text(List.of(LOCKED), 120, 5, "within 7d")).isEqualTo("""
                LOCKED  3  src/pay/Ledger.java  locked 2026-11-06T10:00:00Z by #412, #418, #421
                1 of 120 files locked or with tactical fixes within 7d · 5 locked
                """);
    }

    @Test
    void hotspots_json_has_the_documented_fields_in_order() {
        assertThat(HotspotsCommand.json(List.of(LOCKED, WARM), Duration.ofDays(7), Instant.parse("2026-11-26T12:00:00Z")))
                .isEqualTo("""
                {
                  "hotspots" : [
                    {
                      "path" : "src/pay/Ledger.java",
                      "tacticalFixes" : 3,
                      "locked" : true,
                      "lockedAt" : "2026-11-06T10:00:00Z",
                      "lockedBy" : [
                        "#412",
                        "#418",
                        "#421"
                      ],
                      "counted" : [ ]
                    },
                    {
                      "path" : "src/pay/Fx.java",
                      "tacticalFixes" : 2,
                      "locked" : false,
                      "lockedAt" : null,
                      "lockedBy" : [ ],
                      "counted" : [
                        "#430",
                        "#431"
                      ]
                    }
                  ],
                  "window" : "P7D",
                  "evaluatedAt" : "2026-11-26T12:00:00Z"
                }
                """);
    }

    @Test
    void hotspots_are_ordered_locked_first_then_by_count_then_by_path() {
        HotspotStatus a = new HotspotStatus("a.java", 2, List.of(), false, null, List.of());
        HotspotStatus b = new HotspotStatus("b.java", 2, List.of(), false, null, List.of());
        HotspotStatus many = new HotspotStatus("z.java", 5, List.of(), false, null, List.of());

        assertThat(List.of(b, many, a, LOCKED).stream().sorted(HotspotStatus.ORDER).toList())
                .containsExactly(LOCKED, many, a, b);
    }

    @Test
    void rules_table_aligns_columns_and_counts_the_rules() {
        assertThat(RulesCommand.table(List.of(HOTSPOT, FRIDAY))).isEqualTo("""
                RULE                     LAYER   SEVERITY  ENABLED  SOURCE
                intent.tactical-hotspot  intent  blocking  yes      built-in
                ci.no-friday-deploys     custom  -         no       governance/rules/ci.drl
                2 rules
                """);
    }

    @Test
    void explain_shows_description_thresholds_and_example() {
        assertThat(ExplainCommand.render(HOTSPOT)).isEqualTo("""
                intent.tactical-hotspot
                  layer:     intent
                  severity:  blocking
                  source:    built-in

                Three tactical fixes to one file within a week lock it.

                Thresholds:
                  hotspot.count = 3
                  hotspot.window = 7d

                Example:
                  #412, #418 and #421 touch Ledger.java
                """);
    }

    @Test
    void explain_of_a_rule_without_description_says_how_to_add_one() {
        assertThat(ExplainCommand.render(FRIDAY)).isEqualTo("""
                ci.no-friday-deploys
                  layer:     custom
                  severity:  - (disabled by the policy)
                  source:    governance/rules/ci.drl

                (no description: add @description("...") to the rule)
                """);
    }

    @Test
    void an_unknown_rule_id_suggests_the_nearest_loaded_one() {
        assertThat(ExplainCommand.unknown("intent.tactical-hotpot", List.of(HOTSPOT, FRIDAY)))
                .isEqualTo("unknown rule 'intent.tactical-hotpot' (did you mean 'intent.tactical-hotspot'?);"
                        + " 'gov rules' lists the loaded rules");
    }

    @Test
    void an_unknown_rule_id_far_from_every_loaded_one_suggests_nothing() {
        assertThat(ExplainCommand.unknown("release.gate-missing", List.of(HOTSPOT, FRIDAY)))
                .isEqualTo("unknown rule 'release.gate-missing'; 'gov rules' lists the loaded rules");
    }

    @Test
    void a_reference_shows_kind_id_time_and_detail_and_a_file_just_its_path() {
        assertThat(TextReport.ref(Ref.file("src/a.java"))).isEqualTo("src/a.java");
        assertThat(TextReport.ref(new Ref(Ref.Kind.CHANGE, "#412", Instant.parse("2026-11-02T10:00:00Z"), null)))
                .isEqualTo("change #412 2026-11-02T10:00:00Z");
        assertThat(TextReport.ref(new Ref(Ref.Kind.FIELD, "rollback", null, "empty section")))
                .isEqualTo("field rollback (empty section)");
    }
}
