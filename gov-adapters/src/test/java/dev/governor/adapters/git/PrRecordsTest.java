package dev.governor.adapters.git;

import dev.governor.api.GovernanceException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrRecordsTest {

    private static final String FILE = ".gov/prs/12.json";

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
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1), org.assertj.core.groups.Tuple.tuple(2L, 2));
    }

    @Test
    void malformed_json_names_file_and_line() {
        assertThatThrownBy(() -> PrRecords.parse(FILE, "{\n  \"number\": 12,\n  \"title\": \"x\"\n  \"body\": \"y\"\n}"))
                .isInstanceOf(GovernanceException.class)
                .hasMessageStartingWith(".gov/prs/12.json:4: malformed JSON: Unexpected character ('\"' (code 34)): "
                        + "was expecting comma to separate Object entries");
    }

    @Test
    void wrong_type_names_the_field_and_its_line() {
        assertThatThrownBy(() -> PrRecords.parse(FILE, "{\n  \"number\": 12,\n  \"labels\": \"bug\"\n}"))
                .isInstanceOf(GovernanceException.class)
                .hasMessage(".gov/prs/12.json:3: labels must be an array, was a string");
    }

    @Test
    void wrong_type_inside_an_array_names_the_element() {
        assertThatThrownBy(() -> PrRecords.parse(FILE, "[{\"number\": 1},\n{\"number\": 2, \"reviews\": [{\"state\": 3}]}]"))
                .isInstanceOf(GovernanceException.class)
                .hasMessage(".gov/prs/12.json:2: [1].reviews[0].state must be a string, was a number");
    }

    @Test
    void missing_number_is_an_error() {
        assertThatThrownBy(() -> PrRecords.parse(FILE, "{\"title\": \"x\"}"))
                .isInstanceOf(GovernanceException.class)
                .hasMessage(".gov/prs/12.json:1: number is missing: every PR record needs the pull request's number");
    }

    @Test
    void bad_time_is_an_error() {
        assertThatThrownBy(() -> PrRecords.parse(FILE, "{\"number\": 1, \"merged_at\": \"yesterday\"}"))
                .isInstanceOf(GovernanceException.class)
                .hasMessage(".gov/prs/12.json:1: merged_at must be an ISO-8601 time such as 2026-11-02T10:00:00Z, was 'yesterday'");
    }

    @Test
    void a_scalar_is_no_record() {
        assertThatThrownBy(() -> PrRecords.parse(FILE, "42"))
                .isInstanceOf(GovernanceException.class)
                .hasMessage(".gov/prs/12.json:1: a PR record must be a pull request object, was a number");
    }

    @Test
    void an_empty_file_is_an_error() {
        assertThatThrownBy(() -> PrRecords.parse(FILE, "  \n"))
                .isInstanceOf(GovernanceException.class)
                .hasMessage(".gov/prs/12.json:1: empty PR record: write a pull request object (or an array of them), or delete the file");
    }
}
