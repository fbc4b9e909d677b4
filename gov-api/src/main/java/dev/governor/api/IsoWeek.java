package dev.governor.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week in UTC (rules.md: "Weeks are ISO-8601 weeks (Monday 00:00 UTC), named {@code 2026-W47}").
 * The week-based year is not always the calendar year: 2026 has 53 weeks, and 2027-W01 begins on Monday
 * 2027-01-04.
 *
 * <pre>{@code
 * IsoWeek week = IsoWeek.of(Instant.parse("2027-01-02T10:00:00Z"));   // 2026-W53
 * week.next();                                                        // 2027-W01
 * week.start();                                                       // 2026-12-28T00:00:00Z
 * IsoWeek.parse("2026-W49").ref();                                    // Ref[kind=WEEK, id=2026-W49, at=2026-11-30T00:00:00Z]
 * }</pre>
 *
 * @param year the week-based year
 * @param week the week of that year, from 1 to 52 or 53
 */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    private static final Pattern ID = Pattern.compile("(\\d{4})-W(\\d{2})");
    /** Monday 1969-12-29, the start of week index 0 (the ISO week holding 1970-01-01). */
    private static final long EPOCH_DAY_OF_WEEK_ZERO = -3;

    public IsoWeek {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("ISO week year must be between 1 and 9999, was " + year);
        }
        int weeks = weeksIn(year);
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException("week must be between 1 and " + weeks + " in " + year + ", was " + week);
        }
    }

    /** The week an instant falls in, in UTC. */
    public static IsoWeek of(Instant at) {
        return of(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    /** The week a date falls in. */
    public static IsoWeek of(LocalDate date) {
        return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The {@link #index()} of the week an instant falls in, in UTC, without building the week. */
    public static long indexOf(Instant at) {
        return Math.floorDiv(Math.floorDiv(at.getEpochSecond(), 86_400) - EPOCH_DAY_OF_WEEK_ZERO, 7);
    }

    /** The week with this index ({@link #index()}). */
    public static IsoWeek ofIndex(long index) {
        return of(LocalDate.ofEpochDay(EPOCH_DAY_OF_WEEK_ZERO + index * 7));
    }

    /**
     * A week by its name, {@code 2026-W49}.
     *
     * @throws IllegalArgumentException when the text is not such a name, or the year has no such week
     */
    public static IsoWeek parse(String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + id + "' is not an ISO week: write it like 2026-W49");
        }
        return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** How many ISO weeks a week-based year has: 52 or 53. */
    public static int weeksIn(int year) {
        return (int) LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
    }

    /** Its name: {@code 2026-W49}. */
    public String id() {
        return String.format("%04d-W%02d", year, week);
    }

    /** Its Monday. */
    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Monday 00:00 UTC: the first instant of the week. */
    public Instant start() {
        return monday().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The next Monday 00:00 UTC: the first instant after the week. */
    public Instant end() {
        return start().plus(7, ChronoUnit.DAYS);
    }

    /** Whether the instant falls in this week. */
    public boolean contains(Instant at) {
        return !at.isBefore(start()) && at.isBefore(end());
    }

    /**
     * Weeks since the week holding 1970-01-01 (which is 0): consecutive weeks have consecutive indexes, across
     * year boundaries, so rules can join "the week before" as {@code index - 1}.
     */
    public long index() {
        return Math.floorDiv(monday().toEpochDay() - EPOCH_DAY_OF_WEEK_ZERO, 7);
    }

    /** The week after this one (2026-W53 is followed by 2027-W01). */
    public IsoWeek next() {
        return ofIndex(index() + 1);
    }

    /** The week before this one. */
    public IsoWeek previous() {
        return ofIndex(index() - 1);
    }

    /** How findings refer to the week: kind {@code week}, its name, at its start. */
    public Ref ref() {
        return new Ref(Ref.Kind.WEEK, id(), start(), null);
    }

    @Override
    public int compareTo(IsoWeek other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(week, other.week);
    }

    @Override
    public String toString() {
        return id();
    }
}
