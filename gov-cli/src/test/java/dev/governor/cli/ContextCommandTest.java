package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gov context} on a plain-git repository where the orders service's ledger got three tactical fixes in
 * a week (locked), an ADR gives the ledger to the orders service, another moved billing out of the repository,
 * the orders service provides a registered contract that checkout consumes, and a feature on the ledger was
 * reverted.
 */
class ContextCommandTest {

    @TempDir
    static Path dir;

    private static Path repo;
    private static String head;

    /** A commit message with every template field, so that the Change layer has nothing to say about it. */
    private static String message(String subject, String type) {
        return subject + "\n\nChange-Type: " + type + "\nRisk: low\nIntent: keep the ledger right\n"
                + "Blast-Radius: orders\nVerification: unit tests\nRollback: revert the commit\n";
    }

    @BeforeAll
    static void the_orders_team_works_on_its_ledger() {
        PlainRepo git = PlainRepo.init(dir.resolve("shop"));
        repo = git.dir;
        git.write("services/orders/src/Ledger.java", "class Ledger { long total; }\n");
        git.write("services/checkout/src/Cart.java", "class Cart {}\n");
        git.write("contracts/registry.yml", """
                contracts:
                  - name: orders-api
                    spec: contracts/orders.yaml
                    provider: orders
                    consumers: [checkout]
                """);
        git.write("contracts/orders.yaml", """
                openapi: 3.0.3
                info: { title: Orders, version: 1.0.0 }
                paths:
                  /orders:
                    get:
                      responses:
                        '200': { description: the orders }
                """);
        git.write("docs/adr/0001-orders-own-the-ledger.md", """
                # 1. Orders own the ledger

                ## Status

                Accepted

                ## Context

                Two services wrote the totals and disagreed.

                ## Decision

                Only services/orders/src writes the ledger. Others read it through orders-api.
                """);
        git.write("docs/adr/0002-extract-billing.md", """
                ---
                status: accepted
                date: 2026-10-01
                boundary:
                  removed: ["services/billing/**"]
                  moved-to: "github.com/acme/billing-service"
                ---
                # Extract billing

                ## Decision

                Billing moves to its own service and repository.

                ## Reason

                Billing releases weekly, orders daily.
                """);
        git.commit(message("Set up the shop (#1)", "feature"), Instant.parse("2026-11-02T10:00:00Z"));
        git.write("services/orders/src/Ledger.java", "class Ledger { long total; /* rounding */ }\n");
        git.commit(message("fix: round the ledger total (#2)", "tactical-fix"), Instant.parse("2026-11-20T10:00:00Z"));
        git.write("services/orders/src/Ledger.java", "class Ledger { long total; /* rounding, again */ }\n");
        git.commit(message("fix: round negative totals (#3)", "tactical-fix"), Instant.parse("2026-11-21T10:00:00Z"));
        git.write("services/orders/src/Ledger.java", "class Ledger { long cents; }\n");
        git.commit(message("fix: keep cents (#4)", "tactical-fix"), Instant.parse("2026-11-22T10:00:00Z"));
        git.write("services/orders/src/Ledger.java", "class Ledger { long cents; String export() { return \"\"; } }\n");
        git.commit(message("feat: export the ledger (#5)", "feature"), Instant.parse("2026-11-23T10:00:00Z"));
        git.write("services/orders/src/Ledger.java", "class Ledger { long cents; }\n");
        git.commit(message("Revert the ledger export (#6)", "tech-debt") + "Reverts: #5\n",
                Instant.parse("2026-11-24T10:00:00Z"));
        head = git.git(Instant.parse("2026-11-24T10:00:00Z"), "rev-parse", "HEAD").strip();
    }

