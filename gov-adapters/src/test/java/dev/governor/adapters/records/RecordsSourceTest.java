package dev.governor.adapters.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.api.Deployment;
import dev.governor.api.FactContext;
import dev.governor.api.Facts;
import dev.governor.api.GovernanceException;
import dev.governor.api.Incident;
import dev.governor.api.Policy;
import dev.governor.api.Review;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsSourceTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path repo;

    private void write(String name, String text) throws IOException {
        Files.createDirectories(repo.resolve(".gov"));
        Files.writeString(repo.resolve(".gov").resolve(name), text);
    }

    private Facts read() {
        return new RecordsSource().read(new FactContext(repo, null, null, NOW, Policy.defaults()));
    }

    private void assertError(String message) {
        assertThatThrownBy(this::read).isInstanceOf(GovernanceException.class).hasMessage(message);
    }

    @Test
    void deployments_incidents_and_reviews_become_facts() throws IOException {
        write("deployments.yml", """
                - { id: d1, sha: 3f2a9c1d0b7e, env: prod, at: 2026-11-06T16:30:00Z, status: success }
                - { id: d2, sha: 4b1c, env: prod, at: "2026-11-07T10:00:00+01:00", status: rolled-back }
                """);
        write("incidents.json", """
                [{"id": "i1", "env": "prod", "opened": "2026-11-07T10:00:00Z", "resolved": "2026-11-07T13:30:00Z", "cause": "d2"},
                 {"id": "i2", "env": "prod", "opened": "2026-11-08T10:00:00Z", "resolved": null}]
                """);
        write("reviews.jsonl", """
                {"change": "#42", "team": "payments", "requested": "2026-11-05T09:00:00Z", "reviewed": "2026-11-05T15:00:00Z"}

                {"change": "#43", "team": "platform", "requested": "2026-11-05T09:00:00Z"}
                """);

        Facts facts = read();

        assertThat(facts.of(Deployment.class)).containsExactly(
                new Deployment("d1", "3f2a9c1d0b7e", "prod", Instant.parse("2026-11-06T16:30:00Z"), Deployment.Status.SUCCESS),
                new Deployment("d2", "4b1c", "prod", Instant.parse("2026-11-07T09:00:00Z"), Deployment.Status.ROLLED_BACK));
        assertThat(facts.of(Incident.class)).containsExactly(
                new Incident("i1", "prod", Instant.parse("2026-11-07T10:00:00Z"), Instant.parse("2026-11-07T13:30:00Z"), "d2"),
                new Incident("i2", "prod", Instant.parse("2026-11-08T10:00:00Z"), null, null));
        assertThat(facts.of(Review.class)).containsExactly(
                new Review("#42", null, null, "payments", Instant.parse("2026-11-05T09:00:00Z"), Instant.parse("2026-11-05T15:00:00Z")),
                new Review("#43", null, null, "platform", Instant.parse("2026-11-05T09:00:00Z"), null));
    }

    @Test
    void a_repository_without_records_or_no_repository_gives_no_facts() {
        assertThat(read().facts()).isEmpty();
        assertThat(new RecordsSource().read(new FactContext(null, null, null, NOW, Policy.defaults())).facts()).isEmpty();
    }

    @Test
    void a_bad_status_names_file_line_field_and_the_choices() throws IOException {
        write("deployments.yml", """
                - { id: d1, sha: abc, env: prod, at: 2026-11-06T16:30:00Z, status: success }
                - { id: d2, sha: abc, env: prod, at: 2026-11-06T16:30:00Z, status: ok }
                """);

        assertError(".gov/deployments.yml:2: bad status 'ok' for [1].status: use success, failed or rolled-back");
    }

    @Test
    void a_missing_field_is_named() throws IOException {
        write("deployments.yml", "- { id: d1, env: prod, at: 2026-11-06T16:30:00Z, status: success }\n");

        assertError(".gov/deployments.yml:1: [0].sha is missing: add it");
    }

    @Test
    void a_misspelt_field_is_refused_with_a_suggestion_rather_than_ignored() throws IOException {
        write("incidents.yml", "- id: i1\n  opened: 2026-11-06T16:30:00Z\n  resovled: 2026-11-06T18:00:00Z\n");

        assertError(".gov/incidents.yml:3: unknown key 'resovled' under [0] (did you mean 'resolved'?)");
    }

    @Test
    void a_bad_time_names_its_line() throws IOException {
        write("incidents.yml", "- id: i1\n  opened: yesterday\n");

        assertThatThrownBy(this::read).isInstanceOf(GovernanceException.class)
                .hasMessageStartingWith(".gov/incidents.yml:2: bad time 'yesterday' for [0].opened");
    }

    @Test
    void an_incident_resolved_before_it_opened_is_refused() throws IOException {
        write("incidents.yml", "- { id: i1, opened: 2026-11-06T16:30:00Z, resolved: 2026-11-06T10:00:00Z }\n");

        assertError(".gov/incidents.yml:1: incident 'i1' is resolved before it was opened: fix 'resolved' or 'opened'");
    }

    @Test
    void a_review_before_its_request_is_refused() throws IOException {
        write("reviews.yml", "- { change: '#1', team: ops, requested: 2026-11-06T16:30:00Z, reviewed: 2026-11-06T10:00:00Z }\n");

        assertError(".gov/reviews.yml:1: the review of #1 by team ops is before it was requested: fix 'reviewed' or"
                + " 'requested'");
    }

    @Test
    void a_repeated_id_is_refused_with_both_lines() throws IOException {
        write("deployments.jsonl", """
                {"id": "d1", "sha": "a1", "env": "prod", "at": "2026-11-06T16:30:00Z", "status": "success"}
                {"id": "d1", "sha": "a2", "env": "prod", "at": "2026-11-07T16:30:00Z", "status": "failed"}
                """);

        assertError(".gov/deployments.jsonl:2: id 'd1' is also used on line 1: give each record an id of its own");
    }

    @Test
    void two_files_of_one_kind_are_refused() throws IOException {
        write("deployments.yml", "[]\n");
        write("deployments.json", "[]\n");

        assertError(".gov/deployments.json: both .gov/deployments.yml and this file hold deployments: keep one, so"
                + " that no record is read twice or missed");
    }
}
