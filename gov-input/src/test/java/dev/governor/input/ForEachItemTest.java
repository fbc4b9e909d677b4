package dev.governor.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.api.GovernanceException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records handed out one at a time: JSON arrays and JSON Lines streamed, YAML walked. */
class ForEachItemTest {
    @TempDir
    Path dir;

    private List<Node> items(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        List<Node> items = new ArrayList<>();
        StructuredInput.forEachItem(file, ".gov/" + name, Limits.RECORDS, items::add);
        return items;
    }

    private void assertRefused(String name, String text, String message) {
        assertThatThrownBy(() -> items(name, text)).isInstanceOf(GovernanceException.class).hasMessage(message);
    }

    @Test
    void the_items_of_a_json_array_come_with_their_index_and_line() throws IOException {
        List<Node> items = items("deployments.json", "[\n  {\"id\": \"d1\"},\n  {\"id\": \"d2\"}\n]\n");

        assertThat(items).extracting(Node::path).containsExactly("[0]", "[1]");
        assertThat(items).extracting(Node::line).containsExactly(2, 3);
        assertThat(items.get(1).asMap().get("id").path()).isEqualTo("[1].id");
    }

    @Test
    void an_item_that_is_a_list_stays_one_item() throws IOException {
        List<Node> items = items("x.json", "[[1, 2], 3]");

        assertThat(items).hasSize(2);
        assertThat(items.get(0)).isInstanceOf(ListNode.class);
        assertThat(items.get(1).asString()).isEqualTo("3");
    }

    @Test
    void a_single_json_object_is_one_item() throws IOException {
        List<Node> items = items("gate.json", "{\"gate\": \"lint\"}");

        assertThat(items).hasSize(1);
        assertThat(items.get(0).path()).isEmpty();
    }

    @Test
    void an_empty_or_null_document_has_no_items() throws IOException {
        assertThat(items("a.json", "")).isEmpty();
        assertThat(items("b.json", "null")).isEmpty();
        assertThat(items("c.yml", "# nothing yet\n")).isEmpty();
        assertThat(items("d.jsonl", "\n")).isEmpty();
    }

    @Test
    void a_single_value_at_the_top_is_refused() {
        assertRefused("x.json", "\n42", ".gov/x.json:2: the top level must be a list of items, or a single map, found '42'");
        assertRefused("x.yml", "deploy", ".gov/x.yml:1: the top level must be a list of items, or a single map, found 'deploy'");
    }

    @Test
    void content_after_a_streamed_array_is_refused_after_its_items() {
        List<Node> seen = new ArrayList<>();

        assertThatThrownBy(() -> {
            Path file = dir.resolve("d.json");
            Files.writeString(file, "[{\"id\": 1}]\n[]");
            StructuredInput.forEachItem(file, "d.json", Limits.RECORDS, seen::add);
        }).hasMessage("d.json:2: unexpected content after the JSON value: keep one value per file (an array holds"
                + " many)");
        assertThat(seen).hasSize(1);
    }

    @Test
    void a_syntax_error_in_a_streamed_array_names_its_line() {
        assertRefused("d.json", "[\n{\"id\": 1},\n{\"id\": 2,}\n]",
                ".gov/d.json:3: invalid JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start"
                        + " field name; fix the syntax (commas, quotes, brackets)");
    }

    @Test
    void items_of_a_streamed_array_are_bounded_in_depth_from_the_top() throws IOException {
        Path file = dir.resolve("d.json");
        Files.writeString(file, "[[[1]]]");

        assertThatThrownBy(() -> StructuredInput.forEachItem(file, "d.json", new Limits(100, 0, 2), item -> { }))
                .hasMessage("d.json:1: nested more than 2 levels deep: flatten it, or check the indentation and brackets");
    }

    @Test
    void the_items_of_a_yaml_list_are_walked() throws IOException {
        List<Node> items = items("incidents.yml", "- id: i1\n  env: prod\n- id: i2\n  env: prod\n");

        assertThat(items).extracting(Node::path).containsExactly("[0]", "[1]");
        assertThat(items).extracting(Node::line).containsExactly(1, 3);
    }

    @Test
    void a_single_yaml_map_is_one_item() throws IOException {
        assertThat(items("gate.yml", "gate: lint\nstatus: pass\n")).hasSize(1);
    }

    @Test
    void json_lines_are_handed_out_line_by_line() throws IOException {
        List<Node> items = items("deployments.ndjson", "{\"id\": 1}\n\n{\"id\": 2}\n");

        assertThat(items).extracting(Node::line).containsExactly(1, 3);
        assertThat(items).extracting(Node::path).containsExactly("[0]", "[1]");
    }

    @Test
    void an_unknown_extension_is_refused() {
        assertThatThrownBy(() -> StructuredInput.forEachItem(dir.resolve("d.csv"), "d.csv", Limits.RECORDS, i -> { }))
                .hasMessage("d.csv: cannot tell the format of 'd.csv': name it .yml, .yaml, .json, .jsonl or .ndjson");
    }

    @Test
    void a_missing_file_is_refused() {
        assertThatThrownBy(() -> StructuredInput.forEachItem(dir.resolve("d.jsonl"), "d.jsonl", Limits.RECORDS, i -> { }))
                .hasMessage("d.jsonl: no such file: check the path");
    }

    @Test
    void a_directory_is_refused_as_unreadable() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("d.jsonl"));

        assertThatThrownBy(() -> StructuredInput.forEachItem(sub, "d.jsonl", Limits.RECORDS, i -> { }))
                .hasMessage("d.jsonl: cannot read the file (IOException): check that it is a readable file");
    }

    @Test
    @Tag("slow") // seconds per run: left out of mutation testing, which runs the tests once per mutant
    void two_hundred_thousand_json_lines_stream_through_one_at_a_time() throws IOException {
        Path file = dir.resolve("deployments.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 200_000; i++) {
                out.write("{\"id\": \"d" + i + "\", \"sha\": \"abc\", \"env\": \"prod\", \"at\": \"2026-11-02T10:00:00Z\","
                        + " \"status\": \"success\"}\n");
            }
        }
        long[] count = {0};
        Node[] last = {null};

        StructuredInput.forEachItem(file, "deployments.jsonl", Limits.RECORDS, item -> {
            count[0]++;
            last[0] = item;
        });

        assertThat(count[0]).isEqualTo(200_000);
        assertThat(last[0].line()).isEqualTo(200_000);
        assertThat(last[0].path()).isEqualTo("[199999]");
        assertThat(last[0].asMap().get("id").asString()).isEqualTo("d199999");
    }
}
