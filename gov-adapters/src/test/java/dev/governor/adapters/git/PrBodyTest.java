package dev.governor.adapters.git;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrBodyTest {

    @Test
    void headings_of_any_level_introduce_fields() {
        assertThat(PrBody.fields("## Intent\nSplit billing out.\n\n### Blast radius\nBilling only.\n"))
                .isEqualTo(Map.of("intent", "Split billing out.", "blast-radius", "Billing only."));
    }

    @Test
    void bold_labels_introduce_fields_with_or_without_colon() {
        assertThat(PrBody.fields("**Intent:** split billing\n**Rollback**\nrevert the merge\n**Rollout**: behind a flag"))
                .isEqualTo(Map.of("intent", "split billing", "rollback", "revert the merge", "rollout", "behind a flag"));
    }

    @Test
    void bold_field_name_followed_by_text_is_a_label() {
        assertThat(PrBody.fields("**Intent** split billing\n**Note** this is prose")).isEqualTo(Map.of("intent", "split billing\n**Note** this is prose"));
    }

    @Test
    void aliases_and_case_are_accepted() {
        assertThat(PrBody.fields("# VERIFICATION METHOD\ncanary\n# rollback plan\nrevert\n# Rollout Plan\nflag\n# Contract change\nnone yet: additive"))
                .isEqualTo(Map.of("verification", "canary", "rollback", "revert", "rollout", "flag",
                        "contract-change", "none yet: additive"));
    }

    @Test
    void content_runs_to_the_next_heading_of_any_name() {
        assertThat(PrBody.fields("## Intent\nline one\nline two\n## Screenshots\nlots")).isEqualTo(Map.of("intent", "line one\nline two"));
    }

    @Test
    void placeholders_and_comments_leave_a_field_missing() {
        assertThat(PrBody.fields("## Intent\nTBD\n## Blast radius\n<!-- who is affected? -->\n## Verification\nn/a\n"
                + "## Rollback\n...\n## Rollout\n-\n## Contract change\n\n")).isEmpty();
    }

    @Test
    void comments_are_removed_from_real_content() {
        assertThat(PrBody.fields("## Intent\n<!-- why? -->\nSplit billing.")).isEqualTo(Map.of("intent", "Split billing."));
    }

    @Test
    void headings_inside_code_fences_are_content() {
        assertThat(PrBody.fields("## Verification\n```\n# Rollback\n```\n")).isEqualTo(Map.of("verification", "```\n# Rollback\n```"));
    }

    @Test
    void body_without_sections_has_no_fields() {
        assertThat(PrBody.fields("Intent: this is prose, not a section")).isEmpty();
    }
}
