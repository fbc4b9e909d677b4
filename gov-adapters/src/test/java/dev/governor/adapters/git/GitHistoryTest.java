package dev.governor.adapters.git;

import dev.governor.api.Change;
import dev.governor.api.ChangeType;
import dev.governor.api.FileChange;
import dev.governor.api.GovernanceException;
import dev.governor.api.Policy;
import dev.governor.api.Trailer;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitHistoryTest {

    @TempDir
    Path dir;
    TestRepo git;

    @BeforeEach
    void setUp() throws Exception {
        git = TestRepo.init(dir);
    }

    @AfterEach
    void tearDown() {
        git.close();
    }

    private List<Change> changes() {
        return read(Policy.defaults()).changes();
    }

    private GitHistory.Result read(Policy policy) {
        try (GitHistory history = GitHistory.open(dir)) {
            return history.read(null, null, policy);
        }
    }

    private Change last() {
        List<Change> all = changes();
        return all.get(all.size() - 1);
    }

    private static Policy noInference() {
        return Policy.defaults().with(dev.governor.api.policy.IntentPolicy.SECTION,
                new dev.governor.api.policy.IntentPolicy(false));
    }

    private static Policy onBranch(String branch) {
        return Policy.defaults().toBuilder().branch(branch).build();
    }

    @Test
    void squash_subject_ending_with_pr_number_gives_the_change_id() throws Exception {
        git.commit("main", "Fix rounding in the ledger (#412)", 0, "a.txt", "a");

        assertThat(last().id()).isEqualTo("#412");
    }

    @Test
    void merge_pull_request_subject_gives_the_change_id() throws Exception {
        git.commit("main", "init", 0, "a.txt", "a");
        git.branch("topic", "main");
        git.commit("topic", "work", 1, "b.txt", "b");
        git.merge("main", "topic", "Merge pull request #7 from acme/topic\n\nAdd b", 2);

        assertThat(last().id()).isEqualTo("#7");
    }

    @Test
    void other_subject_gives_the_twelve_character_sha() throws Exception {
        ObjectId sha = git.commit("main", "Tidy up", 0, "a.txt", "a");

        assertThat(last().id()).isEqualTo(sha.name().substring(0, 12));
        assertThat(last().sha()).isEqualTo(sha.name());
    }

    @Test
    void merge_time_is_the_committer_time() throws Exception {
        git.commit("main", "Tidy up", 5, "a.txt", "a");

        assertThat(last().mergedAt()).isEqualTo(TestRepo.T0.plusSeconds(300));
    }

    @Test
    void work_on_a_merged_pull_request_began_with_its_oldest_commit() throws Exception {
        git.commit("main", "init", 0, "a.txt", "a");
        git.branch("topic", "main");
        git.commit("topic", "start", 1, "b.txt", "b");
        git.commit("topic", "finish", 3, "b.txt", "c");
        git.merge("main", "topic", "Merge pull request #7 from acme/topic\n\nAdd b", 9);

        // TestRepo writes each commit an hour before it commits it: "start" was written at T0 + 1 min - 1 h
        assertThat(last().firstCommitAt()).isEqualTo(TestRepo.T0.plusSeconds(60).minusSeconds(3600));
        assertThat(last().mergedAt()).isEqualTo(TestRepo.T0.plusSeconds(540));
    }

    @Test
    void changes_are_oldest_first() throws Exception {
        git.commit("main", "one (#1)", 0, "a.txt", "a");
        git.commit("main", "two (#2)", 1, "a.txt", "b");
        git.commit("main", "three (#3)", 2, "a.txt", "c");

        assertThat(changes()).extracting(Change::id).containsExactly("#1", "#2", "#3");
    }

    @Test
    void side_branch_commits_are_not_changes() throws Exception {
        git.commit("main", "init (#1)", 0, "a.txt", "a");
        git.branch("topic", "main");
        git.commit("topic", "side one", 1, "b.txt", "b");
        git.commit("topic", "side two", 2, "c.txt", "c");
        git.commit("main", "mainline (#2)", 3, "d.txt", "d");
        git.merge("main", "topic", "Merge pull request #3 from acme/topic", 4);

        assertThat(changes()).extracting(Change::id).containsExactly("#1", "#2", "#3");
    }

    @Test
    void merge_files_are_the_diff_against_the_first_parent() throws Exception {
        git.commit("main", "init", 0, "a.txt", "a");
        git.branch("topic", "main");
        git.commit("topic", "side", 1, "b.txt", "b");
        git.commit("main", "mainline", 2, "d.txt", "d");
        git.merge("main", "topic", "Merge pull request #3 from acme/topic", 3);

        assertThat(last().files()).containsExactly(FileChange.added("b.txt"));
    }

    @Test
    void merge_takes_metadata_from_the_newest_merged_side_commit_first() throws Exception {
        git.commit("main", "init", 0, "a.txt", "a");
        git.branch("topic", "main");
        git.commit("topic", "older\n\nChange-Type: feature\nRisk: low\nIntent: add b", 1, "b.txt", "b");
        git.commit("topic", "newer\n\nChange-Type: tactical-fix", 2, "b.txt", "bb");
        git.merge("main", "topic", "Merge pull request #3 from acme/topic", 3);

        Change merge = last();
        assertThat(merge.declaredType()).isEqualTo("tactical-fix");
        assertThat(merge.risk()).isEqualTo("low");
        assertThat(merge.fields()).isEqualTo(Map.of("intent", "add b"));
    }

    @Test
    void merge_commit_trailers_win_over_the_merged_side() throws Exception {
        git.commit("main", "init", 0, "a.txt", "a");
        git.branch("topic", "main");
        git.commit("topic", "side\n\nChange-Type: feature", 1, "b.txt", "b");
        git.merge("main", "topic", "Merge pull request #3 from acme/topic\n\nChange-Type: strategic-fix", 2);

        assertThat(last().declaredType()).isEqualTo("strategic-fix");
    }

    @Test
    void merge_keeps_its_own_trailers_then_the_merged_sides() throws Exception {
        git.commit("main", "init", 0, "a.txt", "a");
        git.branch("topic", "main");
        git.commit("topic", "side\n\nADR: 7", 1, "b.txt", "b");
        git.merge("main", "topic", "Merge pull request #3 from acme/topic\n\nReviewed-by: Ann <ann@example.com>", 2);

        assertThat(last().trailers()).containsExactly(
                new Trailer("Reviewed-by", "Ann <ann@example.com>"), new Trailer("ADR", "7"));
    }

    @Test
    void merge_author_is_the_newest_merged_side_commits_author() throws Exception {
        git.commit("main", "init", 0, "a.txt", "a");
        git.branch("topic", "main");
        git.author("ann@example.com").commit("topic", "side", 1, "b.txt", "b");
        git.author("merger@example.com").merge("main", "topic", "Merge pull request #3 from acme/topic", 2);

        assertThat(last().author()).isEqualTo("ann@example.com");
    }

    @Test
    void author_is_the_commit_authors_email() throws Exception {
        git.author("bob@example.com").commit("main", "init", 0, "a.txt", "a");

        assertThat(last().author()).isEqualTo("bob@example.com");
    }

    @Test
    void root_commit_lists_its_files_as_added() throws Exception {
        git.commit("main", "init", 0, "a.txt", "a", "src/b.txt", "b");

        assertThat(last().files()).containsExactly(FileChange.added("a.txt"), FileChange.added("src/b.txt"));
    }

    @Test
    void modified_and_deleted_files_are_told_apart() throws Exception {
        git.commit("main", "init", 0, "a.txt", "a", "b.txt", "b");
        git.commit("main", "change", 1, "a.txt", "aa", "b.txt", null);

        assertThat(last().files()).containsExactly(FileChange.modified("a.txt"), FileChange.deleted("b.txt"));
    }

    @Test
    void nested_directories_list_only_the_files_that_changed() throws Exception {
        git.commit("main", "init", 0, "src/a/X.java", "x", "src/a/Y.java", "y", "src/b/Z.java", "z", "top.txt", "t");
        git.commit("main", "change", 1, "src/a/Y.java", "yy", "src/c/New.java", "n", "src/b/Z.java", null);

        assertThat(last().files()).containsExactly(FileChange.modified("src/a/Y.java"), FileChange.deleted("src/b/Z.java"),
                FileChange.added("src/c/New.java"));
    }

    @Test
    void file_replaced_by_a_directory_is_deleted_and_its_files_added() throws Exception {
        git.commit("main", "init", 0, "conf", "flat", "conf.d", "other");
        git.commit("main", "split", 1, "conf", null, "conf/main.yml", "nested");

        assertThat(last().files()).containsExactly(FileChange.deleted("conf"), FileChange.added("conf/main.yml"));
    }

    @Test
    void rename_is_detected_with_old_and_new_path() throws Exception {
        String content = "line one\nline two\nline three\nline four\nline five\n";
        git.commit("main", "init", 0, "src/Old.java", content);
        git.commit("main", "rename", 1, "src/Old.java", null, "src/New.java", content + "line six\n");

        assertThat(last().files()).containsExactly(FileChange.renamed("src/Old.java", "src/New.java"));
    }

    @Test
    void since_leaves_out_changes_merged_before_it() throws Exception {
        git.commit("main", "one (#1)", 0, "a.txt", "a");
        git.commit("main", "two (#2)", 10, "a.txt", "b");
        git.commit("main", "three (#3)", 20, "a.txt", "c");

        try (GitHistory history = GitHistory.open(dir)) {
            List<Change> changes = history.read(null, TestRepo.T0.plusSeconds(600), Policy.defaults()).changes();
            assertThat(changes).extracting(Change::id).containsExactly("#2", "#3");
        }
    }

    @Test
    void reverts_trailer_names_the_reverted_change() throws Exception {
        git.commit("main", "Undo the ledger fix\n\nReverts: #412", 0, "a.txt", "a");

        assertThat(last().reverts()).isEqualTo("#412");
    }

    @Test
    void git_revert_message_names_the_reverted_commit() throws Exception {
        ObjectId fix = git.commit("main", "Fix ledger", 0, "a.txt", "a");
        git.commit("main", "Revert \"Fix ledger\"\n\nThis reverts commit " + fix.name() + ".", 1, "a.txt", "b");

        assertThat(last().reverts()).isEqualTo(fix.name());
    }

    @Test
    void merge_of_a_revert_names_the_commit_the_merged_side_reverts() throws Exception {
        ObjectId fix = git.commit("main", "Fix ledger", 0, "a.txt", "a");
        git.branch("undo", "main");
        git.commit("undo", "Revert \"Fix ledger\"\n\nThis reverts commit " + fix.name() + ".", 1, "a.txt", "b");
        git.merge("main", "undo", "Merge pull request #9 from acme/undo", 2);

        assertThat(last().reverts()).isEqualTo(fix.name());
    }

    @Test
    void conventional_fix_subject_is_inferred_as_a_tactical_fix() throws Exception {
        git.commit("main", "fix(ledger): round half even", 0, "a.txt", "a");

        assertThat(last().inferredType()).isEqualTo(ChangeType.TACTICAL_FIX);
        assertThat(last().declaredType()).isNull();
    }

    @Test
    void conventional_breaking_feature_subject_is_inferred_as_a_feature() throws Exception {
        git.commit("main", "feat(api)!: drop v1", 0, "a.txt", "a");

        assertThat(last().inferredType()).isEqualTo(ChangeType.FEATURE);
    }

    @Test
    void conventional_chore_subject_is_inferred_as_tech_debt() throws Exception {
        git.commit("main", "chore: bump deps", 0, "a.txt", "a");

        assertThat(last().inferredType()).isEqualTo(ChangeType.TECH_DEBT);
    }

    @Test
    void declared_type_wins_over_the_subject() throws Exception {
        git.commit("main", "fix: round\n\nChange-Type: strategic-fix", 0, "a.txt", "a");

        assertThat(last().declaredType()).isEqualTo("strategic-fix");
        assertThat(last().inferredType()).isNull();
    }

    @Test
    void conventional_inference_is_off_when_the_policy_says_so() throws Exception {
        git.commit("main", "fix: round", 0, "a.txt", "a");

        assertThat(read(noInference()).changes().get(0).inferredType()).isNull();
    }

    @Test
    void unknown_declared_type_is_kept_verbatim() throws Exception {
        git.commit("main", "Tidy\n\nchange-type: Hotfix", 0, "a.txt", "a");

        assertThat(last().declaredType()).isEqualTo("Hotfix");
        assertThat(last().typeUnknown()).isTrue();
    }

    @Test
    void template_trailers_fill_the_fields_and_every_trailer_is_kept() throws Exception {
        git.commit("main", "Move billing\n\nIntent: split billing\nBlast-Radius: billing only\nVerification: canary\n"
                + "Rollback: revert\nContract-Change: non-breaking\nRollout: flag\nADR: 12\nADR: 13", 0, "a.txt", "a");

        Change change = last();
        assertThat(change.fields()).isEqualTo(Map.of("intent", "split billing", "blast-radius", "billing only",
                "verification", "canary", "rollback", "revert", "contract-change", "non-breaking", "rollout", "flag"));
        assertThat(change.trailers("adr")).containsExactly("12", "13");
    }

    @Test
    void result_names_the_head_and_the_branch() throws Exception {
        git.commit("main", "one", 0, "a.txt", "a");
        ObjectId head = git.commit("main", "two", 1, "a.txt", "b");

        GitHistory.Result result = read(Policy.defaults());
        assertThat(result.head()).isEqualTo(head.name());
        assertThat(result.branch()).isEqualTo("main");
    }

    @Test
    void policy_branch_is_read_when_no_branch_is_given() throws Exception {
        git.commit("main", "one (#1)", 0, "a.txt", "a");
        git.branch("release", "main");
        git.commit("release", "two (#2)", 1, "a.txt", "b");

        GitHistory.Result result = read(onBranch("release"));
        assertThat(result.branch()).isEqualTo("release");
        assertThat(result.changes()).extracting(Change::id).containsExactly("#1", "#2");
    }

    @Test
    void given_branch_wins_over_the_policy_branch() throws Exception {
        git.commit("main", "one (#1)", 0, "a.txt", "a");
        git.branch("release", "main");
        git.commit("release", "two (#2)", 1, "a.txt", "b");

        try (GitHistory history = GitHistory.open(dir)) {
            assertThat(history.read("main", null, onBranch("release")).changes()).extracting(Change::id)
                    .containsExactly("#1");
        }
    }

    @Test
    void unknown_branch_names_the_branches_that_exist() throws Exception {
        git.commit("main", "one", 0, "a.txt", "a");
        git.branch("release", "main");

        try (GitHistory history = GitHistory.open(dir)) {
            assertThatThrownBy(() -> history.read("mian", null, Policy.defaults()))
                    .isInstanceOf(GovernanceException.class)
                    .hasMessage(dir + ": unknown branch 'mian'; the branches are: main, release"
                            + ": choose one of them, or fix 'branch' in governance.yml");
        }
    }

    @Test
    void repository_without_commits_has_an_empty_history_on_its_unborn_branch() {
        try (GitHistory history = GitHistory.open(dir)) {
            GitHistory.Result result = history.read(null, null, Policy.defaults());

            assertThat(result.changes()).isEmpty();
            assertThat(result.head()).isEqualTo("0".repeat(40));
            assertThat(result.branch()).isEqualTo("main");
            assertThat(result.shallow()).isFalse();
        }
    }

    @Test
    void repository_without_commits_has_an_empty_history_on_any_branch_named() {
        try (GitHistory history = GitHistory.open(dir)) {
            assertThat(history.read("release", null, Policy.defaults()).changes()).isEmpty();
        }
    }

    @Test
    void a_branch_without_commits_in_a_repository_that_has_some_is_still_an_error() throws Exception {
        git.commit("main", "one", 0, "a.txt", "a");

        try (GitHistory history = GitHistory.open(dir)) {
            assertThatThrownBy(() -> history.read("release", null, Policy.defaults()))
                    .isInstanceOf(GovernanceException.class)
                    .hasMessage(dir + ": unknown branch 'release'; the branches are: main"
                            + ": choose one of them, or fix 'branch' in governance.yml");
        }
    }

    @Test
    void directory_outside_any_repository_is_an_error(@TempDir Path elsewhere) {
        assertThatThrownBy(() -> GitHistory.open(elsewhere))
                .isInstanceOf(GovernanceException.class)
                .hasMessage(elsewhere + ": not a git repository: give the root of a git repository (the directory that holds .git)");
    }

    @Test
    void second_read_from_the_cache_gives_identical_facts() throws Exception {
        git.commit("main", "init (#1)", 0, "a.txt", "a");
        git.branch("topic", "main");
        git.commit("topic", "side\n\nRisk: high", 1, "b.txt", "b");
        git.merge("main", "topic", "Merge pull request #2 from acme/topic", 2);

        GitHistory.Result first = read(Policy.defaults());
        assertThat(Files.exists(dir.resolve(".git/governor/" + FactCache.FILE_NAME))).isTrue();
        assertThat(read(Policy.defaults())).isEqualTo(first);
    }

    @Test
    void corrupt_cache_is_ignored_and_rebuilt() throws Exception {
        git.commit("main", "init (#1)\n\nRisk: low", 0, "a.txt", "a");
        GitHistory.Result first = read(Policy.defaults());
        Path cache = dir.resolve(".git/governor/" + FactCache.FILE_NAME);
        byte[] bytes = Files.readAllBytes(cache);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(cache, bytes);

        assertThat(read(Policy.defaults())).isEqualTo(first);
        assertThat(FactCache.decode(CommitReader.settings(git.repo), Files.readAllBytes(cache))).hasSize(1);
    }

    @Test
    void cached_commits_are_read_with_the_policy_in_force() throws Exception {
        git.commit("main", "fix: round", 0, "a.txt", "a");
        read(Policy.defaults());

        assertThat(read(noInference()).changes().get(0).inferredType()).isNull();
    }

    @Test
    void reading_without_the_cache_writes_none() throws Exception {
        git.commit("main", "init", 0, "a.txt", "a");

        try (GitHistory history = GitHistory.open(dir, false)) {
            assertThat(history.read(null, null, Policy.defaults()).changes()).hasSize(1);
        }
        assertThat(Files.exists(dir.resolve(".git/governor"))).isFalse();
    }

    @Test
    void many_commits_diffed_on_two_threads_keep_their_order() throws Exception {
        for (int i = 0; i < 150; i++) {
            git.commit("main", "step (#" + i + ")", i, "f" + (i % 7) + ".txt", "v" + i);
        }

        List<Change> changes;
        try (GitHistory history = GitHistory.open(dir, false)) {
            changes = history.read(null, null, Policy.defaults()).changes();
        }
        assertThat(changes).hasSize(150);
        for (int i = 0; i < 150; i++) {
            assertThat(changes.get(i).id()).isEqualTo("#" + i);
            String path = "f" + (i % 7) + ".txt";
            assertThat(changes.get(i).files()).containsExactly(i < 7 ? FileChange.added(path) : FileChange.modified(path));
        }
    }

    @Test
    void merged_at_uses_instants_not_local_time() throws Exception {
        git.commit("main", "x", 0, "a.txt", "a");

        assertThat(last().mergedAt()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
    }
}
