package dev.governor.adapters.git;

import dev.governor.api.Trailer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrailersTest {

    @Test
    void last_paragraph_of_key_value_lines_is_the_trailer_block() {
        assertThat(Trailers.parse("Fix ledger\n\nRounding was off.\n\nChange-Type: tactical-fix\nRisk: low\n"))
                .containsExactly(new Trailer("Change-Type", "tactical-fix"), new Trailer("Risk", "low"));
    }

    @Test
    void key_value_lines_in_an_earlier_paragraph_are_not_trailers() {
        assertThat(Trailers.parse("Fix ledger\n\nChange-Type: tactical-fix\n\nJust some closing words.")).isEmpty();
    }

    @Test
    void a_subject_alone_has_no_trailers() {
        assertThat(Trailers.parse("Change-Type: feature")).isEmpty();
    }

    @Test
    void paragraph_mixing_prose_and_trailers_is_no_trailer_block() {
        assertThat(Trailers.parse("Fix\n\nSee the notes below.\nRisk: low")).isEmpty();
    }

    @Test
    void continuation_lines_join_the_trailer_value() {
        assertThat(Trailers.parse("Fix\n\nIntent: make rounding\n  match the bank's\nRisk: low"))
                .containsExactly(new Trailer("Intent", "make rounding match the bank's"), new Trailer("Risk", "low"));
    }

    @Test
    void keys_are_kept_as_written_and_compare_case_insensitively() {
        Trailer t = Trailers.parse("Fix\n\nchange-TYPE: feature").get(0);

        assertThat(t).isEqualTo(new Trailer("change-TYPE", "feature"));
        assertThat(t.is("Change-Type")).isTrue();
    }

    @Test
    void signed_off_by_lets_a_quarter_of_trailer_lines_make_a_block() {
        assertThat(Trailers.parse("Fix\n\nsome prose here\nmore prose\nSigned-off-by: Ann <ann@example.com>\nRisk: low"))
                .containsExactly(new Trailer("Signed-off-by", "Ann <ann@example.com>"), new Trailer("Risk", "low"));
    }

    @Test
    void signed_off_by_does_not_rescue_a_mostly_prose_paragraph() {
        assertThat(Trailers.parse("Fix\n\none\ntwo\nthree\nfour\nSigned-off-by: Ann <ann@example.com>")).isEmpty();
    }

    @Test
    void cherry_picked_line_counts_as_git_generated_but_is_no_trailer() {
        assertThat(Trailers.parse("Fix\n\n(cherry picked from commit 0123456789abcdef)\nRisk: high"))
                .containsExactly(new Trailer("Risk", "high"));
    }

    @Test
    void trailing_blank_lines_and_crlf_are_ignored() {
        assertThat(Trailers.parse("Fix\r\n\r\nRisk: low\r\n\r\n\r\n")).containsExactly(new Trailer("Risk", "low"));
    }

    @Test
    void spaces_around_the_separator_are_allowed() {
        assertThat(Trailers.parse("Fix\n\nRisk :  medium  ")).containsExactly(new Trailer("Risk", "medium"));
    }

    @Test
    void key_with_a_space_is_no_trailer() {
        assertThat(Trailers.parse("Fix\n\nBlast radius: small")).isEmpty();
    }

    @Test
    void revert_sentence_names_the_reverted_commit_in_lower_case() {
        assertThat(Trailers.revertedCommit("Revert \"x\"\n\nThis reverts commit ABCDEF1234567.")).isEqualTo("abcdef1234567");
    }

    @Test
    void no_message_has_no_trailers() {
        assertThat(Trailers.parse(null)).isEmpty();
        assertThat(Trailers.parse("")).isEmpty();
        assertThat(Trailers.parse("\n \n\t\n")).isEmpty();
    }

    @Test
    void a_lone_carriage_return_ends_a_line() {
        assertThat(Trailers.parse("Fix\r\rRisk: low\rIntent: x")).containsExactly(new Trailer("Risk", "low"),
                new Trailer("Intent", "x"));
    }

    @Test
    void a_continuation_after_prose_counts_as_prose() {
        assertThat(Trailers.parse("Fix\n\nprose line\n  continued\nRisk: low")).isEmpty();
    }

    @Test
    void a_quarter_of_trailer_lines_is_just_enough_with_a_git_generated_one() {
        assertThat(Trailers.parse("Fix\n\none\ntwo\nthree\nSigned-off-by: Ann <ann@example.com>"))
                .containsExactly(new Trailer("Signed-off-by", "Ann <ann@example.com>"));
    }

    @Test
    void prose_without_a_git_generated_line_is_never_a_trailer_block() {
        assertThat(Trailers.parse("Fix\n\none line of prose\nRisk: low\nIntent: x\nADR: 3\nRollout: flag")).isEmpty();
    }

    @Test
    void a_cherry_pick_line_counts_toward_the_quarter_of_trailer_lines() {
        // two of six lines: a trailer block only if the cherry-pick line counts as a trailer line
        assertThat(Trailers.parse("Fix\n\n(cherry picked from commit 0123456789abcdef)\nRisk: high\none\ntwo\nthree\nfour"))
                .containsExactly(new Trailer("Risk", "high"));
    }

    @Test
    void an_indented_first_line_of_a_block_belongs_to_no_trailer() {
        assertThat(Trailers.parse("Fix\n\n  indented\nSigned-off-by: Ann <ann@example.com>\nRisk: low"))
                .containsExactly(new Trailer("Signed-off-by", "Ann <ann@example.com>"), new Trailer("Risk", "low"));
    }

    @Test
    void an_empty_value_continued_takes_the_continuation_alone() {
        assertThat(Trailers.parse("Fix\n\nIntent:\n   split billing\nRisk: low"))
                .containsExactly(new Trailer("Intent", "split billing"), new Trailer("Risk", "low"));
    }

    @Test
    void prose_in_a_git_generated_block_is_skipped_and_ends_the_trailer_before_it() {
        assertThat(Trailers.parse("Fix\n\nRisk: low\nsome words\nSigned-off-by: Ann <ann@example.com>"))
                .containsExactly(new Trailer("Risk", "low"), new Trailer("Signed-off-by", "Ann <ann@example.com>"));
    }

    @Test
    void a_key_must_start_with_a_letter_or_digit() {
        assertThat(Trailers.parse("Fix\n\n-Risk: low")).isEmpty();
        assertThat(Trailers.parse("Fix\n\n2fa: on")).containsExactly(new Trailer("2fa", "on"));
    }

    @Test
    void no_revert_sentence_names_no_commit() {
        assertThat(Trailers.revertedCommit(null)).isNull();
        assertThat(Trailers.revertedCommit("Revert \"x\"")).isNull();
        assertThat(Trailers.revertedCommit("This reverts commit abc12.")).isNull();
    }

    @Test
    void a_message_of_one_paragraph_after_blank_lines_is_all_title() {
        assertThat(Trailers.parse("\n\nRisk: low")).isEmpty();
    }
}
