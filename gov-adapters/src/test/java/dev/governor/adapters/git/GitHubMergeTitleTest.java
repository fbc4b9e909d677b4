package dev.governor.adapters.git;

import dev.governor.api.Change;
import dev.governor.api.ChangeType;
import dev.governor.api.Policy;
import dev.governor.api.policy.IntentPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GitHub merge commit ({@code Merge pull request #N from …}) keeps the pull request's title in the first
 * line of its body: the Conventional Commits type is read from there (issue 6, item 9).
 */
class GitHubMergeTitleTest {

    @TempDir
    Path dir;
    PlainGit git;

    @BeforeEach
    void aTopicBranch() {
        git = PlainGit.init(dir);
        git.write("a.txt", "1\n");
        git.commit("init", 0);
        git.run("checkout", "-q", "-b", "topic");
        git.write("a.txt", "2\n");
        git.commit("work in progress", 1);
        git.run("checkout", "-q", "main");
    }

    private Change merge(String... messages) {
        String[] args = new String[4 + 2 * messages.length];
        args[0] = "merge";
        args[1] = "-q";
        args[2] = "--no-ff";
        args[3] = "topic";
        for (int i = 0; i < messages.length; i++) {
            args[4 + 2 * i] = "-m";
            args[5 + 2 * i] = messages[i];
        }
        git.run(2, args);
        try (GitHistory history = GitHistory.open(dir)) {
            List<Change> changes = history.read(null, null, Policy.defaults()).changes();
            return changes.get(changes.size() - 1);
        }
    }

    @Test
    void the_pr_title_in_the_body_gives_the_type() {
        Change merge = merge("Merge pull request #7 from acme/topic", "fix(ledger): round half even");

        assertThat(merge.id()).isEqualTo("#7");
        assertThat(merge.inferredType()).isEqualTo(ChangeType.TACTICAL_FIX);
        assertThat(merge.typeInferred()).isTrue();
    }

    @Test
    void a_declared_type_on_the_merge_wins_over_the_title() {
        Change merge = merge("Merge pull request #7 from acme/topic", "feat: add", "Change-Type: tech-debt");

        assertThat(merge.type()).isEqualTo(ChangeType.TECH_DEBT);
        assertThat(merge.inferredType()).isNull();
    }

    @Test
    void a_title_that_is_no_conventional_commit_infers_nothing() {
        assertThat(merge("Merge pull request #7 from acme/topic", "Make rounding right").inferredType()).isNull();
    }

    @Test
    void an_ordinary_merge_is_not_read_for_a_title() {
        assertThat(merge("Merge branch 'topic'", "fix: this is a body, not a pull request title").inferredType()).isNull();
    }

    @Test
    void the_title_is_not_inferred_when_the_policy_turns_inference_off() {
        git.run(2, "merge", "-q", "--no-ff", "topic", "-m", "Merge pull request #7 from acme/topic", "-m", "fix: x");
        Policy off = Policy.defaults().with(IntentPolicy.SECTION, new IntentPolicy(false));
        try (GitHistory history = GitHistory.open(dir)) {
            List<Change> changes = history.read(null, null, off).changes();
            assertThat(changes.get(changes.size() - 1).inferredType()).isNull();
        }
    }
}
