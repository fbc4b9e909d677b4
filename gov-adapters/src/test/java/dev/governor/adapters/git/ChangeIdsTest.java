package dev.governor.adapters.git;

import dev.governor.api.Change;
import dev.governor.api.FactContext;
import dev.governor.api.History;
import dev.governor.api.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Change ids are unique on a branch (issue 6, item 8: two commits ending in the same {@code (#N)} shared
 * an id and a fingerprint): when an earlier change already has {@code #N}, a later one is known by its
 * 12-character abbreviated SHA.
 */
class ChangeIdsTest {

    @TempDir
    Path dir;

    private List<Change> read(Instant since) {
        try (GitHistory history = GitHistory.open(dir)) {
            return history.read(null, since, Policy.defaults()).changes();
        }
    }

    @Test
    void a_reused_pr_number_gives_the_later_change_its_abbreviated_sha() {
        PlainGit git = PlainGit.init(dir);
        git.write("a.txt", "1\n");
        git.commit("fix: rounding (#12)", 0);
        git.write("a.txt", "2\n");
        String cherryPick = git.commit("fix: rounding (#12)", 1);
        git.write("a.txt", "3\n");
        git.commit("feat: more (#13)", 2);

        assertThat(read(null)).extracting(Change::id).containsExactly("#12", cherryPick.substring(0, 12), "#13");
    }

    @Test
    void a_merge_commit_and_a_squash_with_the_same_number_are_told_apart() {
        PlainGit git = PlainGit.init(dir);
        git.write("a.txt", "1\n");
        git.commit("init", 0);
        git.run("checkout", "-q", "-b", "topic");
        git.write("b.txt", "b\n");
        git.commit("work", 1);
        git.run("checkout", "-q", "main");
        git.run(2, "merge", "-q", "--no-ff", "topic", "-m", "Merge pull request #7 from acme/topic");
        String merge = git.head();
        git.write("a.txt", "2\n");
        String squash = git.commit("Revert the topic (#7)", 3);

        List<Change> changes = read(null);
        assertThat(changes).extracting(Change::sha).containsSubsequence(merge, squash);
        assertThat(changes.get(1).id()).isEqualTo("#7");
        assertThat(changes.get(2).id()).isEqualTo(squash.substring(0, 12));
    }

    @Test
    void ids_do_not_depend_on_the_window_read() {
        PlainGit git = PlainGit.init(dir);
        git.write("a.txt", "1\n");
        git.commit("fix (#5)", 0);
        git.write("a.txt", "2\n");
        String later = git.commit("fix again (#5)", 10);

        assertThat(read(TestRepo.T0.plusSeconds(5 * 60))).extracting(Change::id).containsExactly(later.substring(0, 12));
    }

    @Test
    void a_pr_record_matched_by_number_belongs_to_the_change_with_that_id() {
        PlainGit git = PlainGit.init(dir);
        git.write("a.txt", "1\n");
        git.commit("first (#5)", 0);
        git.write("a.txt", "2\n");
        git.commit("second (#5)", 1);
        git.write(".gov/prs/5.json", "{\"number\": 5, \"user\": {\"login\": \"ann\"}}");

        List<Change> changes = read(null);
        assertThat(changes.get(0).author()).isEqualTo("ann");
        assertThat(changes.get(1).author()).isEqualTo("dev@example.com");
    }

    @Test
    void the_history_finds_a_change_by_its_number_and_the_reused_one_by_sha() {
        PlainGit git = PlainGit.init(dir);
        git.write("a.txt", "1\n");
        String first = git.commit("first (#5)", 0);
        git.write("a.txt", "2\n");
        String second = git.commit("second (#5)", 1);

        History history = new GitHistoryProvider().open(dir, null, null, Policy.defaults());
        assertThat(history.change("#5").orElseThrow().sha()).isEqualTo(first);
        assertThat(history.change(second.substring(0, 7)).orElseThrow().sha()).isEqualTo(second);
        assertThat(new GitFactSource().read(new FactContext(dir, null, null, Instant.now(), Policy.defaults(), history))
                .changes()).extracting(Change::id).doesNotHaveDuplicates();
    }
}
