package dev.governor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void days_hours_and_weeks_are_read_in_the_short_form() {
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("36h")).isEqualTo(Duration.ofHours(36));
        assertThat(Durations.parse("2w")).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void iso_8601_durations_are_read_including_weeks_and_minutes() {
        assertThat(Durations.parse("P7D")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("PT36H")).isEqualTo(Duration.ofHours(36));
        assertThat(Durations.parse("P1DT12H")).isEqualTo(Duration.ofHours(36));
        assertThat(Durations.parse("PT90M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("P2W")).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void words_are_refused_with_the_forms_that_work() {
        assertThatThrownBy(() -> Durations.parse("7 days"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad duration '7 days': use 7d, 36h, 2w or ISO-8601 like P7D");
    }

    @Test
    void an_unknown_unit_is_refused() {
        assertThatThrownBy(() -> Durations.parse("7y"))
                .hasMessage("bad duration '7y': use 7d, 36h, 2w or ISO-8601 like P7D");
    }

    @Test
    void m_is_refused_because_it_could_mean_minutes_or_months() {
        assertThatThrownBy(() -> Durations.parse("90m"))
                .hasMessage("bad duration '90m': 'm' could mean minutes or months: use PT90M for minutes"
                        + " or 2700d for months");
    }

    @Test
    void iso_months_are_refused_because_they_have_no_fixed_length() {
        assertThatThrownBy(() -> Durations.parse("P1M"))
                .hasMessage("bad duration 'P1M': months and years have no fixed length: use days, like P30D");
    }

    @Test
    void zero_is_refused() {
        assertThatThrownBy(() -> Durations.parse("0d"))
                .hasMessage("bad duration '0d': it must be longer than zero, like 7d");
    }

    @Test
    void a_negative_iso_duration_is_refused() {
        assertThatThrownBy(() -> Durations.parse("PT-5H"))
                .hasMessage("bad duration 'PT-5H': it must be longer than zero, like 7d");
    }

    @Test
    void more_than_a_hundred_years_is_refused_before_date_arithmetic_can_overflow() {
        assertThatThrownBy(() -> Durations.parse("999999999999w"))
                .hasMessage("bad duration '999999999999w': use at most 36500d (100 years)");
        assertThatThrownBy(() -> Durations.parse("P36501D"))
                .hasMessage("bad duration 'P36501D': use at most 36500d (100 years)");
    }

    @Test
    void a_missing_duration_is_refused() {
        assertThatThrownBy(() -> Durations.parse(null))
                .hasMessage("missing duration: use 7d, 36h, 2w or ISO-8601 like P7D");
    }
}
