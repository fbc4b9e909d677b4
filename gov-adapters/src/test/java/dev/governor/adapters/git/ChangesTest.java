package dev.governor.adapters.git;

import dev.governor.api.ChangeType;
import org.junit.jupiter.api.Test;

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
}
