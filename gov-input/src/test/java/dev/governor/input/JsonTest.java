package dev.governor.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.api.GovernanceException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** What the JSON reader accepts, and every refusal with its line. */
class JsonTest {
    private static final String FILE = ".gov/prs/12.json";

    private static Node read(String json) {
        return StructuredInput.parse(json, Format.JSON, FILE, Limits.RECORDS);
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(GovernanceException.class).hasMessage(message);
    }

    @Test
    void objects_arrays_and_scalars_become_nodes_with_their_lines() {
        MapNode pr = read("{\n  \"number\": 12,\n  \"labels\": [\n    {\"name\": \"bug\"}\n  ],\n  \"draft\": false\n}")
                .asMap();

        assertThat(pr.line()).isEqualTo(1);
        assertThat(pr.get("number").asInt(1, Integer.MAX_VALUE)).isEqualTo(12);
        assertThat(pr.get("number").line()).isEqualTo(2);
        assertThat(pr.keyLine("labels")).isEqualTo(3);
        Node label = pr.get("labels").asList().items().get(0);
        assertThat(label.line()).isEqualTo(4);
        assertThat(label.asMap().get("name").asString()).isEqualTo("bug");
        assertThat(pr.get("draft").asBoolean()).isFalse();
    }

    @Test
    void numbers_and_booleans_are_read_by_their_text() {
        MapNode root = read("{\"n\": 1.50, \"t\": true, \"s\": \"12\"}").asMap();

        assertThat(((ScalarNode) root.get("n")).text()).isEqualTo("1.50");
        assertThat(((ScalarNode) root.get("t")).text()).isEqualTo("true");
        assertThat(root.get("s").asInt(0, 99)).isEqualTo(12);
    }

    @Test
    void null_is_no_value_placed_at_its_key() {
        MapNode root = read("{\n  \"merged_at\":\n    null\n}").asMap();

        assertThat(root.get("merged_at")).isInstanceOf(NullNode.class);
        assertThat(root.get("merged_at").line()).isEqualTo(2);
        assertThat(read("null")).isInstanceOf(NullNode.class);
    }

    @Test
    void an_empty_document_has_no_value_on_line_one() {
        Node root = read("  \n");

        assertThat(root).isInstanceOf(NullNode.class);
        assertThat(root.line()).isEqualTo(1);
    }

    @Test
    void a_top_level_array_is_a_list_of_items_named_by_index() {
        ListNode root = read("[{\"number\": 1},\n {\"number\": 2}]").asList();

        assertThat(root.items()).extracting(Node::path).containsExactly("[0]", "[1]");
        assertThat(root.items()).extracting(Node::line).containsExactly(1, 2);
    }

    @Test
    void a_duplicate_key_is_refused_naming_both_lines() {
        assertRefused("{\n  \"number\": 12,\n  \"title\": \"x\",\n  \"number\": 13\n}",
                ".gov/prs/12.json:4: duplicate key 'number' under root (first on line 2): keep one");
    }

    @Test
    void a_duplicate_key_in_a_nested_object_is_refused_under_it() {
        assertRefused("{\"user\": {\"login\": \"a\",\n \"login\": \"b\"}}",
                ".gov/prs/12.json:2: duplicate key 'login' under user (first on line 1): keep one");
    }

    @Test
    void content_after_the_value_is_refused() {
        assertRefused("{\"number\": 1}\n{\"number\": 2}\n",
                ".gov/prs/12.json:2: unexpected content after the JSON value: keep one value per file (an array"
                        + " holds many)");
    }

    @Test
    void a_syntax_error_names_its_line() {
        assertRefused("{\n  \"number\": 12,\n  \"title\": \"x\"\n  \"body\": \"y\"\n}",
                ".gov/prs/12.json:4: invalid JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate"
                        + " Object entries; fix the syntax (commas, quotes, brackets)");
    }

    @Test
    void comments_and_non_numbers_are_not_json() {
        assertRefused("{\"n\": NaN}", ".gov/prs/12.json:1: invalid JSON: Non-standard token 'NaN': enable"
                + " `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow; fix the syntax (commas, quotes, brackets)");
    }

    @Test
    void a_truncated_document_is_refused_at_its_end() {
        assertRefused("{\"a\": [1,\n2", ".gov/prs/12.json:2: invalid JSON: Unexpected end-of-input: expected close marker"
                + " for Array (start marker at line 1, column 7); fix the syntax (commas, quotes,"
                + " brackets)");
    }

    @Test
    void a_number_longer_than_a_thousand_digits_is_refused() {
        assertRefused("{\n\"n\": " + "1".repeat(1001) + "}",
                ".gov/prs/12.json:2: a value too long for Governor: Number value length (1001) exceeds the maximum"
                        + " allowed (1000); check that this is the right file");
    }

    @Test
    void a_string_longer_than_the_file_may_be_is_refused_even_when_the_text_skipped_the_measuring() {
        JsonReader reader = new JsonReader(FILE, new Limits(100, 0, 5));

        assertThatThrownBy(() -> reader.read(new StringReader("[\n\"" + "x".repeat(200) + "\"]")))
                .hasMessage(".gov/prs/12.json:2: a value too long for Governor: String value length (200) exceeds the"
                        + " maximum allowed (100); check that this is the right file");
    }

    @Test
    void a_document_longer_than_the_file_may_be_is_refused_even_when_the_text_skipped_the_measuring() {
        JsonReader reader = new JsonReader(FILE, new Limits(100, 0, 5));

        assertThatThrownBy(() -> reader.read(new StringReader(" ".repeat(20_000) + "1")))
                .hasMessageStartingWith(".gov/prs/12.json:1: a value too long for Governor: Document length (")
                .hasMessageEndingWith(") exceeds the maximum allowed (100); check that this is the right file");
    }

    @Test
    void nesting_to_the_limit_is_allowed_and_one_more_level_is_refused_at_its_line() {
        assertThat(StructuredInput.parse("[".repeat(20) + "]".repeat(20), Format.JSON, FILE, Limits.POLICY))
                .isInstanceOf(ListNode.class);
        assertThatThrownBy(() -> StructuredInput.parse("{\"a\":\n" + "[".repeat(20) + "]".repeat(20) + "}", Format.JSON,
                FILE, Limits.POLICY))
                .hasMessage(".gov/prs/12.json:2: nested more than 20 levels deep: flatten it, or check the indentation"
                        + " and brackets");
    }

    @Test
    void deep_nesting_of_objects_is_refused_too() {
        assertThatThrownBy(() -> StructuredInput.parse("{\"a\":".repeat(3) + "1" + "}".repeat(3), Format.JSON, FILE,
                new Limits(1000, 0, 2)))
                .hasMessage(".gov/prs/12.json:1: nested more than 2 levels deep: flatten it, or check the indentation"
                        + " and brackets");
    }

    @Test
    void a_bom_before_the_value_is_skipped() {
        assertThat(read("\uFEFF{\"a\": 1}")).isInstanceOf(MapNode.class);
    }
}
