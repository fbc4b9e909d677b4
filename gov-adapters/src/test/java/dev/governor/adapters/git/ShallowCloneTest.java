package dev.governor.adapters.git;

import dev.governor.api.Change;
import dev.governor.api.FileChange;
import dev.governor.api.History;
import dev.governor.api.Policy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shallow clone's oldest commit has no known parent: its files are unknown, so it touches none
 * (issue 6, item 5: diffed against nothing, it "touched" every file of the repository).
 */
class ShallowCloneTest {

    @TempDir
    Path dir;
    PlainGit origin;
    PlainGit clone;

    @BeforeEach
    void fiveCommitsClonedAtDepthTwo() {
        origin = PlainGit.init(dir.resolve("origin"));
        origin.write("a.txt", "a\n").write("b.txt", "b\n").write("c.txt", "c\n");
        origin.commit("one (#1)", 0);
        origin.write("a.txt", "a2\n");
        origin.commit("two (#2)", 1);
        origin.write("b.txt", "b2\n");
        origin.commit("three (#3)", 2);
        origin.write("c.txt", "c2\n");
        origin.commit("four (#4)", 3);
        origin.write("a.txt", "a3\n").delete("b.txt");
        origin.commit("five (#5)", 4);
        clone = PlainGit.at(dir.resolve("clone"));
        PlainGit.at(dir).run("clone", "-q", "--depth", "2", "file://" + dir.resolve("origin"), "clone");
    }

    private GitHistory.Result read(Path repo) {
        try (GitHistory history = GitHistory.open(repo)) {
            return history.read(null, null, Policy.defaults());
        }
    }

    @Test
    void the_boundary_commit_of_a_shallow_clone_touches_no_file() {
        GitHistory.Result result = read(clone.dir);

        assertThat(result.shallow()).isTrue();
        assertThat(result.changes()).extracting(Change::id).containsExactly("#4", "#5");
        // git log says the boundary added a.txt, b.txt and c.txt: it cannot know
        assertThat(clone.log("HEAD").get(result.changes().get(0).sha()))
                .containsExactly(FileChange.added("a.txt"), FileChange.added("b.txt"), FileChange.added("c.txt"));
        assertThat(result.changes().get(0).files()).isEmpty();
        assertThat(result.changes().get(1).files()).containsExactly(FileChange.modified("a.txt"), FileChange.deleted("b.txt"));
    }

    @Test
    void a_full_clone_is_not_shallow_and_its_root_adds_its_files() {
        GitHistory.Result result = read(origin.dir);

        assertThat(result.shallow()).isFalse();
        assertThat(result.changes().get(0).files())
                .containsExactly(FileChange.added("a.txt"), FileChange.added("b.txt"), FileChange.added("c.txt"));
    }

    @Test
    void the_boundary_left_out_by_since_leaves_a_history_that_is_not_shallow() {
        try (GitHistory history = GitHistory.open(clone.dir)) {
            GitHistory.Result result = history.read(null, TestRepo.T0.plusSeconds(4 * 60), Policy.defaults());

            assertThat(result.changes()).extracting(Change::id).containsExactly("#5");
            assertThat(result.shallow()).isFalse();
        }
    }

    @Test
    void deepening_the_clone_gives_the_old_boundary_its_files_despite_the_cache() {
        String boundary = read(clone.dir).changes().get(0).sha();

        clone.run("fetch", "-q", "--deepen", "1");
        GitHistory.Result deeper = read(clone.dir);

        assertThat(deeper.shallow()).isTrue();
        Change old = deeper.changes().stream().filter(c -> c.sha().equals(boundary)).findFirst().orElseThrow();
        assertThat(old.files()).containsExactly(FileChange.modified("c.txt"));
        assertThat(deeper.changes().get(0).files()).isEmpty();
    }

    @Test
    void the_history_of_a_shallow_clone_knows_no_tree_before_its_boundary() {
        History history = new GitHistoryProvider().open(clone.dir, null, null, Policy.defaults());
        List<Change> changes = history.changes();

        assertThat(history.shallow()).isTrue();
        assertThat(history.parentTree(changes.get(0))).isEmpty();
        assertThat(history.tree(changes.get(0)).files("")).containsExactly("a.txt", "b.txt", "c.txt");
        assertThat(history.parentTree(changes.get(1)).orElseThrow().commit()).isEqualTo(changes.get(0).sha());
    }
}
