package dev.governor.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void a_policy_is_bounded_to_one_mebibyte_twenty_aliases_and_twenty_levels() {
        assertThat(Limits.POLICY).isEqualTo(new Limits(1_048_576, 20, 20));
    }

    @Test
    void records_are_bounded_to_256_mebibytes_twenty_aliases_and_64_levels() {
        assertThat(Limits.RECORDS).isEqualTo(new Limits(268_435_456, 20, 64));
    }

    @Test
    void the_smallest_limits_are_allowed() {
        assertThat(new Limits(1, 0, 1)).isEqualTo(new Limits(1, 0, 1));
        assertThat(new Limits(Limits.MAX_ARRAY, 0, 1).maxBytes()).isEqualTo(Integer.MAX_VALUE - 16);
    }

    @Test
    void zero_bytes_is_refused() {
        assertThatThrownBy(() -> new Limits(0, 20, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBytes must be from 1 to 2147483631, was 0");
    }

    @Test
    void more_bytes_than_an_array_holds_is_refused() {
        assertThatThrownBy(() -> new Limits(Limits.MAX_ARRAY + 1, 20, 20))
                .hasMessage("maxBytes must be from 1 to 2147483631, was 2147483632");
    }

    @Test
    void negative_aliases_are_refused() {
        assertThatThrownBy(() -> new Limits(1, -1, 20)).hasMessage("maxAliases must be at least 0, was -1");
    }

    @Test
    void a_depth_below_one_is_refused() {
        assertThatThrownBy(() -> new Limits(1, 0, 0)).hasMessage("maxDepth must be at least 1, was 0");
    }

    @Test
    void the_size_is_said_in_the_largest_whole_unit() {
        assertThat(Limits.POLICY.size()).isEqualTo("1 MiB");
        assertThat(Limits.RECORDS.size()).isEqualTo("256 MiB");
        assertThat(new Limits(64 * 1024, 0, 1).size()).isEqualTo("64 KiB");
        assertThat(new Limits(1000, 0, 1).size()).isEqualTo("1000 bytes");
        assertThat(new Limits(1024 * 1024 + 1024, 0, 1).size()).isEqualTo("1025 KiB");
    }
}
