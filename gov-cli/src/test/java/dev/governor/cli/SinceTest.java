package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SinceTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void a_date_means_that_day_at_midnight_utc() {
        assertThat(Since.parse("2026-01-01", NOW)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void an_instant_is_taken_as_it_is() {
        assertThat(Since.parse("2026-03-04T05:06:07Z", NOW)).isEqualTo(Instant.parse("2026-03-04T05:06:07Z"));
    }

    @Test
    void a_duration_counts_back_from_the_clock() {
        assertThat(Since.parse("30d", NOW)).isEqualTo(Instant.parse("2026-10-27T12:00:00Z"));
    }

    @Test
    void an_impossible_date_names_the_forms_accepted() {
        assertThatThrownBy(() -> Since.parse("2026-02-30", NOW))
                .hasMessage("'2026-02-30' is not a date; write it like 2026-01-01 or 2026-01-01T00:00:00Z,"
                        + " or give a duration like 30d");
    }

    @Test
    void a_duration_in_weeks_counts_back_from_the_clock() {
        assertThat(Since.parse("2w", NOW)).isEqualTo(Instant.parse("2026-11-12T12:00:00Z"));
    }

    @Test
    void a_bad_duration_gets_the_policy_parser_message() {
        assertThatThrownBy(() -> Since.parse("90m", NOW))
                .hasMessage("bad duration '90m': 'm' could mean minutes or months: use PT90M for minutes or 2700d for months");
    }

    @Test
    void whole_days_print_as_days_in_iso_form() {
        assertThat(dev.governor.api.Durations.iso(Duration.ofDays(7))).isEqualTo("P7D");
        assertThat(dev.governor.api.Durations.iso(Duration.ofHours(36))).isEqualTo("PT36H");
    }
}
