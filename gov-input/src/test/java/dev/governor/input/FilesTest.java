package dev.governor.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.api.GovernanceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files and bytes: formats by name, size bounds, UTF-8. */
class FilesTest {
    private static final Limits SMALL = new Limits(1000, 20, 20);

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- formats ------------------------------------------------------------------------------------

    @Test
    void the_format_is_told_by_the_file_name() throws IOException {
        assertThat(StructuredInput.read(write("a.yml", "x: 1\n"), "a.yml", SMALL)).isInstanceOf(MapNode.class);
        assertThat(StructuredInput.read(write("a.json", "[1]"), "a.json", SMALL)).isInstanceOf(ListNode.class);
        assertThat(StructuredInput.read(write("a.jsonl", "{}\n{}\n"), "a.jsonl", SMALL).asList().size()).isEqualTo(2);
    }

    @Test
    void a_file_name_of_no_known_format_is_refused_as_input() throws IOException {
        Path file = write("notes.txt", "x: 1\n");

        assertThatThrownBy(() -> StructuredInput.read(file, ".gov/notes.txt", SMALL))
                .isInstanceOf(GovernanceException.class)
                .hasMessage(".gov/notes.txt: cannot tell the format of 'notes.txt': name it .yml, .yaml, .json, .jsonl"
                        + " or .ndjson");
    }

    @Test
    void a_format_given_overrides_the_name() throws IOException {
        Path file = write("gate.result", "{\"gate\": \"lint\"}");

        assertThat(StructuredInput.read(file, "gate.result", Format.JSON, SMALL).asMap().get("gate").asString())
                .isEqualTo("lint");
    }

    @Test
    void the_display_name_is_the_source_of_every_node_and_error() throws IOException {
        Path file = write("governance.yml", "branch: main\nbranch: x\n");

        assertThatThrownBy(() -> StructuredInput.read(file, "repo/governance.yml", SMALL))
                .hasMessage("repo/governance.yml:2: duplicate key 'branch' under root (first on line 1): keep one");
    }

    // ---- missing and unreadable ---------------------------------------------------------------------

    @Test
    void a_missing_file_is_refused() {
        assertThatThrownBy(() -> StructuredInput.read(dir.resolve("governance.yml"), "governance.yml", SMALL))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("governance.yml: no such file: check the path");
    }

