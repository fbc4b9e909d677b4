package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gov check --pending}: the staged index as one more change on top of HEAD, on a repository made
 * with the plain git command line, where src/a.txt just got its third tactical fix in a week.
 */
class PendingCheckTest {

    static final Instant D0 = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path dir;
    PlainGitRepo repo;

    @BeforeEach
    void src_a_txt_just_got_its_third_tactical_fix_in_a_week() {
        repo = PlainGitRepo.init(dir);
        // the team has adopted the Intent layer alone: change types, risk and the hotspot lock
        repo.write("governance.yml", "layers: [intent]\n");
        repo.write("src/a.txt", "a\n").write("src/b.txt", "b\n");
        repo.commit(D0, "feat: start (#1)\n\nRisk: low");
        for (int i = 1; i <= 3; i++) {
            repo.write("src/a.txt", "a" + i + "\n");
            repo.commit(D0.plus(Duration.ofDays(i)), "fix: a, take " + i + " (#" + (i + 1) + ")\n\nRisk: low");
        }
    }

    @Test
    void a_staged_tactical_fix_to_the_locked_file_is_refused_naming_the_lock_and_what_to_do() throws IOException {
        repo.write("src/a.txt", "a4\n");
        repo.git(D0, "add", "src/a.txt");
        Path message = message("fix: a, take 4\n\nRisk: low\n");

        Gov.Result result = Gov.atNow().run("check", "--repo", dir.toString(), "--pending", "--message", message.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("staged is a tactical fix to src/a.txt, locked since 2026-11-23 by a hotspot"
                + " (#2, #3, #4): merge a change with Change-Type: strategic-fix touching it first");
        // only the staged change's findings: the hotspot of #4 that locked the file is history, not reported
        assertThat(result.out()).doesNotContain("3 tactical fixes within");
    }

    @Test
    void the_same_change_declared_a_strategic_fix_passes() throws IOException {
        repo.write("src/a.txt", "a4\n");
        repo.git(D0, "add", "src/a.txt");
        Path message = message("fix: a, for good\n\nChange-Type: strategic-fix\nRisk: low\n");

        Gov.Result result = Gov.atNow().run("check", "--repo", dir.toString(), "--pending", "--message", message.toString(),
                "--format", "json");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("\"blocking\" : 0,").contains("\"findings\" : [ ]");
    }

    @Test
    void only_what_is_staged_counts_not_the_working_tree() throws IOException {
        repo.write("src/a.txt", "a4, not staged\n");
        repo.write("src/b.txt", "b2\n");
        repo.git(D0, "add", "src/b.txt");
        Path message = message("fix: b\n\nRisk: low\n");

        Gov.Result result = Gov.atNow().run("check", "--repo", dir.toString(), "--pending", "--message", message.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    }

    @Test
    void a_staged_rename_follows_the_lock_to_the_new_path() throws IOException {
        repo.git(D0, "mv", "src/a.txt", "src/c.txt");
        Path message = message("fix: move a\n\nRisk: low\n");

        Gov.Result result = Gov.atNow().run("check", "--repo", dir.toString(), "--pending", "--message", message.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("staged is a tactical fix to src/c.txt, locked since 2026-11-23");
    }

    @Test
    void without_a_message_the_staged_change_has_no_type_and_is_told_so() {
        repo.write("src/b.txt", "b2\n");
        repo.git(D0, "add", "src/b.txt");

        Gov.Result result = Gov.atNow().run("check", "--repo", dir.toString(), "--pending");

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out()).contains("staged has no change type: add a 'Change-Type:' trailer");
    }

    @Test
    void a_message_without_pending_is_a_usage_error() throws IOException {
        Gov.Result result = Gov.atNow().run("check", "--repo", dir.toString(), "--message", message("x").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("gov: --message FILE is the pending change's commit message: add --pending\n");
    }

    @Test
    void a_missing_message_file_names_the_file_and_what_to_give() {
        Path missing = dir.resolve("no-such-message");

        Gov.Result result = Gov.atNow().run("check", "--repo", dir.toString(), "--pending", "--message", missing.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("gov: " + missing + ": commit message file not found: give the file git"
                + " passes to the commit-msg hook (\"$1\"), or leave --message out\n");
    }

    private Path message(String text) throws IOException {
        Path file = Files.createTempFile(dir.getParent(), "msg", ".txt");
        Files.writeString(file, text);
        return file;
    }
}
