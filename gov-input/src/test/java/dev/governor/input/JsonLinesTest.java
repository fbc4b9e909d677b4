package dev.governor.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.api.GovernanceException;
import org.junit.jupiter.api.Test;

/** JSON Lines: one value per physical line, each line's errors at that line. */
class JsonLinesTest {
    private static final String FILE = ".gov/deployments.jsonl";

    private static ListNode read(String text) {
        return StructuredInput.parse(text, Format.JSON_LINES, FILE, Limits.RECORDS).asList();
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> read(text)).isInstanceOf(GovernanceException.class).hasMessage(message);
    }

    @Test
    void each_line_is_an_item_at_its_line_and_blank_lines_are_skipped() {
        ListNode log = read("{\"id\": \"d1\"}\n\n   \t\n{\"id\": \"d2\",\n\"x\": 1}".replace(",\n\"x\": 1", ", \"x\": 1"));

        assertThat(log.items()).extracting(Node::path).containsExactly("[0]", "[1]");
        assertThat(log.items()).extracting(Node::line).containsExactly(1, 4);
        assertThat(log.items().get(1).asMap().get("id").asString()).isEqualTo("d2");
        assertThat(log.items().get(1).asMap().get("x").line()).isEqualTo(4);
        assertThat(log.line()).isEqualTo(1);
        assertThat(log.path()).isEmpty();
    }

    @Test
    void windows_line_endings_and_a_last_line_without_a_break_are_read() {
        ListNode log = read("{\"id\": 1}\r\n{\"id\": 2}\r\n{\"id\": 3}");

        assertThat(log.items()).extracting(item -> item.asMap().get("id").asString()).containsExactly("1", "2", "3");
        assertThat(log.items()).extracting(Node::line).containsExactly(1, 2, 3);
    }

    @Test
    void any_json_value_may_be_a_line() {
        ListNode log = read("[1, 2]\n\"text\"\nnull\n");

        assertThat(log.items().get(0)).isInstanceOf(ListNode.class);
        assertThat(log.items().get(1).asString()).isEqualTo("text");
        assertThat(log.items().get(2)).isInstanceOf(NullNode.class);
    }

    @Test
    void an_empty_file_is_an_empty_list() {
        assertThat(read("").items()).isEmpty();
        assertThat(read("\n\n").items()).isEmpty();
    }

    @Test
    void an_error_is_placed_at_its_own_line_not_the_next() {
        assertRefused("{\"id\": 1}\n{\"id\": \n{\"id\": 3}\n",
                ".gov/deployments.jsonl:2: invalid JSON: Unexpected end-of-input within/between Object entries; fix the"
                        + " syntax (commas, quotes, brackets)");
    }

    @Test
    void places_named_inside_a_message_are_lines_of_the_file() {
        assertRefused("1\n2\n[3, {\"a\": 4}\n",
                ".gov/deployments.jsonl:3: invalid JSON: Unexpected end-of-input: expected close marker for Array (start"
                        + " marker at line 3, column 1); fix the syntax (commas, quotes, brackets)");
    }

    @Test
    void two_values_on_one_line_are_refused() {
        assertRefused("{\"id\": 1}\n\n{\"id\": 2} {\"id\": 3}\n",
                ".gov/deployments.jsonl:3: more than one JSON value on this line: JSON Lines takes one value per line");
    }

    @Test
    void a_duplicate_key_is_refused_at_its_line() {
        assertRefused("{}\n{\"id\": 1, \"id\": 2}\n",
                ".gov/deployments.jsonl:2: duplicate key 'id' under [1] (first on line 2): keep one");
    }

    @Test
    void a_line_of_other_spaces_is_not_blank() {
        assertRefused("{}\n\u00A0\n", ".gov/deployments.jsonl:2: invalid JSON: Unexpected character ('\u00A0' (code 160)):"
                + " expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false'); fix"
                + " the syntax (commas, quotes, brackets)");
    }

    @Test
    void nesting_is_bounded_on_each_line() {
        assertThatThrownBy(() -> StructuredInput.parse("1\n[[[1]]]\n", Format.JSON_LINES, FILE, new Limits(100, 0, 2)))
                .hasMessage(".gov/deployments.jsonl:2: nested more than 2 levels deep: flatten it, or check the"
                        + " indentation and brackets");
    }
}
