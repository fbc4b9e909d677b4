package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gov adr} on a plain-git repository holding ADRs in the three forms, one superseding another. */
class AdrCommandTest {

    @TempDir
    static Path dir;

    private static Path repo;

    @BeforeAll
    static void a_team_records_decisions() {
        PlainRepo git = PlainRepo.init(dir.resolve("shop"));
        repo = git.dir;
        git.write("docs/adr/0001-record-decisions.md", """
                # 1. Record decisions

                Date: 2026-01-05

                ## Status

                Accepted

                ## Context

                Decisions get lost between sessions.

                ## Decision

                We keep ADRs.
                """);
        git.write("docs/adr/0002-use-postgres.md", """
                # 2. Use Postgres

                ## Status

                Superseded by [3. Use a managed database](0003-use-a-managed-database.md)

                ## Decision

                Postgres.
                """);
        git.write("docs/adr/0003-use-a-managed-database.md", """
                ---
                status: accepted
                date: 2026-03-01
                supersedes: [2]
                boundary:
                  removed: ["ops/postgres/**"]
                  moved-to: "github.com/acme/platform"
                ---
                # Use a managed database

                ## Context and Problem Statement

                Running our own database costs a day a week.

                ## Decision Outcome

                Chosen option: the platform's managed database.
                """);
        git.write("docs/adr/README.md", "# Decisions\n");
        git.commit("Record decisions (#1)\n\nChange-Type: feature\nRisk: low\n", Instant.parse("2026-11-02T10:00:00Z"));
    }

    @Test
    void json_lists_every_adr_in_path_order_with_status_supersession_and_boundary() {
        Gov.Result r = Gov.atNow().run("adr", "--repo", repo.toString(), "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                {
                  "adrs" : [
                    {
                      "path" : "docs/adr/0001-record-decisions.md",
                      "number" : 1,
                      "title" : "Record decisions",
                      "status" : "accepted",
                      "date" : "2026-01-05",
                      "supersedes" : [ ],
                      "supersededBy" : [ ],
                      "boundary" : null,
                      "problems" : [ ]
                    },
                    {
                      "path" : "docs/adr/0002-use-postgres.md",
                      "number" : 2,
                      "title" : "Use Postgres",
                      "status" : "superseded",
                      "date" : null,
                      "supersedes" : [ ],
                      "supersededBy" : [
                        3
                      ],
                      "boundary" : null,
                      "problems" : [
                        "no reason"
                      ]
                    },
                    {
                      "path" : "docs/adr/0003-use-a-managed-database.md",
                      "number" : 3,
                      "title" : "Use a managed database",
                      "status" : "accepted",
                      "date" : "2026-03-01",
                      "supersedes" : [
                        2
                      ],
                      "supersededBy" : [ ],
                      "boundary" : {
                        "removed" : [
                          "ops/postgres/**"
                        ],
                        "moved-to" : "github.com/acme/platform"
                      },
                      "problems" : [ ]
                    }
                  ]
                }
                """);
    }

    @Test
    void text_shows_the_supersession_chain_boundaries_and_problems() {
        Gov.Result r = Gov.atNow().run("adr", "--repo", repo.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                0001  accepted    Record decisions  docs/adr/0001-record-decisions.md
                0002  superseded  Use Postgres  docs/adr/0002-use-postgres.md
                      superseded by 3
                      problems: no reason
                0003  accepted    Use a managed database  docs/adr/0003-use-a-managed-database.md
                      supersedes 2
                      boundary: removed ops/postgres/**, moved to github.com/acme/platform
                3 ADRs · 2 accepted · 1 superseded
                """);
    }
}
