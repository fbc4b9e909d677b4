package dev.governor.adapters.git;

import dev.governor.api.Change;
import dev.governor.api.FactContext;
import dev.governor.api.FactSource;
import dev.governor.api.Facts;
import dev.governor.api.GovernanceException;
import dev.governor.api.Policy;
import dev.governor.api.Review;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrMatchingTest {

    private static final Instant NOW = Instant.parse("2026-11-10T00:00:00Z");

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

    private Facts facts() {
        return new GitFactSource().read(new FactContext(dir, null, null, NOW, Policy.defaults()));
    }

    private Change only() {
        return facts().changes().get(0);
    }

    @Test
    void record_matches_its_merge_commit_sha() throws Exception {
        ObjectId sha = git.commit("main", "Squashed work", 0, "a.txt", "a");
        git.writeFile(".gov/prs/5.json", "{\"number\": 5, \"merge_commit_sha\": \"" + sha.name() + "\", \"user\": {\"login\": \"ann\"}}");

        assertThat(only().author()).isEqualTo("ann");
    }

    @Test
    void record_matches_its_number_when_no_sha_matches() throws Exception {
        git.commit("main", "Fix ledger (#5)", 0, "a.txt", "a");
        git.writeFile(".gov/prs/5.json", "{\"number\": 5, \"merge_commit_sha\": \"0000000000000000000000000000000000000000\","
                + " \"labels\": [{\"name\": \"Tech-Debt\"}, {\"name\": \"risk:medium\"}]}");

        assertThat(only().declaredType()).isEqualTo("Tech-Debt");
        assertThat(only().risk()).isEqualTo("medium");
    }

    @Test
    void trailers_win_over_labels() throws Exception {
        git.commit("main", "Fix ledger (#5)\n\nChange-Type: feature\nRisk: low", 0, "a.txt", "a");
        git.writeFile(".gov/prs/5.json", "{\"number\": 5, \"labels\": [{\"name\": \"tactical-fix\"}, {\"name\": \"risk:high\"}]}");

        assertThat(only().declaredType()).isEqualTo("feature");
        assertThat(only().risk()).isEqualTo("low");
    }

    @Test
    void label_type_wins_over_the_conventional_subject() throws Exception {
        git.commit("main", "fix: ledger (#5)", 0, "a.txt", "a");
        git.writeFile(".gov/prs/5.json", "{\"number\": 5, \"labels\": [{\"name\": \"strategic-fix\"}]}");

        assertThat(only().declaredType()).isEqualTo("strategic-fix");
        assertThat(only().inferredType()).isNull();
    }

    @Test
    void a_merge_commits_type_is_inferred_from_the_pr_title_when_its_subject_has_none() throws Exception {
        git.commit("main", "Merge pull request #5 from ann/ledger", 0, "a.txt", "a");
        git.writeFile(".gov/prs/5.json", "{\"number\": 5, \"title\": \"fix(ledger): round half-even\"}");

        assertThat(only().declaredType()).isNull();
        assertThat(only().inferredType()).isEqualTo(dev.governor.api.ChangeType.TACTICAL_FIX);
    }

    @Test
    void body_sections_fill_fields_the_trailers_left_open() throws Exception {
        git.commit("main", "Fix ledger (#5)\n\nIntent: from the trailer", 0, "a.txt", "a");
        git.writeFile(".gov/prs/5.json", "{\"number\": 5, \"body\": \"## Intent\\nfrom the body\\n## Rollback\\nrevert it\\n## Rollout\\nTBD\"}");

        assertThat(only().fields()).isEqualTo(Map.of("intent", "from the trailer", "rollback", "revert it"));
    }

    @Test
    void reviews_become_review_facts_of_the_change() throws Exception {
        git.commit("main", "Fix ledger (#5)", 0, "a.txt", "a");
        git.writeFile(".gov/prs/5.json", """
                {"number": 5, "requested_teams": [{"slug": "payments"}, {"slug": "security"}],
                 "reviews": [{"user": {"login": "bob"}, "state": "APPROVED", "submitted_at": "2026-11-02T09:00:00Z",
                              "team": "payments", "requested_at": "2026-11-01T09:00:00Z"}]}
                """);

        assertThat(facts().of(Review.class)).containsExactly(
                new Review("#5", "bob", "APPROVED", "payments", Instant.parse("2026-11-01T09:00:00Z"),
                        Instant.parse("2026-11-02T09:00:00Z")),
                new Review("#5", null, null, "security", null, null));
    }

    @Test
    void record_of_an_unmerged_pull_request_gives_no_facts() throws Exception {
        git.commit("main", "Fix ledger (#5)", 0, "a.txt", "a");
        git.writeFile(".gov/prs/9.json", "{\"number\": 9, \"reviews\": [{\"user\": {\"login\": \"bob\"}, \"state\": \"APPROVED\"}]}");

        assertThat(facts().facts()).containsExactly(only());
    }

    @Test
    void malformed_record_fails_the_read_with_file_and_line() throws Exception {
        git.commit("main", "Fix ledger (#5)", 0, "a.txt", "a");
        git.writeFile(".gov/prs/5.json", "{\n\"number\": \"five\"\n}");

        assertThatThrownBy(this::facts)
                .isInstanceOf(GovernanceException.class)
                .hasMessage(".gov/prs/5.json:2: bad number 'five' for number: use a whole number of at least 1");
    }

    @Test
    void two_records_of_one_pull_request_are_an_error() throws Exception {
        git.commit("main", "Fix ledger (#5)", 0, "a.txt", "a");
        git.writeFile(".gov/prs/a.json", "{\"number\": 5}");
        git.writeFile(".gov/prs/b.json", "[\n{\"number\": 5}]");

        assertThatThrownBy(this::facts)
                .isInstanceOf(GovernanceException.class)
                .hasMessage(".gov/prs/b.json:2: PR #5 is also recorded at .gov/prs/a.json:1: keep one record per pull request");
    }

    @Test
    void facts_name_the_repository_head_and_branch() throws Exception {
        ObjectId head = git.commit("main", "Fix ledger (#5)", 0, "a.txt", "a");

        assertThat(facts().repository()).isEqualTo(new Facts.Origin(head.name(), "main"));
    }

    @Test
    void no_repository_gives_no_facts() {
        assertThat(new GitFactSource().read(new FactContext(null, null, null, NOW, Policy.defaults()))).isEqualTo(Facts.empty());
    }

    @Test
    void service_loader_finds_the_git_source() {
        List<String> found = ServiceLoader.load(FactSource.class).stream().map(p -> p.type().getName()).toList();

        assertThat(found).contains(GitFactSource.class.getName());
    }
}
