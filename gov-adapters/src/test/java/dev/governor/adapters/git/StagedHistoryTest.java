package dev.governor.adapters.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.api.Change;
import dev.governor.api.ChangeType;
import dev.governor.api.FileChange;
import dev.governor.api.GovernanceException;
import dev.governor.api.History;
import dev.governor.api.HistoryProvider;
import dev.governor.api.Policy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staged index as one more change on top of HEAD, read with plain git's index. */
class StagedHistoryTest {

    static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void the_staged_change_has_the_index_s_files_renames_included_and_the_message_s_type_and_trailers() {
        PlainGit git = PlainGit.init(dir);
        git.write("src/a.txt", "one\ntwo\nthree\nfour\n").write("src/b.txt", "b\n").write("src/gone.txt", "g\n");
        git.commit("start", 0);
        git.run("mv", "src/a.txt", "src/moved.txt");
        git.write("src/b.txt", "b2\n").write("src/new.txt", "n\n").write("src/unstaged.txt", "u\n");
        git.run("add", "src/b.txt", "src/new.txt");
        git.run("rm", "-q", "src/gone.txt");

        History history = new GitHistoryProvider().staged(dir, null, null, Policy.defaults(),
                "fix: round totals\n\nRisk: low\n# a comment git drops\n", AT);

        Change staged = history.change(HistoryProvider.STAGED).orElseThrow();
        assertThat(history.changes()).hasSize(2).last().isEqualTo(staged);
        assertThat(staged.files()).containsExactlyInAnyOrder(FileChange.modified("src/b.txt"),
                FileChange.deleted("src/gone.txt"), FileChange.renamed("src/a.txt", "src/moved.txt"),
                FileChange.added("src/new.txt"));
        assertThat(staged.type()).isEqualTo(ChangeType.TACTICAL_FIX);
        assertThat(staged.risk()).isEqualTo("low");
        assertThat(staged.mergedAt()).isEqualTo(AT);
        assertThat(staged.position()).isEqualTo(1L);
        assertThat(new String(history.tree(staged).file("src/b.txt").orElseThrow().bytes(100), StandardCharsets.UTF_8))
                .isEqualTo("b2\n");
        assertThat(history.tree(staged).contains("src/unstaged.txt")).isFalse();
        assertThat(history.parentTree(staged).orElseThrow().contains("src/gone.txt")).isTrue();
    }

    @Test
    void reading_the_index_writes_nothing_to_the_repository() {
        PlainGit git = PlainGit.init(dir);
        git.write("src/a.txt", "a\n");
        git.commit("start", 0);
        git.write("deep/er/dir/c.txt", "c\n");
        git.run("add", "-A");
        String objectsBefore = git.run("count-objects", "-v");

        new GitHistoryProvider().staged(dir, null, null, Policy.defaults(), "", AT);

        assertThat(git.run("count-objects", "-v")).isEqualTo(objectsBefore);
    }

    @Test
    void a_first_commit_to_be_is_staged_on_an_unborn_branch() {
        PlainGit git = PlainGit.init(dir);
        git.write("README.md", "hello\n");
        git.run("add", "README.md");

        History history = new GitHistoryProvider().staged(dir, null, null, Policy.defaults(), "feat: start", AT);

        assertThat(history.changes()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("staged");
            assertThat(c.files()).isEqualTo(List.of(FileChange.added("README.md")));
        });
    }

    @Test
    void an_index_with_unresolved_conflicts_is_refused_with_what_to_do() {
        PlainGit git = PlainGit.init(dir);
        git.write("a.txt", "base\n");
        git.commit("base", 0);
        git.run("checkout", "-q", "-b", "side");
        git.write("a.txt", "side\n");
        git.commit("side", 1);
        git.run("checkout", "-q", "main");
        git.write("a.txt", "main\n");
        git.commit("main", 2);
        try {
            git.run("merge", "-q", "side");
        } catch (RuntimeException expected) {
            // the conflict is the point
        }

        assertThatThrownBy(() -> new GitHistoryProvider().staged(dir, null, null, Policy.defaults(), "", AT))
                .isInstanceOf(GovernanceException.class)
                .hasMessage(dir + ": the index has unresolved conflicts (a.txt): resolve them and stage the result,"
                        + " then check");
    }
}
