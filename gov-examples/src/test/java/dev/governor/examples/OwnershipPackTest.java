package dev.governor.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.Context;
import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.RuleInfo;
import dev.governor.api.Finding;
import dev.governor.api.GovernanceException;
import dev.governor.api.Layer;
import dev.governor.api.Severity;
import dev.governor.cli.CliEnvironment;
import dev.governor.cli.Main;
import dev.governor.examples.ownership.CodeOwners;
import dev.governor.pack.ContextEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sixth pack, ownership, written against the public SPI alone and found on the class path: its section
 * is read, its rule runs on a real repository, its findings reach the report and {@code gov rules} lists it.
 */
class OwnershipPackTest {
    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-10T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private void commit(Git git, int hours, String message, String... files) throws Exception {
        for (int i = 0; i < files.length; i += 2) {
            Path file = dir.resolve(files[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, files[i + 1]);
            git.add().addFilepattern(files[i]).call();
        }
        PersonIdent who = new PersonIdent("Ada", "ada@example.com", T0.plusSeconds(hours * 3600L), ZoneOffset.UTC);
        git.commit().setAuthor(who).setCommitter(who).setSign(false).setMessage(message + "\n\nChange-Type: feature\nRisk: low\n")
                .call();
    }

    private Path repository(String policy) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, 0, "adopt governance", "governance.yml", policy,
                    ".github/CODEOWNERS", "/governance.yml @leads\n/.github/ @leads\n/src/pay/ @payments\n*.md @docs\n");
            commit(git, 1, "add the ledger (#1)", "src/pay/Ledger.java", "class Ledger {}\n");
            commit(git, 2, "add billing (#2)", "src/billing/Invoice.java", "class Invoice {}\n", "README.md", "# shop\n");
        }
        return dir;
    }

    private Report check(Path repo) {
        return Governor.builder().repository(repo).clock(NOW).build().check();
    }

    @Test
    void a_file_no_codeowners_line_matches_is_blocking_and_owned_ones_pass() throws Exception {
        Report report = check(repository("layers: [ownership]\n"));

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("ownership.owner-missing");
            assertThat(f.layer()).isEqualTo(Layer.CUSTOM);
            assertThat(f.severity()).isEqualTo(Severity.BLOCKING);
            assertThat(f.subject().id()).isEqualTo("src/billing/Invoice.java");
            assertThat(f.change()).isEqualTo("#2");
            assertThat(f.message()).isEqualTo("#2 touches src/billing/Invoice.java, which has no owner: no line of "
                    + ".github/CODEOWNERS matches it");
        });
        assertThat(report.passed()).isFalse();
    }

    @Test
    void the_ownership_section_names_another_codeowners_file() throws Exception {
        Report report = check(repository("layers: [ownership]\nownership: { codeowners: docs/OWNERS }\n"));

        assertThat(report.findings()).extracting(Finding::subject).extracting(r -> r.id())
                .containsExactly(".github/CODEOWNERS", "README.md", "governance.yml", "src/billing/Invoice.java",
                        "src/pay/Ledger.java");
        assertThat(report.findings().get(0).message()).endsWith("the commit has no CODEOWNERS file");
    }

    @Test
    void a_misspelt_key_in_its_section_is_refused_with_file_line_and_suggestion() throws Exception {
        Path repo = repository("layers: [ownership]\nownership: { codeowner: docs/OWNERS }\n");

        assertThatThrownBy(() -> Governor.builder().repository(repo).build())
                .isInstanceOf(GovernanceException.class)
                .hasMessage("governance.yml:2: unknown key 'codeowner' under ownership (did you mean 'codeowners'?)");
    }

    @Test
    void left_out_of_layers_the_pack_does_not_run() throws Exception {
        Report report = check(repository("layers: [release]\n"));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void its_rule_is_listed_with_the_pack_it_comes_from() throws Exception {
        Governor governor = Governor.builder().repository(repository("layers: [ownership]\n")).build();

        assertThat(governor.packs()).contains("ownership", "intent", "release");
        assertThat(governor.rules()).filteredOn(r -> r.id().equals("ownership.owner-missing")).singleElement()
                .satisfies(r -> {
                    assertThat(r.pack()).isEqualTo("ownership");
                    assertThat(r.source()).isEqualTo("pack ownership");
                    assertThat(r.thresholds()).containsExactly("ownership.codeowners = null");
                    assertThat(r.next("a.txt")).isEqualTo("add a CODEOWNERS line that gives a.txt an owner");
                });
        assertThat(governor.rules()).extracting(RuleInfo::id).doesNotContain("governor.findings");
    }

    @Test
    void gov_rules_and_gov_check_show_it_from_the_class_path() throws Exception {
        Path repo = repository("layers: [ownership]\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment env = CliEnvironment.of(Map.of("GOV_NOW", "2026-11-10T00:00:00Z"));

        int rules = Main.run(env, new PrintWriter(out), new PrintWriter(err), "rules", "--repo", repo.toString());
        assertThat(rules).isZero();
        assertThat(out.toString()).contains("ownership.owner-missing").contains("pack ownership")
                .doesNotContain("governor.findings"); // the query the engine reads findings with is no rule

        out.getBuffer().setLength(0);
        int check = Main.run(env, new PrintWriter(out), new PrintWriter(err), "check", "--repo", repo.toString());
        assertThat(check).isEqualTo(1);
        assertThat(out.toString()).contains("BLOCKING  ownership.owner-missing  src/billing/Invoice.java");
    }

    @Test
    void codeowners_patterns_follow_githubs_rules_and_the_last_match_wins() throws IOException {
        CodeOwners owners = CodeOwners.parse("""
                # comments and blank lines are skipped

                *            @everyone
                *.md         @docs
                /src/pay/    @payments
                apps/        @apps
                docs/*       @writers
                /build/      # no owner: unowned on purpose
                """);

        assertThat(owners.owners("pom.xml")).containsExactly("@everyone");
        assertThat(owners.owners("src/pay/README.md")).containsExactly("@payments");
        assertThat(owners.owners("src/pay/deep/Ledger.java")).containsExactly("@payments");
        assertThat(owners.owners("lib/src/pay/Ledger.java")).containsExactly("@everyone");
        assertThat(owners.owners("x/apps/web/main.js")).containsExactly("@apps");
        assertThat(owners.owners("docs/intro.md")).containsExactly("@writers");
        assertThat(owners.owners("docs/deep/intro.md")).containsExactly("@docs");
        assertThat(owners.owners("build/out.jar")).isEmpty();
    }

    @Test
    void the_ownership_pack_tells_the_context_of_a_path_its_owners_beside_the_built_in_layers() throws Exception {
        Path repo = repository("layers: [intent, ownership]\n");

        Context context = Governor.builder().repository(repo).clock(NOW).build()
                .context(List.of("src/pay/Ledger.java", "src/billing/Invoice.java"));

        assertThat(context.byPack().keySet()).containsExactly("intent", "ownership");
        assertThat(context.of("ownership")).extracting(ContextEntry::text).containsExactly(
                "src/billing/Invoice.java has no owner: no line of .github/CODEOWNERS matches it; a change to it is"
                        + " refused (ownership.owner-missing) until one does",
                "src/pay/Ledger.java is owned by @payments (.github/CODEOWNERS): ask them first");
        assertThat(context.toText()).endsWith("""

                intent
                  nothing to know

                ownership
                  owners  src/billing/Invoice.java has no owner: no line of .github/CODEOWNERS matches it; a change \
                to it is refused (ownership.owner-missing) until one does
                  owners  src/pay/Ledger.java is owned by @payments (.github/CODEOWNERS): ask them first
                """);
    }
}
