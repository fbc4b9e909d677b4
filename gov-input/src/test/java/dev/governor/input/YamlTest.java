package dev.governor.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.governor.api.GovernanceException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the YAML reader accepts, and every refusal with its line. */
class YamlTest {
    private static final String FILE = "governance.yml";

    private static Node read(String yaml) {
        return StructuredInput.parse(yaml, Format.YAML, FILE, Limits.POLICY);
    }

    private static void assertRefused(String yaml, String message) {
        assertRefused(yaml, message, Limits.POLICY);
    }

    private static void assertRefused(String yaml, String message, Limits limits) {
        assertThatThrownBy(() -> StructuredInput.parse(yaml, Format.YAML, FILE, limits))
                .isInstanceOf(GovernanceException.class).hasMessage(message);
    }

    // ---- what reads ---------------------------------------------------------------------------------

    @Test
    void a_document_becomes_maps_lists_and_scalars() {
        MapNode root = read("branch: main\nlayers: [release, change]\nhotspot:\n  count: 3\n").asMap();

        assertThat(root.get("branch").asString()).isEqualTo("main");
        assertThat(root.get("layers").asStrings()).containsExactly("release", "change");
        assertThat(root.get("hotspot").asMap().get("count").asInt(1, 9)).isEqualTo(3);
    }

    @Test
    void an_empty_file_or_one_of_comments_has_no_value_on_line_one() {
        for (String yaml : new String[] {"", "# only a comment\n\n"}) {
            Node root = read(yaml);
            assertThat(root).isInstanceOf(NullNode.class);
            assertThat(root.line()).isEqualTo(1);
            assertThat(root.path()).isEmpty();
        }
    }

    @Test
    void an_empty_document_after_a_marker_has_no_value() {
        assertThat(read("---\n")).isInstanceOf(NullNode.class);
    }

    @Test
    void tilde_and_null_are_no_value_but_quoted_null_is_text() {
        MapNode root = read("a: ~\nb: null\nc: 'null'\n").asMap();

        assertThat(root.get("a")).isInstanceOf(NullNode.class);
        assertThat(root.get("b")).isInstanceOf(NullNode.class);
        assertThat(root.get("c").asString()).isEqualTo("null");
    }

    @Test
    void plain_tags_are_allowed() {
        assertThat(read("a: !!str 3\nb: !!int 4\n").asMap().get("a").asString()).isEqualTo("3");
    }

    @Test
    void an_alias_to_a_shared_list_is_allowed_and_named_where_it_is_used() {
        MapNode root = read("services: &svc [services/*]\nrelease: { requiredGates: *svc }\n").asMap();
        Node gates = root.get("release").asMap().get("requiredGates");

        assertThat(gates.asStrings()).containsExactly("services/*");
        assertThat(gates.asList().items().get(0).path()).isEqualTo("release.requiredGates[0]");
    }

    @Test
    void a_text_starting_with_a_bom_is_read_without_it() {
        assertThat(read("\uFEFFbranch: main").asMap().keys()).containsExactly("branch");
    }

    // ---- tags ---------------------------------------------------------------------------------------

    @Test
    void a_tag_on_the_document_is_refused() {
        assertRefused("--- !foo\nbranch: main\n",
                "governance.yml:1: unsupported tag '!foo' on the top level: remove it, Governor reads plain YAML only");
    }

    @Test
    void a_tag_on_a_key_is_refused() {
        assertRefused("branch: main\n!foo key: v\n",
                "governance.yml:2: unsupported tag '!foo' on a key under root: remove it, Governor reads plain YAML only");
    }

    @Test
    void a_tag_on_a_nested_value_is_refused_naming_its_path() {
        assertRefused("hotspot: !foo {count: 3}\n",
                "governance.yml:1: unsupported tag '!foo' on hotspot: remove it, Governor reads plain YAML only");
        assertRefused("services:\n  - a\n  - !x b\n",
                "governance.yml:3: unsupported tag '!x' on services[1]: remove it, Governor reads plain YAML only");
    }

    @Test
    void a_tag_that_names_a_type_is_refused_so_no_type_can_be_named() {
        assertRefused("branch: !!javax.script.ScriptEngineManager main",
                "governance.yml:1: unsupported tag '!!javax.script.ScriptEngineManager' on branch: remove it, Governor"
                        + " reads plain YAML only");
        assertRefused("x: !!python/object:os.system [ls]",
                "governance.yml:1: unsupported tag '!!python/object:os.system' on x: remove it, Governor reads plain"
                        + " YAML only");
    }

    @Test
    void yaml_types_beyond_the_plain_ones_are_refused() {
        assertRefused("x: !!set {a, b}",
                "governance.yml:1: unsupported tag '!!set' on x: remove it, Governor reads plain YAML only");
        assertRefused("x: !!binary aGk=",
                "governance.yml:1: unsupported tag '!!binary' on x: remove it, Governor reads plain YAML only");
    }

