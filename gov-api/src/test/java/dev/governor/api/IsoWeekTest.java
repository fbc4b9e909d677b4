package dev.governor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

    @Test
    void the_first_days_of_2027_belong_to_week_53_of_2026() {
        IsoWeek week = IsoWeek.of(Instant.parse("2027-01-03T23:59:59Z"));

        assertThat(week.id()).isEqualTo("2026-W53");
        assertThat(week.start()).isEqualTo(Instant.parse("2026-12-28T00:00:00Z"));
        assertThat(week.end()).isEqualTo(Instant.parse("2027-01-04T00:00:00Z"));
        assertThat(week.next().id()).isEqualTo("2027-W01");
        assertThat(week.previous().id()).isEqualTo("2026-W52");
        assertThat(IsoWeek.parse("2027-W01").previous()).isEqualTo(week);
    }

    @Test
    void a_week_starts_on_monday_at_midnight_utc() {
        assertThat(IsoWeek.of(Instant.parse("2026-11-29T23:59:59Z")).id()).isEqualTo("2026-W48");
        assertThat(IsoWeek.of(Instant.parse("2026-11-30T00:00:00Z")).id()).isEqualTo("2026-W49");
        assertThat(IsoWeek.parse("2026-W49").ref())
                .isEqualTo(new Ref(Ref.Kind.WEEK, "2026-W49", Instant.parse("2026-11-30T00:00:00Z"), null));
        assertThat(IsoWeek.parse("2026-W49").contains(Instant.parse("2026-12-06T23:59:59Z"))).isTrue();
        assertThat(IsoWeek.parse("2026-W49").contains(Instant.parse("2026-12-07T00:00:00Z"))).isFalse();
    }

    @Test
    void consecutive_weeks_have_consecutive_indexes_over_decades() {
        IsoWeek week = IsoWeek.parse("1969-W50");
        for (int i = 0; i < 60 * 53; i++) {
            IsoWeek next = IsoWeek.of(week.monday().plusDays(7));
            assertThat(next.index()).isEqualTo(week.index() + 1);
            assertThat(IsoWeek.ofIndex(next.index())).isEqualTo(next);
            assertThat(IsoWeek.indexOf(next.start().plusSeconds(7 * 86_400 - 1))).isEqualTo(next.index());
            week = next;
        }
        assertThat(IsoWeek.of(LocalDate.of(1970, 1, 1)).index()).isZero();
        assertThat(IsoWeek.indexOf(Instant.parse("1969-12-28T23:59:59Z"))).isEqualTo(-1);
    }

    @Test
    void years_have_52_or_53_weeks() {
        assertThat(IsoWeek.weeksIn(2026)).isEqualTo(53);
        assertThat(IsoWeek.weeksIn(2027)).isEqualTo(52);
        assertThat(IsoWeek.weeksIn(2020)).isEqualTo(53);
    }

    @Test
    void a_bad_name_says_how_to_write_one() {
        assertThatThrownBy(() -> IsoWeek.parse("2026-49")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'2026-49' is not an ISO week: write it like 2026-W49");
        assertThatThrownBy(() -> IsoWeek.parse("2027-W53")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("week must be between 1 and 52 in 2027, was 53");
    }
}
