package dev.governor.adapters.git;

import dev.governor.api.Change;
import dev.governor.api.ChangeType;
import dev.governor.api.Trailer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangesTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void merge_pull_request_number_ends_at_a_word_boundary() {
        assertThat(Changes.id("Merge pull request #42 from acme/x", SHA)).isEqualTo("#42");
        assertThat(Changes.id("Merge pull request #42abc", SHA)).isEqualTo("0123456789ab");
    }

    @Test
    void squash_number_must_close_the_subject() {
        assertThat(Changes.id("Fix (#12)  ", SHA)).isEqualTo("#12");
        assertThat(Changes.id("Fix (#12) later", SHA)).isEqualTo("0123456789ab");
        assertThat(Changes.id("Fix (#)", SHA)).isEqualTo("0123456789ab");
    }

    @Test
    void conventional_types_map_to_change_types() {
        assertThat(Changes.conventionalType("perf: faster")).isEqualTo(ChangeType.TECH_DEBT);
        assertThat(Changes.conventionalType("build(deps): bump")).isEqualTo(ChangeType.TECH_DEBT);
        assertThat(Changes.conventionalType("refactor!: split")).isEqualTo(ChangeType.TECH_DEBT);
        assertThat(Changes.conventionalType("docs: readme")).isNull();
        assertThat(Changes.conventionalType("fix:no space")).isNull();
    }

    @Test
    void a_merge_pull_request_subject_needs_digits() {
        assertThat(Changes.isMergePullRequest("Merge pull request #")).isFalse();
        assertThat(Changes.isMergePullRequest("Merge pull request #x")).isFalse();
        assertThat(Changes.isMergePullRequest("Merge pull request #12")).isTrue();
        assertThat(Changes.isMergePullRequest("Merge pull request #12 from acme/x")).isTrue();
        assertThat(Changes.isMergePullRequest("Merge pull request #12-fix")).isTrue();
        assertThat(Changes.isMergePullRequest("Merge pull request #12a")).isFalse();
        assertThat(Changes.isMergePullRequest("merge pull request #12")).isFalse();
        assertThat(Changes.number("Merge pull request #12")).isEqualTo("#12");
    }

    @Test
    void a_squash_number_must_be_digits_in_parentheses_at_the_end() {
        assertThat(Changes.number("Fix (#7)")).isEqualTo("#7");
        assertThat(Changes.number("(#7)")).isEqualTo("#7");
        assertThat(Changes.number("Fix (#7a)")).isNull();
        assertThat(Changes.number("Fix #7)")).isNull();
        assertThat(Changes.number("Fix (#7")).isNull();
        assertThat(Changes.number("Fix (see #7) (#8)")).isEqualTo("#8");
        assertThat(Changes.number("Fix")).isNull();
    }

    @Test
    void the_merge_title_is_the_first_line_of_the_body() {
        String subject = "Merge pull request #7 from acme/x";

        assertThat(Changes.mergeTitle(subject, subject + "\n\nfix: round\n\nmore")).isEqualTo("fix: round");
        assertThat(Changes.mergeTitle(subject, subject + "\r\n\r\n\r\n  feat: add  \r\nmore")).isEqualTo("feat: add");
        assertThat(Changes.mergeTitle(subject, subject + "\ncontinued subject\n\nfix: round")).isEqualTo("fix: round");
        assertThat(Changes.mergeTitle(subject, subject)).isNull();
        assertThat(Changes.mergeTitle(subject, subject + "\n\n")).isNull();
        assertThat(Changes.mergeTitle("Merge branch 'x'", "Merge branch 'x'\n\nfix: round")).isNull();
    }

    @Test
    void every_conventional_type_maps_as_the_spec_says() {
        assertThat(Changes.conventionalType("fix: a")).isEqualTo(ChangeType.TACTICAL_FIX);
        assertThat(Changes.conventionalType("FIX(x): a")).isEqualTo(ChangeType.TACTICAL_FIX);
        assertThat(Changes.conventionalType("feat: a")).isEqualTo(ChangeType.FEATURE);
        assertThat(Changes.conventionalType("chore: a")).isEqualTo(ChangeType.TECH_DEBT);
        assertThat(Changes.conventionalType("refactor: a")).isEqualTo(ChangeType.TECH_DEBT);
        assertThat(Changes.conventionalType("test: a")).isNull();
        assertThat(Changes.conventionalType("fix a")).isNull();
    }

    @Test
    void the_abbreviated_sha_has_twelve_digits() {
        assertThat(Changes.abbreviate(SHA)).isEqualTo("0123456789ab");
    }

    private static final CommitData.Merged SIDE_TRAILER =
            new CommitData.Merged("side@example.com", List.of(new Trailer("Reverts", "#3")), "cccccccc", 300);
    private static final CommitData.Merged SIDE_MESSAGE = new CommitData.Merged("older@example.com", List.of(), "dddddddd", 200);

    private static Change change(List<Trailer> trailers, String reverts, List<CommitData.Merged> merged) {
        CommitData c = new CommitData(SHA, 1000, "dev@example.com", "Merge pull request #9 from acme/x", null, trailers,
                reverts, List.of(), merged, 1000);
        return Changes.change(c, "#9", 0, null, true);
    }

    @Test
    void what_a_change_reverts_is_taken_from_the_first_source_that_says() {
        List<Trailer> own = List.of(new Trailer("Reverts", "#1"));

        assertThat(change(own, "aaaaaaaa", List.of(SIDE_TRAILER)).reverts()).isEqualTo("#1");
        assertThat(change(List.of(), "aaaaaaaa", List.of(SIDE_TRAILER)).reverts()).isEqualTo("aaaaaaaa");
        assertThat(change(List.of(), null, List.of(SIDE_TRAILER, SIDE_MESSAGE)).reverts()).isEqualTo("#3");
        assertThat(change(List.of(), null, List.of(SIDE_MESSAGE, SIDE_TRAILER)).reverts()).isEqualTo("dddddddd");
        assertThat(change(List.of(new Trailer("Reverts", " ")), null, List.of()).reverts()).isNull();
    }

    @Test
    void a_merge_is_written_by_its_newest_side_commits_author() {
        assertThat(change(List.of(), null, List.of(SIDE_TRAILER, SIDE_MESSAGE)).author()).isEqualTo("side@example.com");
        assertThat(change(List.of(), null, List.of(new CommitData.Merged(null, List.of(), null, 0))).author())
                .isEqualTo("dev@example.com");
        assertThat(change(List.of(), null, List.of()).author()).isEqualTo("dev@example.com");
    }

    @Test
    void work_on_a_merge_began_with_the_oldest_commit_of_its_merged_side() {
        assertThat(change(List.of(), null, List.of(SIDE_TRAILER, SIDE_MESSAGE)).firstCommitAt())
                .isEqualTo(Instant.ofEpochSecond(200));
        assertThat(change(List.of(), null, List.of()).firstCommitAt()).isEqualTo(Instant.ofEpochSecond(1000));
    }

    @Test
    void a_change_knows_its_position() {
        assertThat(change(List.of(), null, List.of()).position()).isZero();
    }
}
