package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.Scope;
import dev.governor.api.Finding;
import dev.governor.api.Ref;
import dev.governor.api.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Change layer on repositories built with the plain git command line: template fields from trailers and
 * PR bodies, ADRs required for boundary changes, and boundary regressions, each as the "Done when"
 * states it.
 */
class ChangeLayerTest {
    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String FIELDS = "Intent: keep billing apart\nBlast-Radius: billing only\n"
            + "Verification: unit tests\nRollback: revert the commit\n";
    private static final String ADR_7 = """
            # 7. Extract billing

            ## Status

            Accepted

            ## Decision

            Billing moves to its own service.

            ## Reason

            Billing releases weekly and the shop daily.
            """;

    @TempDir
    Path dir;

    private static Instant at(int day) {
        return T0.plusSeconds(day * 86_400L);
    }

    private Report check(PlainRepo git, String change) {
        Governor governor = Governor.builder().repository(git.dir).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        return change == null ? governor.check() : governor.check(Scope.changes(change));
    }

    private static List<Finding> of(Report report, String rule) {
        return report.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    /** A repository with services/billing (a Maven module) and ADR 7, every change with its fields. */
    private PlainRepo shop() {
        PlainRepo git = PlainRepo.init(dir.resolve("shop"));
        git.write("pom.xml", "<project/>\n")
                .write("services/billing/pom.xml", "<project/>\n")
                .write("services/billing/src/Invoice.java", "class Invoice {}\n")
                .write("services/billing/src/Tax.java", "class Tax {}\n")
                .write("services/billing/src/Total.java", "class Total {}\n")
                .write("docs/adr/0007-extract-billing.md", ADR_7);
        git.commit("Start the shop (#1)\n\nChange-Type: feature\nRisk: low\n" + FIELDS, at(0));
        return git;
    }

    @Test
    void a_commit_missing_two_fields_gets_two_findings_naming_them() {
        PlainRepo git = shop();
        git.write("README.md", "shop\n");
        git.commit("Describe the shop (#2)\n\nChange-Type: feature\nRisk: low\n"
                + "Intent: say what the shop is\nBlast-Radius: docs only\n", at(1));

        List<Finding> missing = of(check(git, "#2"), "change.template-field-missing");

        assertThat(missing).extracting(Finding::subject)
                .containsExactly(Ref.of(Ref.Kind.FIELD, "rollback"), Ref.of(Ref.Kind.FIELD, "verification"));
        assertThat(missing).extracting(Finding::message).containsExactly(
                "#2 has no rollback: add a 'Rollback:' trailer or a '## Rollback' section to its PR body (not TBD or n/a)",
                "#2 has no verification: add a 'Verification:' trailer or a '## Verification' section to its PR body"
                        + " (not TBD or n/a)");
        assertThat(missing).allMatch(f -> f.severity() == Severity.BLOCKING && "#2".equals(f.change()));
    }

    @Test
    void a_pr_body_with_tbd_under_rollback_counts_as_missing_rollback() {
        PlainRepo git = shop();
        git.write("README.md", "shop\n");
        git.commit("Describe the shop (#3)\n\nChange-Type: feature\nRisk: low\n", at(1));
        git.write(".gov/prs/3.json", """
                {"number": 3, "title": "Describe the shop", "body": "## Intent\\nSay what the shop is.\\n\\n## Blast radius\\nDocs only.\\n\\n## Verification\\nRead it.\\n\\n## Rollback\\nTBD\\n"}
                """);

        List<Finding> missing = of(check(git, "#3"), "change.template-field-missing");

        assertThat(missing).extracting(Finding::subject).containsExactly(Ref.of(Ref.Kind.FIELD, "rollback"));
    }

    @Test
    void renaming_a_service_without_an_adr_is_blocking() {
        PlainRepo git = shop();
        git.move("services/billing", "services/payments");
        git.commit("Rename billing to payments (#4)\n\nChange-Type: tech-debt\nRisk: medium\n" + FIELDS, at(1));

        List<Finding> required = of(check(git, "#4"), "change.adr-required");

        assertThat(required).hasSize(1);
        Finding f = required.get(0);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(f.subject()).isEqualTo(new Ref(Ref.Kind.SERVICE, "services/billing", null, "rename to services/payments"));
        assertThat(f.message()).isEqualTo("#4 renames services/billing to services/payments and adds or updates no ADR:"
                + " add a three-sentence ADR (title, decision, reason) to the change, or name one with an 'ADR:' trailer");
    }

    @Test
    void renaming_a_service_passes_with_an_adr_trailer() {
        PlainRepo git = shop();
        git.move("services/billing", "services/payments");
        git.commit("Rename billing to payments (#4)\n\nChange-Type: tech-debt\nRisk: medium\nADR: 7\n" + FIELDS, at(1));

        assertThat(of(check(git, "#4"), "change.adr-required")).isEmpty();
    }

    @Test
    void renaming_a_service_passes_with_a_new_adr_file_in_the_change() {
        PlainRepo git = shop();
        git.move("services/billing", "services/payments");
        git.write("docs/adr/0008-call-it-payments.md", "# 8. Call billing payments\n\n## Decision\n\nThe service is"
                + " payments.\n\n## Reason\n\nIt takes payments, not only bills.\n");
        git.commit("Rename billing to payments (#4)\n\nChange-Type: tech-debt\nRisk: medium\n" + FIELDS, at(1));

        assertThat(of(check(git, "#4"), "change.adr-required")).isEmpty();
    }

    @Test
    void an_adr_trailer_that_names_no_adr_does_not_pass() {
        PlainRepo git = shop();
        git.move("services/billing", "services/payments");
        git.commit("Rename billing to payments (#4)\n\nChange-Type: tech-debt\nRisk: medium\nADR: 9\n" + FIELDS, at(1));

        assertThat(of(check(git, "#4"), "change.adr-required")).hasSize(1);
    }

    @Test
    void re_adding_a_file_under_a_removed_boundary_is_blocking_with_the_adr_as_evidence() {
        PlainRepo git = shop();
        git.remove("services/billing");
        git.write("docs/adr/0007-extract-billing.md", """
                ---
                status: accepted
                boundary:
                  removed: ["services/billing/**"]
                  moved-to: "github.com/acme/billing-service"
                ---
                # 7. Extract billing

                ## Decision

                Billing moves to its own service.

                ## Reason

                Billing releases weekly and the shop daily.
                """);
        git.commit("Extract billing (#5)\n\nChange-Type: strategic-fix\nRisk: high\n" + FIELDS, at(1));
        git.write("services/billing/src/Invoice.java", "class Invoice { int fix; }\n");
        git.commit("Fix invoice totals (#6)\n\nChange-Type: tactical-fix\nRisk: low\n" + FIELDS, at(2));

        Report report = check(git, null);

        List<Finding> regression = of(report, "change.boundary-regression");
        assertThat(regression).hasSize(1);
        Finding f = regression.get(0);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(f.change()).isEqualTo("#6");
        assertThat(f.subject()).isEqualTo(Ref.file("services/billing/src/Invoice.java"));
        assertThat(f.message()).isEqualTo("#6 adds services/billing/src/Invoice.java, which ADR 7"
                + " (docs/adr/0007-extract-billing.md) removed from this repository (moved to"
                + " github.com/acme/billing-service): make the change there, or supersede the ADR with one that brings"
                + " the code back");
        assertThat(f.evidence()).containsExactly(
                new Ref(Ref.Kind.ADR, "7", null, "docs/adr/0007-extract-billing.md; moved to github.com/acme/billing-service"),
                new Ref(Ref.Kind.CHANGE, "#6", at(2), null));
        // the extraction itself removed a service and wrote the ADR that records it: no ADR is missing
        assertThat(of(report, "change.adr-required")).isEmpty();
    }

    @Test
    void a_malformed_front_matter_is_a_warning_naming_file_and_line() {
        PlainRepo git = shop();
        git.write("docs/adr/0009-queue.md", "---\nstatus: accepted\ndate: 2026-11-03\nstatus: proposed\n---\n# 9. Queue\n\n"
                + "## Decision\n\nUse a queue.\n\n## Reason\n\nBursts.\n");
        git.commit("Record the queue (#7)\n\nChange-Type: feature\nRisk: low\n" + FIELDS, at(1));

        List<Finding> incomplete = of(check(git, "#7"), "change.adr-incomplete");

        assertThat(incomplete).hasSize(1);
        assertThat(incomplete.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(incomplete.get(0).message()).isEqualTo("docs/adr/0009-queue.md:4: the front matter is not valid YAML: duplicate key 'status' under root (first on line 2): keep one");
    }
}
