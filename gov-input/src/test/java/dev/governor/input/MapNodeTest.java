package dev.governor.input;

import static dev.governor.input.NodeTest.refusal;
import static dev.governor.input.NodeTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MapNodeTest {
    private static final List<String> ROOT_KEYS = List.of("branch", "services", "intent", "hotspot", "release",
            "learning", "layers", "adr", "contracts", "rules", "ruleDirs", "since");

    @Test
    void keys_are_in_the_order_of_the_file() {
        assertThat(yaml("since: 2026-01-01\nbranch: main\nlayers: [release]\n").asMap().keys())
                .containsExactly("since", "branch", "layers");
    }

    @Test
    void get_is_null_for_an_absent_key_and_no_value_for_an_empty_one() {
        MapNode root = yaml("branch:\nlayers: [release]\n").asMap();

        assertThat(root.get("since")).isNull();
        assertThat(root.get("branch")).isInstanceOf(NullNode.class);
        assertThat(root.get("layers")).isInstanceOf(ListNode.class);
    }

    @Test
    void require_gives_a_present_value() {
        assertThat(yaml("name: orders").asMap().require("name").asString()).isEqualTo("orders");
    }

    @Test
    void require_refuses_an_absent_key_at_the_map_naming_the_path() {
        MapNode contract = yaml("contracts:\n  - spec: a.yaml\n    provider: orders\n", "contracts").asList().items().get(0)
                .asMap();

        refusal(() -> contract.require("name")).hasMessage("governance.yml:2: contracts[0].name is missing: add it");
        refusal(() -> yaml("spec: a.yaml").asMap().require("name")).hasMessage("governance.yml:1: name is missing: add it");
    }

    @Test
    void opt_is_null_for_an_absent_key_and_for_an_explicit_null() {
        MapNode pr = StructuredInput.parse("{\"number\": 1, \"merged_at\": null, \"body\": \"\"}", Format.JSON, "pr.json",
                Limits.RECORDS).asMap();

        assertThat(pr.opt("title")).isNull();
        assertThat(pr.opt("merged_at")).isNull();
        assertThat(pr.opt("number")).isInstanceOf(ScalarNode.class);
        assertThat(((ScalarNode) pr.opt("body")).text()).isEmpty();
    }

    @Test
    void key_line_is_the_line_of_the_key_not_of_its_value() {
        MapNode rules = yaml("rules:\n  RiskMissing:\n    enabled: false\n", "rules").asMap();

        assertThat(rules.keyLine("RiskMissing")).isEqualTo(2);
        assertThat(rules.get("RiskMissing").line()).isEqualTo(3);
    }

    @Test
    void key_line_of_an_absent_key_is_a_programming_error() {
        assertThatThrownBy(() -> yaml("hotspot: {count: 1}", "hotspot").asMap().keyLine("window"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no key 'window' under hotspot; ask keys() first");
    }

    @Test
    void only_known_keys_pass_unchanged() {
        MapNode root = yaml("branch: main\nsince: 2026-01-01\n").asMap();

        assertThat(root.only(ROOT_KEYS)).isSameAs(root);
        assertThat(root.only(Set.of("since", "branch"))).isSameAs(root);
    }

    @Test
    void a_misspelt_root_key_is_refused_suggesting_the_right_one() {
        refusal(() -> yaml("branch: main\nhotspots: { count: 2 }\n").asMap().only(ROOT_KEYS))
                .hasMessage("governance.yml:2: unknown key 'hotspots' under root (did you mean 'hotspot'?)");
    }

    @Test
    void an_unknown_key_without_a_near_match_is_refused_listing_the_keys() {
        refusal(() -> yaml("owner: team-a\n").asMap().only(ROOT_KEYS))
                .hasMessage("governance.yml:1: unknown key 'owner' under root: use branch, services, intent, hotspot,"
                        + " release, learning, layers, adr, contracts, rules, ruleDirs, since");
    }

    @Test
    void a_misspelt_nested_key_is_refused_under_its_map() {
        refusal(() -> yaml("hotspot:\n  count: 3\n  windw: 7d\n", "hotspot").asMap()
                .only(List.of("count", "window", "scope")))
                .hasMessage("governance.yml:3: unknown key 'windw' under hotspot (did you mean 'window'?)");
        refusal(() -> yaml("rules:\n  intent.risk-missing: { severty: info }\n", "rules", "intent.risk-missing").asMap()
                .only(List.of("severity", "enabled")))
                .hasMessage("governance.yml:2: unknown key 'severty' under rules.intent.risk-missing (did you mean"
                        + " 'severity'?)");
    }

    @Test
    void the_first_unknown_key_is_the_one_named() {
        refusal(() -> yaml("a: 1\nb: 2\nc: 3\n").asMap().only(List.of("b")))
                .hasMessage("governance.yml:1: unknown key 'a' under root (did you mean 'b'?)");
    }

    @Test
    void lists_give_their_items_in_order() {
        ListNode list = yaml("l: [a, b, c]", "l").asList();

        assertThat(list.size()).isEqualTo(3);
        assertThat(list.items()).extracting(Node::asString).containsExactly("a", "b", "c");
        assertThat(list.items()).extracting(Node::path).containsExactly("l[0]", "l[1]", "l[2]");
    }

    @Test
    void nodes_hold_copies_so_they_cannot_change() {
        assertThatThrownBy(() -> yaml("l: [a]", "l").asList().items().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> yaml("a: 1").asMap().keys().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
