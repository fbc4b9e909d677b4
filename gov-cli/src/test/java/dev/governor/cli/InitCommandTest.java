package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gov init in real repositories: the seed's first stage, written once and never over a file that exists. */
class InitCommandTest {
    private static final String ADR = "docs/adr/0001-adopt-engineering-governance.md";

    @TempDir
    Path dir;

    Path fresh() {
        try (GitRepo git = GitRepo.init(dir.resolve("fresh"))) {
            return git.root();
        }
    }

    @Test
    void init_writes_the_policy_a_pull_request_template_and_an_adr_then_says_what_to_do_next() throws Exception {
        Path repo = fresh();

        Gov.Result r = Gov.atNow().run("init", "--repo", repo.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                Wrote governance.yml: layers: [release], governed from 2026-11-26; the next layers wait as comments.
                Wrote .github/pull_request_template.md: the four fields every change states.
                Wrote docs/adr/0001-adopt-engineering-governance.md: ADR 1 records the adoption.
                Wrote AGENTS.md: asks AI coding agents to call gov context before editing and check_pending before \
                committing.

                Next steps:
                  1. Commit what was written: git add governance.yml .github/pull_request_template.md \
                docs/adr/0001-adopt-engineering-governance.md AGENTS.md && git commit -m "Adopt engineering governance"
                  2. Run gov check: it exits 0 when nothing blocks, 1 when something does.
                  3. In CI, run gov check on every pull request and upload its SARIF (Governor's docs/ci/ has a GitHub \
                Actions workflow and a GitLab CI job).
                  4. When release runs quietly, put the next layer in force: uncomment contract in governance.yml's layers.
                """);
        assertThat(Files.readString(repo.resolve("governance.yml")))
                .isEqualTo(InitCommand.policy(LocalDate.parse("2026-11-26")));
        assertThat(Files.readString(repo.resolve(".github/pull_request_template.md"))).isEqualTo(InitCommand.TEMPLATE);
        assertThat(Files.readString(repo.resolve(ADR))).isEqualTo(InitCommand.adr(1, LocalDate.parse("2026-11-26")));
        assertThat(Files.readString(repo.resolve("AGENTS.md"))).isEqualTo("# Agents\n\n" + InitCommand.AGENTS_PARAGRAPH);
    }

    @Test
    void init_appends_the_agents_paragraph_to_an_existing_agents_md_and_keeps_its_text() throws Exception {
        Path repo = fresh();
        Files.writeString(repo.resolve("AGENTS.md"), "# Agents\n\nRun mvn verify before pushing.\n");

        Gov.Result r = Gov.atNow().run("init", "--repo", repo.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\nAppended to AGENTS.md a paragraph that asks AI coding agents to call gov context"
                + " before editing and check_pending before committing.\n");
        assertThat(Files.readString(repo.resolve("AGENTS.md")))
                .isEqualTo("# Agents\n\nRun mvn verify before pushing.\n\n" + InitCommand.AGENTS_PARAGRAPH);
    }

    @Test
    void init_run_twice_appends_the_agents_paragraph_once() throws Exception {
        Path repo = fresh();
        Files.writeString(repo.resolve("AGENTS.md"), "Be brief.");
        Gov.atNow().run("init", "--repo", repo.toString());

        Gov.Result again = Gov.atNow().run("init", "--repo", repo.toString());

        assertThat(again.out()).contains("\nKept AGENTS.md (it has the paragraph on Governor already).\n");
        assertThat(Files.readString(repo.resolve("AGENTS.md"))).isEqualTo("Be brief.\n\n" + InitCommand.AGENTS_PARAGRAPH);
    }

    @Test
    void init_with_no_agents_leaves_agents_md_alone() throws Exception {
        Path repo = fresh();

        Gov.Result r = Gov.atNow().run("init", "--repo", repo.toString(), "--no-agents");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).doesNotContain("AGENTS.md");
        assertThat(repo.resolve("AGENTS.md")).doesNotExist();
    }

    @Test
    void the_agents_paragraph_tells_an_agent_to_call_context_before_editing_and_check_pending_before_committing() {
        assertThat(InitCommand.AGENTS_PARAGRAPH).startsWith("## Ask Governor before editing\n\n")
                .contains("Before editing files, call the `context` tool of the `gov` MCP server")
                .contains("Before committing, call `check_pending`").endsWith(".\n");
    }

    @Test
    void the_policy_puts_release_alone_in_force_from_today_with_the_next_stages_commented_in_the_seeds_order() {
        String policy = InitCommand.policy(LocalDate.parse("2026-11-26"));

        assertThat(policy).contains("\nsince: 2026-11-26\n").contains("\nlayers:\n  - release ");
        assertThat(policy.indexOf("# - contract")).isLessThan(policy.indexOf("# - change"));
        assertThat(policy.indexOf("# - change")).isLessThan(policy.indexOf("# - learning"));
        assertThat(policy.indexOf("# - learning")).isLessThan(policy.indexOf("# - intent"));
    }

    @Test
    void the_template_asks_for_the_four_fields() {
        assertThat(InitCommand.TEMPLATE).contains("\n## Intent\n", "\n## Blast radius\n", "\n## Verification\n",
                "\n## Rollback\n");
    }

    @Test
    void init_then_check_in_a_repository_without_commits_exits_0_with_an_empty_report() {
        Path repo = fresh();
        Gov.atNow().run("init", "--repo", repo.toString());

        Gov.Result r = Gov.atNow().run("check", "--repo", repo.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("0 blocking, 0 warnings, 0 info · layers: release · 0 changes\n");
    }

    @Test
    void init_then_check_after_the_first_commit_exits_0() {
        Path repo;
        try (GitRepo git = GitRepo.init(dir.resolve("fresh"))) {
            repo = git.root();
            Gov.atNow().run("init", "--repo", repo.toString());
            git.commit("README.md", "shop", "Adopt engineering governance", java.time.Instant.parse("2026-11-26T13:00:00Z"));
        }

        Gov.Result r = Gov.atNow().with(CliEnvironment.GOV_NOW, "2026-11-27T00:00:00Z").run("check", "--repo", repo.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("0 blocking, 0 warnings, 0 info · layers: release · 1 change\n");
    }

    @Test
    void a_second_init_keeps_every_file_and_writes_no_second_adr() throws Exception {
        Path repo = fresh();
        Gov.atNow().run("init", "--repo", repo.toString());
        Files.writeString(repo.resolve("governance.yml"), "layers: [release, contract]\n");

        Gov.Result r = Gov.atNow().with(CliEnvironment.GOV_NOW, "2027-01-01T00:00:00Z").run("init", "--repo", repo.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("""
                Kept governance.yml (it exists; gov init never overwrites a file).
                Kept .github/pull_request_template.md (it exists): make sure it asks for Intent, Blast radius, \
                Verification and Rollback.
                Kept docs/adr/0001-adopt-engineering-governance.md (the adoption is recorded already).
                Kept AGENTS.md (it has the paragraph on Governor already).

                Next steps:
                  1. Run gov check:""");
        assertThat(Files.readString(repo.resolve("governance.yml"))).isEqualTo("layers: [release, contract]\n");
        try (var adrs = Files.list(repo.resolve("docs/adr"))) {
            assertThat(adrs).hasSize(1);
        }
    }

    @Test
    void the_adoption_adr_takes_the_next_number_in_the_existing_adr_directory() throws Exception {
        Path repo = fresh();
        Files.createDirectories(repo.resolve("doc/adr"));
        Files.writeString(repo.resolve("doc/adr/0007-use-postgres.md"), "# 7. Use Postgres\n");
        Files.writeString(repo.resolve("doc/adr/0012-split-billing.md"), "# 12. Split billing\n");

        Gov.Result r = Gov.atNow().run("init", "--repo", repo.toString());

        assertThat(r.out()).contains("Wrote doc/adr/0013-adopt-engineering-governance.md: ADR 13 records the adoption.\n");
        assertThat(Files.readString(repo.resolve("doc/adr/0013-adopt-engineering-governance.md")))
                .startsWith("# 13. Adopt engineering governance with Governor\n\nDate: 2026-11-26\n\n## Status\n\nAccepted\n");
        assertThat(repo.resolve("docs/adr")).doesNotExist();
    }

    @Test
    void an_existing_pull_request_template_is_kept_and_named() throws Exception {
        Path repo = fresh();
        Files.writeString(repo.resolve("PULL_REQUEST_TEMPLATE.md"), "## What\n");

        Gov.Result r = Gov.atNow().run("init", "--repo", repo.toString());

        assertThat(r.out()).contains("Kept PULL_REQUEST_TEMPLATE.md (it exists): make sure it asks for Intent, Blast"
                + " radius, Verification and Rollback.\n");
        assertThat(repo.resolve(".github")).doesNotExist();
    }

    @Test
    void a_gitlab_project_gets_a_merge_request_template() throws Exception {
        Path repo = fresh();
        Files.writeString(repo.resolve(".gitlab-ci.yml"), "stages: [test]\n");

        Gov.Result r = Gov.atNow().run("init", "--repo", repo.toString());

        assertThat(r.out()).contains("Wrote .gitlab/merge_request_templates/Default.md: the four fields every change states.\n");
        assertThat(Files.readString(repo.resolve(".gitlab/merge_request_templates/Default.md"))).isEqualTo(InitCommand.TEMPLATE);
    }

    @Test
    void init_outside_a_git_repository_exits_2_and_says_what_to_do() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));

        Gov.Result r = Gov.atNow().run("init", "--repo", plain.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gov: " + plain + ": not the root of a git repository: run git init first, or"
                + " pass --repo with the root of one\n");
        try (var files = Files.list(plain)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void a_check_of_a_repository_without_commits_is_a_valid_empty_json_report() {
        Path repo = fresh();

        Gov.Result r = Gov.atNow().run("check", "--repo", repo.toString(), "--format", "json");

        assertThat(r.exitCode()).isZero();
        assertThat(Schemas.reportErrors(r.out())).isEmpty();
        assertThat(r.out()).contains("\"head\" : \"0000000000000000000000000000000000000000\"", "\"branch\" : \"main\"",
                "\"findings\" : [ ]");
    }
}
