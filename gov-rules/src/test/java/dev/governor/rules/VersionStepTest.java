package dev.governor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.packs.contract.VersionStep;
import org.junit.jupiter.api.Test;

/** Spec versions compare as SemVer where they parse, else as dotted numbers (rules.md, "Contract"). */
class VersionStepTest {

    @Test
    void semver_versions_compare_by_precedence_and_a_new_major_is_a_major_step() {
        assertThat(VersionStep.of("1.4.2", "2.0.0")).isEqualTo(VersionStep.MAJOR);
        assertThat(VersionStep.of("1.4.2", "1.5.0")).isEqualTo(VersionStep.MINOR);
        assertThat(VersionStep.of("1.4.2", "1.4.3")).isEqualTo(VersionStep.MINOR);
        assertThat(VersionStep.of("1.4.2", "1.4.2")).isEqualTo(VersionStep.SAME);
        assertThat(VersionStep.of("2.0.0", "1.9.9")).isEqualTo(VersionStep.LOWER);
        assertThat(VersionStep.of("2.0.0-rc.1", "2.0.0")).isEqualTo(VersionStep.MINOR);
    }

    @Test
    void other_versions_compare_as_dotted_numbers_missing_parts_counting_zero() {
        assertThat(VersionStep.of("1.4", "2")).isEqualTo(VersionStep.MAJOR);
        assertThat(VersionStep.of("v1", "v1.1")).isEqualTo(VersionStep.MINOR);
        assertThat(VersionStep.of("1.4", "1.4.0")).isEqualTo(VersionStep.SAME);
        assertThat(VersionStep.of("10", "9")).isEqualTo(VersionStep.LOWER);
    }

    @Test
    void a_missing_side_or_words_that_differ_cannot_show_an_increase() {
        assertThat(VersionStep.of(null, "1.0.0")).isEqualTo(VersionStep.MISSING);
        assertThat(VersionStep.of("1.0.0", null)).isEqualTo(VersionStep.MISSING);
        assertThat(VersionStep.of("spring", "summer")).isEqualTo(VersionStep.UNCOMPARABLE);
        assertThat(VersionStep.of("spring", "spring")).isEqualTo(VersionStep.SAME);
        assertThat(VersionStep.UNCOMPARABLE.increased()).isFalse();
        assertThat(VersionStep.MINOR.increased()).isTrue();
    }
}
