package dev.governor.adapters.git;

import dev.governor.api.Change;
import dev.governor.api.FactContext;
import dev.governor.api.Facts;
import dev.governor.api.FileContent;
import dev.governor.api.FileTree;
import dev.governor.api.GovernanceException;
import dev.governor.api.History;
import dev.governor.api.HistoryProvider;
import dev.governor.api.Policy;
import dev.governor.api.policy.IntentPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitHistoryProviderTest {

    @TempDir
    Path dir;
    PlainGit git;
    Histories histories;
    String one;
    String two;
    String three;

    @BeforeEach
    void threeChanges() {
        git = PlainGit.init(dir);
        git.write("README.md", "hello\n").write("src/pay/Ledger.java", "class Ledger {}\n")
                .write("contracts/orders.yaml", "version: 1\n");
        one = git.commit("init (#1)", 0);
        git.write("contracts/orders.yaml", "version: 2\n").write("src/pay/Fees.java", "class Fees {}\n");
        two = git.commit("feat: fees (#2)", 1);
        git.delete("README.md").write("docs/adr/0001-ledger.md", "# 1. Ledger\n");
        three = git.commit("docs: adr (#3)", 2);
        histories = new Histories(4, 8);
    }

    private History open() {
        return histories.open(dir, null, null, Policy.defaults());
    }

    private static String text(FileContent file) {
        return new String(file.bytes(1 << 20), StandardCharsets.UTF_8);
    }

    @Test
    void the_provider_is_found_with_the_service_loader() {
        assertThat(ServiceLoader.load(HistoryProvider.class)).hasAtLeastOneElementOfType(GitHistoryProvider.class);
    }

    @Test
    void changes_come_in_branch_order_with_their_positions() {
        History history = new GitHistoryProvider().open(dir, null, null, Policy.defaults());

        assertThat(history.changes()).extracting(Change::sha).containsExactly(one, two, three);
        assertThat(history.changes()).extracting(Change::position).containsExactly(0L, 1L, 2L);
        assertThat(history.head()).isEqualTo(three);
        assertThat(history.branch()).isEqualTo("main");
        assertThat(history.shallow()).isFalse();
    }

    @Test
    void positions_count_from_the_oldest_change_read() {
        History history = histories.open(dir, null, TestRepo.T0.plusSeconds(60), Policy.defaults());

        assertThat(history.changes()).extracting(Change::position).containsExactly(0L, 1L);
    }

    @Test
    void the_tree_at_a_change_and_at_its_parent() {
        History history = open();
        Change adr = history.change("#3").orElseThrow();

        FileTree after = history.tree(adr);
        FileTree before = history.parentTree(adr).orElseThrow();

        assertThat(after.commit()).isEqualTo(three);
        assertThat(before.commit()).isEqualTo(two);
        assertThat(after.files("")).containsExactly("contracts/orders.yaml", "docs/adr/0001-ledger.md",
                "src/pay/Fees.java", "src/pay/Ledger.java");
        assertThat(before.files("")).containsExactly("README.md", "contracts/orders.yaml", "src/pay/Fees.java",
                "src/pay/Ledger.java");
        assertThat(after.contains("README.md")).isFalse();
        assertThat(before.contains("README.md")).isTrue();
    }

    @Test
    void a_files_content_before_and_after_a_change() {
        History history = open();
        Change fees = history.change("#2").orElseThrow();

        FileContent before = history.parentTree(fees).orElseThrow().file("contracts/orders.yaml").orElseThrow();
        FileContent after = history.tree(fees).file("contracts/orders.yaml").orElseThrow();

        assertThat(text(before)).isEqualTo("version: 1\n");
        assertThat(text(after)).isEqualTo("version: 2\n");
        assertThat(after.size()).isEqualTo(11);
        assertThat(after.path()).isEqualTo("contracts/orders.yaml");
        assertThat(after.id()).isEqualTo(git.run("rev-parse", two + ":contracts/orders.yaml").strip()).isNotEqualTo(before.id());
        assertThat(history.parentTree(fees).orElseThrow().file("src/pay/Fees.java")).isEmpty();
    }

    @Test
    void an_unchanged_file_has_the_same_id_before_and_after() {
        History history = open();
        Change adr = history.change("#3").orElseThrow();

        assertThat(history.tree(adr).file("src/pay/Ledger.java").orElseThrow().id())
                .isEqualTo(history.parentTree(adr).orElseThrow().file("src/pay/Ledger.java").orElseThrow().id());
    }

    @Test
    void a_root_commits_parent_is_the_empty_tree() {
        History history = open();

        FileTree empty = history.parentTree(history.changes().get(0)).orElseThrow();

        assertThat(empty.commit()).isNull();
        assertThat(empty.files("")).isEmpty();
        assertThat(empty.directories("")).isEmpty();
        assertThat(empty.contains("README.md")).isFalse();
        assertThat(empty.file("README.md")).isEmpty();
    }

    @Test
    void a_file_larger_than_the_bound_is_refused_naming_path_and_commit() {
        FileContent orders = open().tree(open().change("#2").orElseThrow()).file("contracts/orders.yaml").orElseThrow();

        assertThatThrownBy(() -> orders.bytes(10))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("contracts/orders.yaml@" + two.substring(0, 12)
                        + ": the file is 11 bytes, larger than the 10 bytes a reader accepts");
        assertThat(orders.bytes(11)).hasSize(11);
        assertThatThrownBy(() -> orders.bytes(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBytes must be 0 or more, was -1");
    }

    @Test
    void content_streams() throws IOException {
        FileContent ledger = open().tree(open().change("#1").orElseThrow()).file("src/pay/Ledger.java").orElseThrow();

        try (InputStream in = ledger.open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("class Ledger {}\n");
        }
    }

    @Test
    void directories_and_files_under_a_directory() {
        FileTree tree = open().tree(open().change("#3").orElseThrow());

        assertThat(tree.directories("")).containsExactly("contracts", "docs", "src");
        assertThat(tree.directories("src")).containsExactly("pay");
        assertThat(tree.directories("src/pay")).isEmpty();
        assertThat(tree.files("src")).containsExactly("src/pay/Fees.java", "src/pay/Ledger.java");
        assertThat(tree.files("src/")).isEqualTo(tree.files("src"));
        assertThat(tree.files("nowhere")).isEmpty();
        assertThat(tree.files("src/pay/Fees.java")).isEmpty();
        assertThat(tree.directories("nowhere")).isEmpty();
    }

    @Test
    void a_directory_or_a_missing_path_is_no_file() {
        FileTree tree = open().tree(open().change("#3").orElseThrow());

        assertThat(tree.contains("src")).isFalse();
        assertThat(tree.contains("src/pay")).isFalse();
        assertThat(tree.file("src/pay")).isEmpty();
        assertThat(tree.contains("src/pay/Missing.java")).isFalse();
        assertThat(tree.contains("nowhere/Ledger.java")).isFalse();
        assertThat(tree.contains("src/pay/Ledger.java/x")).isFalse();
        assertThat(tree.contains("/src/pay/Ledger.java")).isFalse();
        assertThat(tree.contains("src/pay/")).isFalse();
        assertThat(tree.contains("")).isFalse();
    }

    @Test
    void a_submodule_is_neither_a_file_nor_a_directory() {
        git.run("update-index", "--add", "--cacheinfo", "160000," + one + ",vendor/lib");
        git.run(3, "commit", "-q", "-m", "vendor (#4)");
        FileTree tree = open().tree(open().change("#4").orElseThrow());

        assertThat(tree.contains("vendor/lib")).isFalse();
        assertThat(tree.file("vendor/lib")).isEmpty();
        assertThat(tree.directories("vendor")).isEmpty();
        assertThat(tree.files("vendor")).isEmpty();
    }

    @Test
    void trees_are_kept() {
        History history = open();
        Change fees = history.change("#2").orElseThrow();

        assertThat(history.tree(fees)).isSameAs(history.tree(fees));
        assertThat(history.parentTree(history.change("#3").orElseThrow()).orElseThrow()).isSameAs(history.tree(fees));
    }

    @Test
    void a_change_is_found_by_id_full_sha_or_abbreviated_sha() {
        History history = open();

        assertThat(history.change("#2").map(Change::sha)).contains(two);
        assertThat(history.change(two).map(Change::id)).contains("#2");
        assertThat(history.change(two.substring(0, 7).toUpperCase()).map(Change::id)).contains("#2");
        assertThat(history.change(two.substring(0, 6))).isEmpty();
        assertThat(history.change("#9")).isEmpty();
        assertThat(history.change("not-a-sha")).isEmpty();
        assertThat(history.change("0000000")).isEmpty();
        assertThat(history.change("f".repeat(41))).isEmpty();
    }

    @Test
    void an_abbreviated_sha_naming_two_changes_is_refused() {
        Change a = Change.builder("#1").sha("abcdef1" + "0".repeat(33)).mergedAt(Instant.EPOCH).position(0).build();
        Change b = Change.builder("#2").sha("abcdef1" + "1".repeat(33)).mergedAt(Instant.EPOCH).position(1).build();
        GitHistory.Result result = new GitHistory.Result(b.sha(), "main", false, List.of(a, b), List.of());
        History history = new GitRepositoryHistory(null, "repo", new GitHistory.Loaded(result, null, 0));

        assertThatThrownBy(() -> history.change("abcdef1")).isInstanceOf(GovernanceException.class)
                .hasMessage("repo: 'abcdef1' names more than one change (#1, #2 …): give more digits");
        assertThat(history.change("abcdef10").map(Change::id)).contains("#1");
        assertThat(history.change("abcdef11").map(Change::id)).contains("#2");
        assertThat(history.change("abcdef2")).isEmpty();
    }

    @Test
    void a_change_from_elsewhere_is_refused() {
        History history = open();
        Change stranger = Change.builder("#9").sha("9".repeat(40)).mergedAt(Instant.EPOCH).build();

        assertThatThrownBy(() -> history.tree(stranger)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("change #9 is not in this history of " + dir + " (main at " + three.substring(0, 12) + ")");
        assertThatThrownBy(() -> history.parentTree(Change.builder("#8").mergedAt(Instant.EPOCH).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_same_history_is_returned_while_the_head_does_not_move() {
        History first = open();

        assertThat(open()).isSameAs(first);
        assertThat(histories.open(dir.resolve("src"), null, null, Policy.defaults())).isSameAs(first);
    }

    @Test
    void after_a_new_commit_only_that_commit_is_read() {
        GitRepositoryHistory first = histories.open(dir, null, null, Policy.defaults());
        git.write("src/pay/Ledger.java", "class Ledger { int cents; }\n");
        git.commit("fix: cents (#4)", 3);

        GitRepositoryHistory second = histories.open(dir, null, null, Policy.defaults());

        assertThat(first.computed()).isEqualTo(3);
        assertThat(second).isNotSameAs(first);
        assertThat(second.computed()).isEqualTo(1);
        assertThat(second.changes()).hasSize(4);
        assertThat(second.changes().subList(0, 3)).isEqualTo(first.changes());
    }

    @Test
    void a_cold_process_reads_the_fact_cache_a_warm_one_left() {
        histories.open(dir, null, null, Policy.defaults());

        GitRepositoryHistory cold = new Histories(4, 8).open(dir, null, null, Policy.defaults());

        assertThat(cold.computed()).isZero();
    }

    @Test
    void anything_that_shapes_the_changes_gives_another_history() {
        History all = open();
        Policy noInference = Policy.defaults().with(IntentPolicy.SECTION, new IntentPolicy(false));

        assertThat(histories.open(dir, null, TestRepo.T0, Policy.defaults())).isNotSameAs(all);
        assertThat(histories.open(dir, "main", null, noInference)).isNotSameAs(all);
        git.write(".gov/prs/2.json", "{\"number\": 2, \"user\": {\"login\": \"ann\"}}");
        History withRecord = open();
        assertThat(withRecord).isNotSameAs(all);
        assertThat(withRecord.change("#2").orElseThrow().author()).isEqualTo("ann");
        git.write(".gov/prs/2.json", "{\"number\": 2, \"user\": {\"login\": \"bob\"}}");
        assertThat(open().change("#2").orElseThrow().author()).isEqualTo("bob");
    }

    @Test
    void an_unknown_branch_and_a_missing_repository_are_refused(@TempDir Path elsewhere) {
        assertThatThrownBy(() -> histories.open(dir, "mian", null, Policy.defaults()))
                .isInstanceOf(GovernanceException.class)
                .hasMessage(dir + ": unknown branch 'mian'; the branches are: main"
                        + ": choose one of them, or fix 'branch' in governance.yml");
        assertThatThrownBy(() -> histories.open(elsewhere, null, null, Policy.defaults()))
                .isInstanceOf(GovernanceException.class)
                .hasMessage(elsewhere + ": not a git repository: give the root of a git repository (the directory that holds .git)");
    }

    @Test
    void many_threads_read_trees_and_files_of_one_history() throws Exception {
        History history = open();
        List<String> expected = expectedReads(history);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                results.add(pool.submit(() -> expectedReads(history)));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every file of every tree of the history, before and after each change, with its content. */
    private static List<String> expectedReads(History history) {
        List<String> reads = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (Change c : history.changes()) {
                for (Optional<FileTree> tree : List.of(Optional.of(history.tree(c)), history.parentTree(c))) {
                    FileTree t = tree.orElseThrow();
                    for (String path : t.files("")) {
                        reads.add(t.commit() + ":" + path + "=" + text(t.file(path).orElseThrow()));
                    }
                }
            }
        }
        return reads;
    }

    @Test
    void the_fact_source_yields_the_changes_and_reviews_of_the_history_it_is_given() {
        git.write(".gov/prs/2.json", "{\"number\": 2, \"reviews\": [{\"user\": {\"login\": \"bob\"}, \"state\": \"APPROVED\"}]}");
        History history = open();

        Facts facts = new GitFactSource().read(new FactContext(null, null, null, Instant.now(), Policy.defaults(), history));

        assertThat(facts.repository()).isEqualTo(new Facts.Origin(three, "main"));
        assertThat(facts.changes()).isEqualTo(history.changes());
        assertThat(facts.of(dev.governor.api.Review.class)).isEqualTo(history.reviews()).hasSize(1);
    }

    @Test
    void without_a_history_the_fact_source_opens_the_repositorys() {
        Facts facts = new GitFactSource().read(new FactContext(dir, null, null, Instant.now(), Policy.defaults()));

        assertThat(facts.changes()).extracting(Change::sha).containsExactly(one, two, three);
        assertThat(new GitFactSource().read(new FactContext(null, null, null, Instant.now(), Policy.defaults())))
                .isEqualTo(Facts.empty());
    }
}