    @Test
    void a_directory_is_not_a_readable_file() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("rules.yml"));

        assertThatThrownBy(() -> StructuredInput.read(sub, "rules.yml", Limits.POLICY))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("rules.yml: cannot read the file (IOException): check that it is a readable file");
    }

    // ---- size ---------------------------------------------------------------------------------------

    @Test
    void a_file_over_the_limit_is_refused_before_reading() throws IOException {
        Path file = write("governance.yml", new byte[Limits.POLICY.maxBytes() + 10]);

        assertThatThrownBy(() -> StructuredInput.read(file, "governance.yml", Limits.POLICY))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("governance.yml: the file is larger than 1 MiB (1048586 bytes): check that this is the right file");
    }

    @Test
    void a_file_of_exactly_the_limit_is_read() throws IOException {
        byte[] bytes = new byte[1000];
        Arrays.fill(bytes, (byte) ' ');
        bytes[0] = '1';

        assertThat(StructuredInput.read(write("n.json", bytes), "n.json", SMALL).asInt(0, 9)).isEqualTo(1);
        assertThatThrownBy(() -> StructuredInput.read(write("m.json", Arrays.copyOf(bytes, 1001)), "m.json", SMALL))
                .hasMessage("m.json: the file is larger than 1000 bytes (1001 bytes): check that this is the right file");
    }

    @Test
    void a_file_that_grows_while_it_is_read_is_refused() throws IOException {
        // measured at 10 bytes, it delivers 1001: the reader counts as it reads
        byte[] grown = new byte[1001];
        Arrays.fill(grown, (byte) ' ');

        try (Reader reader = new Utf8Reader(new ByteArrayInputStream(grown), "log.jsonl", SMALL)) {
            assertThatThrownBy(() -> reader.transferTo(new StringWriter()))
                    .isInstanceOf(GovernanceException.class)
                    .hasMessage("log.jsonl: the file is larger than 1000 bytes (more than 1000 bytes): check that this is"
                            + " the right file");
        }
    }

    @Test
    void text_over_the_limit_is_refused_by_its_utf8_size() {
        String text = "é".repeat(501); // 501 characters, 1002 bytes

        assertThatThrownBy(() -> StructuredInput.parse(text, Format.YAML, "x.yml", SMALL))
                .hasMessage("x.yml: the file is larger than 1000 bytes (1002 bytes): check that this is the right file");
        assertThat(StructuredInput.parse("é".repeat(500), Format.YAML, "x.yml", SMALL)).isInstanceOf(ScalarNode.class);
    }

    @Test
    void the_utf8_size_of_text_counts_every_width() {
        assertThat(StructuredInput.utf8Length("a")).isEqualTo(1);
        assertThat(StructuredInput.utf8Length("\u007F\u0080")).isEqualTo(3);
        assertThat(StructuredInput.utf8Length("\u07FF\u0800")).isEqualTo(5);
        assertThat(StructuredInput.utf8Length("\uD83D\uDE00")).isEqualTo(4);
        assertThat(StructuredInput.utf8Length("€")).isEqualTo("€".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void bytes_of_exactly_the_limit_are_read() {
        byte[] bytes = new byte[1000];
        Arrays.fill(bytes, (byte) '\n');

        assertThat(StructuredInput.parse(bytes, Format.JSON_LINES, "x.jsonl", SMALL).asList().size()).isZero();
    }

    @Test
    void closing_the_reader_closes_the_file() throws IOException {
        boolean[] closed = {false};
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        new Utf8Reader(in, "x", SMALL).close();

        assertThat(closed[0]).isTrue();
    }

    @Test
    void bytes_over_the_limit_are_refused() {
        assertThatThrownBy(() -> StructuredInput.parse(new byte[1001], Format.JSON, "x.json", SMALL))
                .hasMessage("x.json: the file is larger than 1000 bytes (1001 bytes): check that this is the right file");
    }

    // ---- UTF-8 --------------------------------------------------------------------------------------

    @Test
    void a_file_that_is_not_utf8_is_refused_naming_the_line() throws IOException {
        Path file = write("governance.yml", new byte[] {'b', ':', ' ', 'm', '\n', 'x', ':', ' ', (byte) 0xC3, '\n'});

        assertThatThrownBy(() -> StructuredInput.read(file, "governance.yml", SMALL))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("governance.yml:2: the file is not valid UTF-8: save it as UTF-8");
    }

    @Test
    void bytes_that_are_not_utf8_are_refused_naming_the_line() {
        byte[] latin1 = "a: 1\nb: 2\nc: caf\u00E9\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> StructuredInput.parse(latin1, Format.YAML, "x.yml", SMALL))
                .hasMessage("x.yml:3: the file is not valid UTF-8: save it as UTF-8");
    }

    @Test
    void a_bad_byte_far_into_a_file_is_placed_at_its_line() {
        byte[] text = "[\n".concat("1,\n".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(text, text.length + 1);
        bytes[text.length] = (byte) 0xFF;

        assertThatThrownBy(() -> StructuredInput.parse(bytes, Format.JSON, "x.json", Limits.POLICY))
                .hasMessage("x.json:10002: the file is not valid UTF-8: save it as UTF-8");
    }

    @Test
    void a_character_cut_off_at_the_end_is_refused() {
        byte[] bytes = {'"', 'a', '"', '\n', (byte) 0xE2, (byte) 0x82};

        assertThatThrownBy(() -> StructuredInput.parse(bytes, Format.JSON, "x.json", SMALL))
                .hasMessage("x.json:2: the file is not valid UTF-8: save it as UTF-8");
    }

    @Test
    void characters_across_the_reader_buffer_are_decoded_whole() {
        String text = "\"" + "a".repeat(8190) + "€€€\"";

        assertThat(StructuredInput.parse(text.getBytes(StandardCharsets.UTF_8), Format.JSON, "x.json", Limits.POLICY)
                .asString()).isEqualTo(text.substring(1, text.length() - 1));
    }

    @Test
    void a_utf8_bom_is_skipped_in_files_and_bytes() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};

        assertThat(StructuredInput.parse(bom, Format.JSON, "x.json", SMALL)).isInstanceOf(MapNode.class);
        assertThat(StructuredInput.read(write("x.json", bom), "x.json", SMALL)).isInstanceOf(MapNode.class);
    }

    @Test
    void only_a_leading_bom_is_skipped() {
        byte[] late = {'[', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ']'};

        assertThatThrownBy(() -> StructuredInput.parse(late, Format.JSON, "x.json", SMALL))
                .hasMessage("x.json:1: invalid JSON: Unexpected character ('\uFEFF' (code 65279 / 0xfeff)): expected a"
                        + " valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false'); fix the"
                        + " syntax (commas, quotes, brackets)");
    }

    @Test
    void empty_bytes_are_no_value() {
        assertThat(StructuredInput.parse(new byte[0], Format.YAML, "x.yml", SMALL)).isInstanceOf(NullNode.class);
    }
}
