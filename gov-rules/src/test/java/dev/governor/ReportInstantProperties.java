package dev.governor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Reports format instants by hand for speed: always exactly as the ISO formatter of java.time would. */
class ReportInstantProperties {

    static String iso(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.getNano() == 0 ? at : at.truncatedTo(ChronoUnit.MILLIS));
    }

    @Property
    void whole_seconds_are_formatted_as_java_time_does(
            @ForAll @LongRange(min = -40_000_000_000L, max = 300_000_000_000L) long seconds) {
        Instant at = Instant.ofEpochSecond(seconds);

        assertThat(Report.instant(at)).isEqualTo(iso(at));
    }

    @Property
    void instants_with_a_fraction_keep_milliseconds_as_java_time_does(
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long seconds,
            @ForAll @LongRange(min = 1, max = 999_999_999) long nanos) {
        Instant at = Instant.ofEpochSecond(seconds, nanos);

        assertThat(Report.instant(at)).isEqualTo(iso(at));
    }

    @Example
    void the_edges_of_four_digit_years_are_formatted_as_java_time_does() {
        for (String t : new String[] {"1000-01-01T00:00:00Z", "0999-12-31T23:59:59Z", "9999-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2026-11-02T10:00:00Z"}) {
            Instant at = Instant.parse(t);

            assertThat(Report.instant(at)).as(t).isEqualTo(iso(at));
        }
    }
}