    @Test
    void text_shows_each_layers_part_for_a_locked_file_and_a_file_about_to_be_created() {
        Gov.Result r = Gov.atNow().run("context", "--repo", repo.toString(), "services/orders/src/Ledger.java",
                "services/billing/Invoice.java");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                context of services/orders/src/Ledger.java, services/billing/Invoice.java at main %s, \
                2026-11-26T12:00:00Z (recent: since 2026-08-28)
                  services/orders/src/Ledger.java
                  services/billing/Invoice.java  (not in the head: about to be created?)

                intent
                  lock      services/orders/src/Ledger.java is locked since 2026-11-22 by a hotspot (#2 2026-11-20, \
                #3 2026-11-21, #4 2026-11-22): a tactical fix to it is refused (intent.strategic-fix-required); make \
                the next change to it a strategic fix (Change-Type: strategic-fix), which unlocks it

                contract
                  contract  services/orders/src/Ledger.java is in orders, which provides contract orders-api \
                (contracts/orders.yaml), consumed by checkout: a breaking change to it needs Contract-Change: \
                breaking, a major version and a rollout plan for its consumers

                change
                  boundary  services/billing/Invoice.java is under the boundary of ADR 2 'Extract billing' \
                (accepted): removed services/billing/**, moved to github.com/acme/billing-service: code added here \
                again is a change.boundary-regression; change it in github.com/acme/billing-service, or supersede the \
                ADR
                  adr       ADR 1 'Orders own the ledger' (accepted, docs/adr/0001-orders-own-the-ledger.md) covers \
                services/orders/src/Ledger.java: names services/orders/src; decided: Only services/orders/src writes \
                the ledger.
                  revert    #6 (2026-11-24) reverted #5 (2026-11-23, feature), which touched \
                services/orders/src/Ledger.java: read why before doing it again

                release
                  blocker   #4, a recent change to services/orders/src/Ledger.java, carries a blocking \
                intent.tactical-hotspot finding not yet signed off, which blocks the next release until resolved; it \
                says: 3 tactical fixes within 7d (#2 2026-11-20, #3 2026-11-21, #4 2026-11-22): \
                services/orders/src/Ledger.java is locked until a strategic fix

                learning
                  nothing to know
                """.formatted(head.substring(0, 12)));
    }

    @Test
    void json_shows_each_layers_part() {
        Gov.Result r = Gov.atNow().run("context", "--repo", repo.toString(), "--format", "json",
                "services/orders/src/Ledger.java", "services/billing/Invoice.java");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                {
                  "paths" : [
                    {
                      "path" : "services/orders/src/Ledger.java",
                      "head" : "file"
                    },
                    {
                      "path" : "services/billing/Invoice.java",
                      "head" : "missing"
                    }
                  ],
                  "repository" : {
                    "head" : "%s",
                    "branch" : "main"
                  },
                  "evaluatedAt" : "2026-11-26T12:00:00Z",
                  "recentSince" : "2026-08-28T12:00:00Z",
                  "packs" : [
                    {
                      "pack" : "intent",
                      "entries" : [
                        {
                          "kind" : "lock",
                          "path" : "services/orders/src/Ledger.java",
                          "text" : "services/orders/src/Ledger.java is locked since 2026-11-22 by a hotspot (#2 \
                2026-11-20, #3 2026-11-21, #4 2026-11-22): a tactical fix to it is refused \
                (intent.strategic-fix-required); make the next change to it a strategic fix (Change-Type: \
                strategic-fix), which unlocks it",
                          "details" : {
                            "locked" : true,
                            "lockedAt" : "2026-11-22T10:00:00Z",
                            "lockedBy" : [
                              "#2",
                              "#3",
                              "#4"
                            ],
                            "tacticalFixesInWindow" : 3,
                            "window" : "7d"
                          },
                          "evidence" : [
                            {
                              "kind" : "change",
                              "id" : "#2",
                              "at" : "2026-11-20T10:00:00Z",
                              "detail" : null
                            },
                            {
                              "kind" : "change",
                              "id" : "#3",
                              "at" : "2026-11-21T10:00:00Z",
                              "detail" : null
                            },
                            {
                              "kind" : "change",
                              "id" : "#4",
                              "at" : "2026-11-22T10:00:00Z",
                              "detail" : null
                            },
                            {
                              "kind" : "finding",
                              "id" : "d7f6a38f04879b74",
                              "at" : "2026-11-22T10:00:00Z",
                              "detail" : "intent.tactical-hotspot"
                            }
                          ]
                        }
                      ]
                    },
                    {
                      "pack" : "contract",
                      "entries" : [
                        {
                          "kind" : "contract",
                          "path" : "services/orders/src/Ledger.java",
                          "text" : "services/orders/src/Ledger.java is in orders, which provides contract orders-api \
                (contracts/orders.yaml), consumed by checkout: a breaking change to it needs Contract-Change: \
                breaking, a major version and a rollout plan for its consumers",
                          "details" : {
                            "contract" : "orders-api",
                            "role" : "provider",
                            "spec" : "contracts/orders.yaml",
                            "provider" : "orders",
                            "consumers" : [
                              "checkout"
                            ]
                          },
                          "evidence" : [
                            {
                              "kind" : "contract",
                              "id" : "orders-api",
                              "at" : null,
                              "detail" : "contracts/orders.yaml"
                            }
                          ]
                        }
                      ]
                    },
                    {
                      "pack" : "change",
                      "entries" : [
                        {
                          "kind" : "boundary",
                          "path" : "services/billing/Invoice.java",
                          "text" : "services/billing/Invoice.java is under the boundary of ADR 2 'Extract billing' \
                (accepted): removed services/billing/**, moved to github.com/acme/billing-service: code added here \
                again is a change.boundary-regression; change it in github.com/acme/billing-service, or supersede the \
                ADR",
                          "details" : {
                            "adr" : "docs/adr/0002-extract-billing.md",
                            "number" : 2,
                            "status" : "accepted",
                            "removed" : [
                              "services/billing/**"
                            ],
                            "movedTo" : "github.com/acme/billing-service"
                          },
                          "evidence" : [
                            {
                              "kind" : "adr",
                              "id" : "2",
                              "at" : null,
                              "detail" : "docs/adr/0002-extract-billing.md"
                            }
                          ]
                        },
                        {
                          "kind" : "adr",
                          "path" : "services/orders/src/Ledger.java",
                          "text" : "ADR 1 'Orders own the ledger' (accepted, docs/adr/0001-orders-own-the-ledger.md) \
                covers services/orders/src/Ledger.java: names services/orders/src; decided: Only services/orders/src \
                writes the ledger.",
                          "details" : {
                            "adr" : "docs/adr/0001-orders-own-the-ledger.md",
                            "number" : 1,
                            "title" : "Orders own the ledger",
                            "status" : "accepted",
                            "supersededBy" : [ ],
                            "how" : [
                              "names services/orders/src"
                            ]
                          },
                          "evidence" : [
                            {
                              "kind" : "adr",
                              "id" : "1",
                              "at" : null,
                              "detail" : "docs/adr/0001-orders-own-the-ledger.md"
                            }
                          ]
                        },
                        {
                          "kind" : "revert",
                          "path" : "services/orders/src/Ledger.java",
                          "text" : "#6 (2026-11-24) reverted #5 (2026-11-23, feature), which touched \
                services/orders/src/Ledger.java: read why before doing it again",
                          "details" : {
                            "revert" : "#6",
                            "reverted" : "#5",
                            "at" : "2026-11-24T10:00:00Z"
                          },
                          "evidence" : [
                            {
                              "kind" : "change",
                              "id" : "#6",
                              "at" : "2026-11-24T10:00:00Z",
                              "detail" : null
                            },
                            {
                              "kind" : "change",
                              "id" : "#5",
                              "at" : "2026-11-23T10:00:00Z",
                              "detail" : null
                            }
                          ]
                        }
                      ]
                    },
                    {
                      "pack" : "release",
                      "entries" : [
                        {
                          "kind" : "blocker",
                          "path" : "services/orders/src/Ledger.java",
                          "text" : "#4, a recent change to services/orders/src/Ledger.java, carries a blocking \
                intent.tactical-hotspot finding not yet signed off, which blocks the next release until resolved; it \
                says: 3 tactical fixes within 7d (#2 2026-11-20, #3 2026-11-21, #4 2026-11-22): \
                services/orders/src/Ledger.java is locked until a strategic fix",
                          "details" : {
                            "rule" : "intent.tactical-hotspot",
                            "changes" : [
                              "#4"
                            ],
                            "findings" : 1
                          },
                          "evidence" : [
                            {
                              "kind" : "change",
                              "id" : "#4",
                              "at" : "2026-11-22T10:00:00Z",
                              "detail" : null
                            },
                            {
                              "kind" : "finding",
                              "id" : "d7f6a38f04879b74",
                              "at" : "2026-11-22T10:00:00Z",
                              "detail" : "intent.tactical-hotspot"
                            }
                          ]
                        }
                      ]
                    },
                    {
                      "pack" : "learning",
                      "entries" : [ ]
                    }
                  ]
                }
                """.formatted(head));
    }

    @Test
    void the_same_repository_and_clock_give_byte_identical_json() {
        String first = Gov.atNow().run("context", "--repo", repo.toString(), "--format", "json", "services").out();
        String second = Gov.atNow().run("context", "--repo", repo.toString(), "--format", "json", "services").out();

        assertThat(first).isEqualTo(second).contains("\"head\" : \"directory\"");
    }

    @Test
    void a_path_that_leaves_the_repository_is_bad_input() {
        Gov.Result r = Gov.atNow().run("context", "--repo", repo.toString(), "../elsewhere/Ledger.java");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gov: ../elsewhere/Ledger.java: not a path inside the repository: give a file or"
                + " directory relative to the repository root, like src/pay/Ledger.java (no '..', no empty segment)\n");
    }

    @Test
    void no_path_is_a_usage_error() {
        Gov.Result r = Gov.atNow().run("context", "--repo", repo.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("gov: Missing required parameter: 'PATH'\n");
    }
}
