package dev.governor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.Evaluation;
import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.Scope;
import dev.governor.api.Change;
import dev.governor.api.Facts;
import dev.governor.api.FileChange;
import dev.governor.api.GovernanceException;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.internal.engine.Packs;
import dev.governor.internal.policy.PolicyLoader;
import dev.governor.pack.Derivation;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import dev.governor.pack.View;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The seam every layer is built on, exercised with a pack that exists only here: its DRL is compiled when
 * the Governor is built, its section is read from governance.yml, its derivation and view work, its
 * findings reach the report, and the engine needed no change to run it.
 */
public class PackSeamTest {
    private static final Instant NOW = Instant.parse("2026-11-10T00:00:00Z");

    /** Settings of the test pack: a change may touch at most {@code max} files. */
    public record WidgetPolicy(int max) {
        static final Policy.Section<WidgetPolicy> SECTION = Policy.Section.of("widget", WidgetPolicy.class, new WidgetPolicy(2));
    }

    /** What the test pack derives: how many files a change touched. */
    public record FileCount(Change change, int files) {}

    /** A pack of its own, as a user would write it. */
    public static class WidgetPack implements Pack {
        static final View<String> COUNTS = View.of("widget", "widget.counts", "$count",
                row -> ((FileCount) row).change().id() + "=" + ((FileCount) row).files());

        @Override
        public String id() {
            return "widget";
        }

        @Override
        public List<String> rules() {
            return List.of("dev/governor/engine/widget.drl");
        }

        @Override
        public List<SectionReader<?>> sections() {
            return List.of(SectionReader.of(WidgetPolicy.SECTION, node -> {
                MapNode map = node.asMap().only(List.of("max"));
                return new WidgetPolicy(SectionReader.value(map, "max", n -> n.asInt(1, 1000), 2));
            }));
        }

        @Override
        public void derive(Derivation derivation) {
            for (Change c : derivation.changes()) {
                derivation.insert(new FileCount(c, c.files().size()));
            }
        }
    }

    private static Change change(String id, int files) {
        Change.Builder b = Change.builder(id).mergedAt(NOW.minusSeconds(3600)).declaredType("feature").risk("low");
        for (int i = 0; i < files; i++) {
            b.file(FileChange.modified("f" + i + ".txt"));
        }
        return b.build();
    }

    private static Governor.Builder governor(Policy policy) {
        return Governor.builder().pack(new WidgetPack()).policy(policy)
                .facts(Facts.builder().change(change("#1", 1)).change(change("#2", 3)).build())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).withoutServiceLoadedSources();
    }

    @Test
    void a_pack_of_ones_own_runs_beside_the_built_in_ones_with_layer_custom() {
        Report report = governor(Policy.builder().layers(Set.of("widget")).build()).build().check();

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("widget.too-many-files");
            assertThat(f.layer()).isEqualTo(Layer.CUSTOM);
            assertThat(f.change()).isEqualTo("#2");
            assertThat(f.message()).isEqualTo("#2 touches 3 files, more than 2");
        });
        assertThat(report.layers()).isEmpty();
    }

    @Test
    void its_section_is_read_from_governance_yml_with_the_core_keys() {
        Packs packs = Packs.load(getClass().getClassLoader(), List.of(new WidgetPack()), true);
        Policy policy = PolicyLoader.parse("layers: [widget, intent]\nwidget: { max: 5 }\n", "governance.yml", packs);

        assertThat(policy.section(WidgetPolicy.SECTION)).isEqualTo(new WidgetPolicy(5));
        assertThat(governor(policy).build().check().findings()).extracting(f -> f.ruleId()).doesNotContain("widget.too-many-files");
    }

    @Test
    void an_unknown_key_suggests_from_the_keys_of_every_pack() {
        Packs packs = Packs.load(getClass().getClassLoader(), List.of(new WidgetPack()), true);

        assertThatThrownBy(() -> PolicyLoader.parse("widgte: { max: 5 }\n", "governance.yml", packs))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("governance.yml:1: unknown key 'widgte' under root (did you mean 'widget'?)");
        assertThatThrownBy(() -> PolicyLoader.parse("layers: [widgit]\n", "governance.yml", packs))
                .isInstanceOf(GovernanceException.class)
                .hasMessageStartingWith("governance.yml:1: bad layer 'widgit' in layers (did you mean 'widget'?): use intent,");
    }

    @Test
    void its_view_is_read_from_the_same_run() {
        Evaluation run = governor(Policy.defaults()).build().evaluate(Scope.all(), WidgetPack.COUNTS);

        assertThat(run.view(WidgetPack.COUNTS)).containsExactlyInAnyOrder("#1=1", "#2=3");
        Evaluation without = governor(Policy.defaults()).build().evaluate(Scope.all());
        assertThatThrownBy(() -> without.view(WidgetPack.COUNTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("view widget.counts was not asked for: pass it to Governor.evaluate(scope, views…)");
    }

    @Test
    void left_out_of_layers_it_neither_runs_nor_answers_its_view() {
        Evaluation run = governor(Policy.builder().layers(Set.of("intent")).build()).build()
                .evaluate(Scope.all(), WidgetPack.COUNTS);

        assertThat(run.report().findings()).extracting(f -> f.ruleId()).doesNotContain("widget.too-many-files");
        assertThat(run.view(WidgetPack.COUNTS)).isEmpty();
    }

    @Test
    void its_rules_are_listed_with_their_pack_and_settings() {
        Governor g = governor(Policy.defaults()).build();

        assertThat(g.packs()).containsExactly("change", "contract", "intent", "learning", "release", "widget");
        assertThat(g.rules()).filteredOn(r -> r.id().equals("widget.too-many-files")).singleElement().satisfies(r -> {
            assertThat(r.pack()).isEqualTo("widget");
            assertThat(r.source()).isEqualTo("pack widget");
            assertThat(r.thresholds()).containsExactly("widget.max = 2");
            assertThat(r.next("#2")).isEqualTo("split #2 into smaller changes");
        });
    }

    @Test
    void a_pack_may_not_take_a_built_in_packs_id_or_section() {
        Pack clash = new WidgetPack() {
            @Override
            public String id() {
                return "intent";
            }
        };
        assertThatThrownBy(() -> Governor.builder().pack(clash).build())
                .isInstanceOf(GovernanceException.class)
                .hasMessageContaining("pack id 'intent' is taken by dev.governor.packs.intent.IntentPack");

        Pack section = new WidgetPack() {
            @Override
            public String id() {
                return "gadget";
            }

            @Override
            public List<SectionReader<?>> sections() {
                return List.of(SectionReader.of(Policy.Section.of("hotspot", String.class, ""), Node::asString));
            }
        };
        assertThatThrownBy(() -> Governor.builder().pack(section).build())
                .isInstanceOf(GovernanceException.class)
                .hasMessageContaining("pack 'gadget' declares section 'hotspot', which belongs to pack 'intent'");
    }

    @Test
    void a_rule_override_that_names_no_loaded_rule_is_an_error_with_its_line() {
        Packs packs = Packs.load(getClass().getClassLoader(), List.of(), true);
        Policy policy = PolicyLoader.parse("rules:\n  intent.risk-missng: { enabled: false }\n", "governance.yml", packs);

        assertThatThrownBy(() -> Governor.builder().policy(policy).build())
                .isInstanceOf(GovernanceException.class)
                .hasMessage("governance.yml:2: no loaded rule has the id 'intent.risk-missng' under rules: (did you mean "
                        + "'intent.risk-missing'?); fix the id, or load the rule file that defines it (ruleDirs)");
    }
}
