package dev.governor.adapters.change;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateFieldsTest {

    @Test
    void headings_of_any_level_introduce_fields() {
        assertThat(TemplateFields.of("## Intent\nSplit billing out.\n\n### Blast radius\nBilling only.\n"))
                .isEqualTo(Map.of("intent", "Split billing out.", "blast-radius", "Billing only."));
    }

    @Test
    void bold_labels_introduce_fields_with_or_without_colon() {
        assertThat(TemplateFields.of("**Intent:** split billing\n**Rollback**\nrevert the merge\n**Rollout**: behind a flag"))
                .isEqualTo(Map.of("intent", "split billing", "rollback", "revert the merge", "rollout", "behind a flag"));
    }

    @Test
    void bold_field_name_followed_by_text_is_a_label() {
        assertThat(TemplateFields.of("**Intent** split billing\n**Note** this is prose")).isEqualTo(Map.of("intent", "split billing\n**Note** this is prose"));
    }

    @Test
    void aliases_and_case_are_accepted() {
        assertThat(TemplateFields.of("# VERIFICATION METHOD\ncanary\n# rollback plan\nrevert\n# Rollout Plan\nflag\n# Contract change\nnone yet: additive"))
                .isEqualTo(Map.of("verification", "canary", "rollback", "revert", "rollout", "flag",
                        "contract-change", "none yet: additive"));
    }

    @Test
    void content_runs_to_the_next_heading_of_any_name() {
        assertThat(TemplateFields.of("## Intent\nline one\nline two\n## Screenshots\nlots")).isEqualTo(Map.of("intent", "line one\nline two"));
    }

    @Test
    void placeholders_and_comments_leave_a_field_missing() {
        assertThat(TemplateFields.of("## Intent\nTBD\n## Blast radius\n<!-- who is affected? -->\n## Verification\nn/a\n"
                + "## Rollback\n...\n## Rollout\n-\n## Contract change\n\n")).isEmpty();
    }

    @Test
    void comments_are_removed_from_real_content() {
        assertThat(TemplateFields.of("## Intent\n<!-- why? -->\nSplit billing.")).isEqualTo(Map.of("intent", "Split billing."));
    }

    @Test
    void headings_inside_code_fences_are_content() {
        assertThat(TemplateFields.of("## Verification\n```\n# Rollback\n```\n")).isEqualTo(Map.of("verification", "```\n# Rollback\n```"));
    }

    @Test
    void body_without_sections_has_no_fields() {
        assertThat(TemplateFields.of("Intent: this is prose, not a section")).isEmpty();
    }

    @Test
    void no_body_has_no_fields() {
        assertThat(TemplateFields.of(null)).isEmpty();
        assertThat(TemplateFields.of(" \n\t")).isEmpty();
    }

    @Test
    void a_bare_heading_ends_the_field_before_it() {
        assertThat(TemplateFields.of("## Intent\nsplit\n##\nnot part of it")).isEqualTo(Map.of("intent", "split"));
    }

    @Test
    void a_bold_line_standing_alone_ends_the_field_before_it() {
        assertThat(TemplateFields.of("## Intent\nsplit\n**Notes**\nnot part of it")).isEqualTo(Map.of("intent", "split"));
    }

    @Test
    void a_bold_label_followed_by_a_colon_ends_the_field_before_it() {
        assertThat(TemplateFields.of("## Intent\nsplit\n**Notes**: later")).isEqualTo(Map.of("intent", "split"));
    }

    @Test
    void a_bold_label_ending_in_a_colon_ends_the_field_before_it() {
        assertThat(TemplateFields.of("## Intent\nsplit\n**Notes:** later")).isEqualTo(Map.of("intent", "split"));
    }

    @Test
    void underscores_make_a_bold_label_too() {
        assertThat(TemplateFields.of("__Rollback__\nrevert")).isEqualTo(Map.of("rollback", "revert"));
    }

    @Test
    void a_setext_heading_introduces_a_field() {
        assertThat(TemplateFields.of("Intent\n======\nsplit billing\n\nRollback\n---\nrevert"))
                .isEqualTo(Map.of("intent", "split billing", "rollback", "revert"));
    }

    @Test
    void an_underlined_line_that_names_no_field_is_content() {
        assertThat(TemplateFields.of("## Intent\nsplit\nOther words\n---\nmore")).isEqualTo(Map.of("intent", "split\nOther words\n---\nmore"));
    }

    @Test
    void an_underline_as_the_last_line_is_content() {
        assertThat(TemplateFields.of("## Intent\nsplit\n---")).isEqualTo(Map.of("intent", "split\n---"));
        assertThat(TemplateFields.of("## Intent\nsplit\nRollback")).isEqualTo(Map.of("intent", "split\nRollback"));
    }

    @Test
    void the_first_section_of_a_name_wins() {
        assertThat(TemplateFields.of("## Intent\nfirst\n## Intent\nsecond")).isEqualTo(Map.of("intent", "first"));
    }

    @Test
    void an_empty_first_section_leaves_the_field_to_a_later_one() {
        assertThat(TemplateFields.of("## Intent\nTBD\n## Intent\nsecond")).isEqualTo(Map.of("intent", "second"));
    }

    @Test
    void labels_are_matched_ignoring_trailing_colons_and_runs_of_spaces() {
        assertThat(TemplateFields.of("## Blast   radius::\nbilling\n### Rollout plan ##\nflag"))
                .isEqualTo(Map.of("blast-radius", "billing", "rollout", "flag"));
    }

    @Test
    void every_placeholder_word_leaves_a_field_missing_in_any_case() {
        for (String placeholder : new String[] {"TBD", "todo", "?", "...", "-", "N/A", "None"}) {
            assertThat(TemplateFields.of("## Intent\n" + placeholder)).as(placeholder).isEmpty();
        }
        assertThat(TemplateFields.of("## Intent\nnone yet")).isEqualTo(Map.of("intent", "none yet"));
    }

    @Test
    void an_unclosed_comment_runs_to_the_end_of_its_section() {
        assertThat(TemplateFields.of("## Intent\nsplit <!-- draft\nmore\n## Rollback\nrevert"))
                .isEqualTo(Map.of("intent", "split", "rollback", "revert"));
    }

    @Test
    void crlf_and_lone_carriage_returns_end_lines() {
        assertThat(TemplateFields.of("## Intent\r\nsplit\r## Rollback\r\nrevert"))
                .isEqualTo(Map.of("intent", "split", "rollback", "revert"));
    }

    @Test
    void a_tilde_fence_also_hides_headings() {
        assertThat(TemplateFields.of("## Verification\n~~~\n## Rollback\n~~~\n## Rollout\nflag"))
                .isEqualTo(Map.of("verification", "~~~\n## Rollback\n~~~", "rollout", "flag"));
    }

    @Test
    void a_heading_indented_four_spaces_is_content() {
        assertThat(TemplateFields.of("## Intent\nsplit\n    ## Rollback\nrevert"))
                .isEqualTo(Map.of("intent", "split\n    ## Rollback\nrevert"));
    }

    @Test
    void text_before_any_heading_is_no_field() {
        assertThat(TemplateFields.of("Some intro\n## Rollback\nrevert")).isEqualTo(Map.of("rollback", "revert"));
    }
}
