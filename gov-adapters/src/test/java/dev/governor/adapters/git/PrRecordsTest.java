package dev.governor.adapters.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.governor.api.GovernanceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrRecordsTest {

    private static final String FILE = ".gov/prs/12.json";

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> PrRecords.parse(FILE, json)).isInstanceOf(GovernanceException.class).hasMessage(message);
    }

    @Test
    void reads_the_fields_of_a_github_pull_request() {
        PrRecord pr = PrRecords.parse(FILE, """
                {"number": 12, "title": "Fix ledger", "body": "## Intent\\nround", "user": {"login": "ann"},
                 "labels": [{"name": "tactical-fix"}, {"name": "risk:high"}],
                 "merged_at": "2026-11-02T10:00:00Z", "merge_commit_sha": "ABC123",
                 "requested_teams": [{"slug": "payments"}],
                 "reviews": [{"user": {"login": "bob"}, "state": "APPROVED", "submitted_at": "2026-11-02T09:00:00Z",
                              "team": "payments", "requested_at": "2026-11-01T09:00:00Z"}]}
                """).get(0);

        assertThat(pr).isEqualTo(new PrRecord(FILE, 1, 12, "Fix ledger", "## Intent\nround", "ann",
                List.of("tactical-fix", "risk:high"), Instant.parse("2026-11-02T10:00:00Z"), "abc123", List.of("payments"),
                List.of(new PrRecord.PrReview("bob", "APPROVED", Instant.parse("2026-11-02T09:00:00Z"), "payments",
                        Instant.parse("2026-11-01T09:00:00Z")))));
    }

    @Test
    void a_file_may_hold_an_array_of_records() {
        assertThat(PrRecords.parse(FILE, "[{\"number\": 1},\n {\"number\": 2}]")).extracting(PrRecord::number, PrRecord::line)
                .containsExactly(tuple(1L, 1), tuple(2L, 2));
    }

    @Test
    void nulls_and_absent_fields_are_alike_and_unread_fields_are_ignored() {
        PrRecord pr = PrRecords.parse(FILE, "{\"number\": 3, \"title\": null, \"user\": null, \"labels\": null,"
                + " \"merged_at\": null, \"merge_commit_sha\": null, \"draft\": false, \"head\": {\"ref\": \"x\"}}").get(0);

        assertThat(pr).isEqualTo(new PrRecord(FILE, 1, 3, null, null, null, List.of(), null, null, List.of(), List.of()));
    }

    @Test
    void a_blank_text_stays_as_written_and_a_label_without_a_name_is_skipped() {
        PrRecord pr = PrRecords.parse(FILE, "{\"number\": 3, \"title\": \" \", \"body\": \"\", \"labels\": [{\"name\": null},"
                + " {}, {\"name\": \"bug\"}], \"user\": {}}").get(0);

        assertThat(pr.title()).isEqualTo(" ");
        assertThat(pr.body()).isEmpty();
        assertThat(pr.labels()).containsExactly("bug");
        assertThat(pr.login()).isNull();
    }

    @Test
    void a_review_without_times_or_team_reads_as_nulls() {
        PrRecord pr = PrRecords.parse(FILE, "{\"number\": 3, \"reviews\": [{\"state\": \"COMMENTED\"}]}").get(0);

        assertThat(pr.reviews()).containsExactly(new PrRecord.PrReview(null, "COMMENTED", null, null, null));
    }

    @Test
    void malformed_json_names_file_and_line() {
        assertRefused("{\n  \"number\": 12,\n  \"title\": \"x\"\n  \"body\": \"y\"\n}",
                ".gov/prs/12.json:4: invalid JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate"
                        + " Object entries; fix the syntax (commas, quotes, brackets)");
    }

    @Test
    void wrong_type_names_the_field_and_its_line() {
        assertRefused("{\n  \"number\": 12,\n  \"labels\": \"bug\"\n}",
                ".gov/prs/12.json:3: labels must be a list like [a, b], found 'bug'");
    }

    @Test
    void wrong_type_inside_an_array_names_the_element() {
        assertRefused("[{\"number\": 1},\n{\"number\": 2, \"reviews\": [{\"state\": [3]}]}]",
                ".gov/prs/12.json:2: [1].reviews[0].state must be a single value (a string), found a list");
    }

    @Test
    void a_label_or_a_user_that_is_not_an_object_is_an_error() {
        assertRefused("{\"number\": 1, \"labels\": [\"bug\"]}",
                ".gov/prs/12.json:1: labels[0] must be a map of keys, found 'bug'");
        assertRefused("{\"number\": 1,\n \"user\": \"ann\"}", ".gov/prs/12.json:2: user must be a map of keys, found 'ann'");
    }

    @Test
    void missing_number_is_an_error() {
        assertRefused("{\"title\": \"x\"}",
                ".gov/prs/12.json:1: number is missing: every PR record needs the pull request's number");
        assertRefused("[{\"number\": 1},\n {\"number\": null}]",
                ".gov/prs/12.json:2: [1].number is missing: every PR record needs the pull request's number");
    }

    @Test
    void a_number_must_be_a_whole_number_of_at_least_one() {
        assertRefused("{\"number\": 0}", ".gov/prs/12.json:1: bad number '0' for number: use a whole number of at least 1");
        assertThat(PrRecords.parse(FILE, "{\"number\": \"7\"}").get(0).number()).isEqualTo(7);
    }

    @Test
    void a_team_without_a_slug_is_an_error() {
        assertRefused("{\"number\": 1,\n \"requested_teams\": [{\"slug\": \"a\"},\n {\"name\": \"Payments\"}]}",
                ".gov/prs/12.json:3: requested_teams[1].slug is missing: name the team by its slug");
    }

    @Test
    void bad_time_is_an_error() {
        assertRefused("{\"number\": 1, \"merged_at\": \"yesterday\"}",
                ".gov/prs/12.json:1: bad time 'yesterday' for merged_at: use ISO-8601 like 2026-11-02T10:00:00Z,"
                        + " 2026-11-02T11:00:00+01:00 or 2026-11-02");
    }

    @Test
    void a_time_with_an_offset_is_read_in_utc() {
        assertThat(PrRecords.parse(FILE, "{\"number\": 1, \"merged_at\": \"2026-11-02T11:00:00+01:00\"}").get(0).mergedAt())
                .isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
    }

    @Test
    void a_scalar_is_no_record() {
        assertRefused("42", ".gov/prs/12.json:1: a PR record must be a pull request object, found '42'");
        assertRefused("[{\"number\": 1},\n\"x\"]", ".gov/prs/12.json:2: PR record [1] must be a pull request object, found 'x'");
    }

    @Test
    void an_empty_file_is_an_error() {
        assertRefused("  \n", ".gov/prs/12.json:1: empty PR record: write a pull request object (or an array of them), or"
                + " delete the file");
    }

    @Test
    void a_second_value_in_a_file_is_an_error() {
        assertRefused("{\"number\": 1}\n{\"number\": 2}", ".gov/prs/12.json:2: unexpected content after the JSON value:"
                + " keep one value per file (an array holds many)");
    }

    @Test
    void a_duplicate_field_is_an_error_naming_both_lines() {
        assertRefused("{\"number\": 1,\n\"number\": 2}",
                ".gov/prs/12.json:2: duplicate key 'number' under root (first on line 1): keep one");
    }

    // ---- files --------------------------------------------------------------------------------------

    @Test
    void without_a_records_directory_there_are_no_records(@TempDir Path repo) {
        assertThat(PrRecords.read(repo)).isEmpty();
    }

    @Test
    void the_json_files_of_the_directory_are_read_in_name_order(@TempDir Path repo) throws IOException {
        Path dir = Files.createDirectories(repo.resolve(".gov/prs"));
        Files.writeString(dir.resolve("b.json"), "{\"number\": 2}");
        Files.writeString(dir.resolve("a.json"), "[{\"number\": 1},\n{\"number\": 3}]");
        Files.writeString(dir.resolve("notes.md"), "not a record");
        Files.createDirectory(dir.resolve("old.json"));

        assertThat(PrRecords.read(repo)).extracting(PrRecord::file, PrRecord::line, PrRecord::number).containsExactly(
                tuple(".gov/prs/a.json", 1, 1L), tuple(".gov/prs/a.json", 2, 3L), tuple(".gov/prs/b.json", 1, 2L));
    }

    @Test
    void a_pull_request_recorded_twice_is_an_error_naming_both(@TempDir Path repo) throws IOException {
        Path dir = Files.createDirectories(repo.resolve(".gov/prs"));
        Files.writeString(dir.resolve("a.json"), "{\"number\": 5}");
        Files.writeString(dir.resolve("b.json"), "[\n{\"number\": 5}]");

        assertThatThrownBy(() -> PrRecords.read(repo))
                .isInstanceOf(GovernanceException.class)
                .hasMessage(".gov/prs/b.json:2: PR #5 is also recorded at .gov/prs/a.json:1: keep one record per pull request");
    }

    @Test
    void a_file_that_is_not_utf8_is_an_error_naming_its_line(@TempDir Path repo) throws IOException {
        Path dir = Files.createDirectories(repo.resolve(".gov/prs"));
        Files.write(dir.resolve("5.json"), new byte[] {'{', '\n', '"', (byte) 0xE9, '"', '}'});

        assertThatThrownBy(() -> PrRecords.read(repo))
                .hasMessage(".gov/prs/5.json:2: the file is not valid UTF-8: save it as UTF-8");
    }
}