    @Test
    void a_tag_declared_with_a_directive_is_shown_in_full() {
        assertRefused("%TAG ! tag:example.com,2000:\n--- !foo\nbranch: main\n",
                "governance.yml:2: unsupported tag 'tag:example.com,2000:foo' on the top level: remove it, Governor"
                        + " reads plain YAML only");
    }

    // ---- keys ---------------------------------------------------------------------------------------

    @Test
    void a_merge_key_is_refused() {
        assertRefused("base: &b { count: 2 }\nhotspot:\n  <<: *b\n",
                "governance.yml:3: merge keys (<<) are not supported under hotspot: write the keys out");
        assertRefused("<<: { count: 2 }\n",
                "governance.yml:1: merge keys (<<) are not supported under root: write the keys out");
    }

    @Test
    void a_quoted_double_angle_is_an_ordinary_key() {
        assertThat(read("'<<': 1").asMap().keys()).containsExactly("<<");
    }

    @Test
    void a_list_or_a_map_used_as_a_key_is_refused() {
        assertRefused("? [a, b]\n: c\n", "governance.yml:1: keys under root must be plain names, found a list");
        assertRefused("hotspot:\n  ? {a: 1}\n  : c\n",
                "governance.yml:2: keys under hotspot must be plain names, found a map");
    }

    @Test
    void a_key_with_no_name_is_refused() {
        assertRefused("branch: main\n~: x\n", "governance.yml:2: keys under root must be plain names, found no value");
    }

    @Test
    void a_duplicate_key_is_refused_naming_both_lines() {
        assertRefused("branch: main\nlayers: [release]\nbranch: trunk\n",
                "governance.yml:3: duplicate key 'branch' under root (first on line 1): keep one");
    }

    @Test
    void a_duplicate_key_in_a_nested_map_is_refused_under_it() {
        assertRefused("rules:\n  intent.risk-missing: { enabled: false }\n  intent.risk-missing: { severity: info }\n",
                "governance.yml:3: duplicate key 'intent.risk-missing' under rules (first on line 2): keep one");
    }

    @Test
    void a_key_repeated_through_an_alias_is_placed_at_the_alias() {
        assertRefused("a: &k b\nb: 1\n\n*k : 2\n",
                "governance.yml:4: duplicate key 'b' under root (first on line 2): keep one");
    }

    // ---- documents and syntax -----------------------------------------------------------------------

    @Test
    void two_documents_in_one_file_are_refused() {
        assertRefused("branch: main\n---\nbranch: trunk\n",
                "governance.yml:2: invalid YAML: expected a single document in the stream, but found another document;"
                        + " fix the syntax (indentation, quotes, brackets)");
    }

    @Test
    void a_syntax_error_names_its_line() {
        assertRefused("branch: main\nhotspot:\n  count: 3\n window: 7d\n",
                "governance.yml:4: invalid YAML: while parsing a block mapping, expected <block end>, but found"
                        + " '<block mapping start>'; fix the syntax (indentation, quotes, brackets)");
    }

    @Test
    void an_unclosed_bracket_is_a_syntax_error() {
        assertRefused("layers: [release, change\nbranch: main\n",
                "governance.yml:2: invalid YAML: while parsing a flow sequence, expected ',' or ']', but got :; fix the"
                        + " syntax (indentation, quotes, brackets)");
    }

    @Test
    void an_undefined_alias_is_a_syntax_error() {
        assertRefused("a: 1\nb: *nowhere\n",
                "governance.yml:2: invalid YAML: found undefined alias nowhere; fix the syntax (indentation, quotes,"
                        + " brackets)");
    }

    @Test
    void a_control_character_is_refused_naming_its_line() {
        assertRefused("branch: main\nservices: [a\u0007]\n", "governance.yml:2: the character U+0007 is not allowed in"
                + " YAML: remove it");
    }

    @Test
    void a_control_character_after_wide_characters_is_placed_by_code_points() {
        assertRefused("a: \uD83D\uDE00\uD83D\uDE00\nb: \u0007\n",
                "governance.yml:2: the character U+0007 is not allowed in YAML: remove it");
    }

    // ---- bounds -------------------------------------------------------------------------------------

    @Test
    void an_alias_bomb_fails_at_once_naming_the_alias_that_crossed_the_limit() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append('a').append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertRefused(yaml.toString(),
                "governance.yml:4: more than 20 aliases to lists or maps (is this an alias bomb?): write the values"
                        + " out instead"));
    }

    @Test
    void the_number_of_aliases_is_the_limits_own() {
        Node shared = StructuredInput.parse("a: &a [x]\nb: *a\n", Format.YAML, FILE, new Limits(1000, 1, 5));
        assertThat(shared.asMap().get("b").asStrings()).containsExactly("x");

        assertThatThrownBy(() -> StructuredInput.parse("a: &a [x]\nb: *a\nc: *a\n", Format.YAML, FILE,
                new Limits(1000, 1, 5)))
                .hasMessage("governance.yml:3: more than 1 aliases to lists or maps (is this an alias bomb?): write the"
                        + " values out instead");
    }

    @Test
    void aliases_that_repeat_more_values_than_the_file_holds_fail_at_the_alias() {
        // 18 aliases, under the limit of 20, multiply a list of 301 values 729 times
        StringBuilder yaml = new StringBuilder("a0: &a0 [" + "x, ".repeat(300) + "x]\n");
        for (int i = 1; i <= 6; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append(", *a").append(i - 1).append("]\n");
        }

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertRefused(yaml.toString(),
                "governance.yml:3: aliases repeat more values than the file has characters (is this an alias bomb?):"
                        + " write the values out instead"));
    }

    @Test
    void aliases_may_repeat_as_many_values_as_the_file_has_characters() {
        // 5 characters of text after the list: "b: *a" repeats the list and its item (2 values) within 24 characters
        Node root = StructuredInput.parse("a: &a [x]\nb: *a\nc: *a\n", Format.YAML, FILE, Limits.POLICY);

        assertThat(root.asMap().get("c").asStrings()).containsExactly("x");
    }

    @Test
    void aliases_may_repeat_exactly_as_many_values_as_the_file_has_characters() {
        // 81 characters; each alias repeats the list and its 26 items, 3 x 27 = 81 values
        String yaml = "a: &a [x" + ",x".repeat(25) + "]\nb0: *a\nb1: *a\nb2: *a\n";

        assertThat(yaml).hasSize(81);
        assertThat(read(yaml).asMap().get("b2").asList().size()).isEqualTo(26);
    }

    @Test
    void keys_repeated_through_aliases_are_each_placed_at_their_own_alias() {
        assertRefused("a: &k b\n*k : 1\nc: 2\n*k : 3\n",
                "governance.yml:4: duplicate key 'b' under root (first on line 2): keep one");
    }

    @Test
    void a_map_inside_itself_is_refused_at_the_alias() {
        assertRefused("a: &m\n  x: 1\n  y: *m\n",
                "governance.yml:3: the alias *m is used inside its own value: write the values out instead");
    }

    @Test
    void maps_nested_through_an_alias_count_too() {
        assertThat(StructuredInput.parse("a: &m {x: {y: 1}}\n", Format.YAML, FILE, new Limits(1000, 5, 3)))
                .isInstanceOf(MapNode.class);
        assertRefused("a: &m {x: {y: 1}}\nb: {c: *m}\n", "governance.yml:2: nested more than 3 levels deep: flatten"
                + " it, or check the indentation and brackets", new Limits(1000, 5, 3));
    }

    @Test
    void very_deep_nesting_is_refused_before_it_can_exhaust_the_stack() {
        assertRefused("[".repeat(100_000), "governance.yml:1: nested more than 20 levels deep: flatten it, or check the"
                + " indentation and brackets");
        assertThatThrownBy(() -> StructuredInput.parse("[".repeat(100_000), Format.JSON, FILE, Limits.POLICY))
                .hasMessage("governance.yml:1: nested more than 20 levels deep: flatten it, or check the indentation"
                        + " and brackets");
    }

    @Test
    void a_value_inside_itself_is_refused_at_the_alias() {
        assertRefused("a: 1\nb: &loop\n  - x\n  - *loop\n",
                "governance.yml:4: the alias *loop is used inside its own value: write the values out instead");
    }

    @Test
    void nesting_deeper_than_the_limit_is_refused_naming_the_line() {
        assertRefused("branch: main\nrules: " + "[".repeat(30) + "]".repeat(30) + "\n",
                "governance.yml:2: nested more than 20 levels deep: flatten it, or check the indentation and brackets");
    }

    @Test
    void nesting_to_the_limit_is_allowed() {
        assertThat(read("[".repeat(20) + "]".repeat(20))).isInstanceOf(ListNode.class);
        assertRefused("[".repeat(21) + "]".repeat(21),
                "governance.yml:1: nested more than 20 levels deep: flatten it, or check the indentation and brackets");
    }

    @Test
    void the_depth_is_the_limits_own_even_beyond_snakeyamls_default_of_fifty() {
        String deep = "[".repeat(64) + "]".repeat(64);

        assertThat(StructuredInput.parse(deep, Format.YAML, FILE, Limits.RECORDS)).isInstanceOf(ListNode.class);
        assertRefused("[" + deep + "]", "governance.yml:1: nested more than 64 levels deep: flatten it, or check the"
                + " indentation and brackets", Limits.RECORDS);
    }

    @Test
    void nesting_through_an_alias_counts_too_and_fails_at_the_alias() {
        String deep = "[".repeat(19) + "]".repeat(19);
        assertThat(read("a: &x " + deep + "\nb: 1\n")).isInstanceOf(MapNode.class);

        assertRefused("a: &x " + deep + "\nb: 1\nc: [*x]\n",
                "governance.yml:3: nested more than 20 levels deep: flatten it, or check the indentation and brackets");
    }

    @Test
    void more_code_points_than_the_limit_are_refused_even_when_the_text_skipped_the_measuring() {
        assertThatThrownBy(() -> YamlReader.read("branch: main-and-more", FILE, new Limits(10, 0, 5)))
                .hasMessage("governance.yml: the file is larger than 10 bytes (more than 10 characters): check that"
                        + " this is the right file");
    }
}
