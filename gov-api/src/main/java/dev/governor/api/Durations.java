package dev.governor.api;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and writes the durations of {@code governance.yml} ({@code hotspot.window}) and of the CLI
 * ({@code --window}, {@code --since 30d}): one home for both directions, so a duration reads the same
 * in a policy, a message and a report.
 *
 * <pre>{@code
 * Durations.parse("7d")    // PT168H
 * Durations.parse("36h")   // PT36H
 * Durations.parse("2w")    // PT336H
 * Durations.parse("P7D")   // PT168H, ISO-8601; also PT90M, P1DT12H and P2W
 * Durations.parse("90m")   // IllegalArgumentException: 'm' could mean minutes or months
 * }</pre>
 *
 * <p>Decisions: the short form takes a whole number and one of {@code h}, {@code d}, {@code w}
 * only. {@code m} is refused because it reads as minutes to some and months to others; minutes are
 * still available as ISO-8601 ({@code PT90M}). ISO months and years ({@code P1M}) are refused since
 * they have no fixed length. A duration must be longer than zero (a zero window or a {@code --since}
 * of zero means nothing) and at most 100 years (36500 days), so later date arithmetic cannot overflow.
 */
public final class Durations {
    /** Longest duration accepted: 100 years of days; beyond that it is a typo, and Instant maths overflows. */
    static final Duration MAX = Duration.ofDays(36_500);

    private static final Pattern SHORT = Pattern.compile("([0-9]{1,12})([a-zA-Z]+)");
    private static final String HINT = "use 7d, 36h, 2w or ISO-8601 like P7D";

    private Durations() {
    }

    /**
     * Parses a positive duration.
     *
     * @param text {@code 7d}, {@code 36h}, {@code 2w} or ISO-8601 such as {@code P7D} or {@code PT36H}
     * @return the duration, longer than zero and at most 36500 days
     * @throws IllegalArgumentException naming the text and the forms accepted when it is none of them
     */
    public static Duration parse(String text) {
        return parse(text, "");
    }

    /**
     * As {@link #parse(String)}, with {@code where} (such as {@code " for hotspot.window"}) placed
     * after the quoted text in the message.
     */
    public static Duration parse(String text, String where) {
        if (text == null) {
            throw new IllegalArgumentException("missing duration" + where + ": " + HINT);
        }
        String prefix = "bad duration '" + text + "'" + where + ": ";
        Duration duration;
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            duration = switch (m.group(2)) {
                case "h" -> n > MAX.toHours() ? null : Duration.ofHours(n);
                case "d" -> n > MAX.toDays() ? null : Duration.ofDays(n);
                case "w" -> n > MAX.toDays() / 7 ? null : Duration.ofDays(n * 7);
                case "m" -> throw new IllegalArgumentException(prefix
                        + "'m' could mean minutes or months: use PT" + n + "M for minutes or "
                        + (n * 30) + "d for months");
                default -> throw new IllegalArgumentException(prefix + HINT);
            };
            if (duration == null) {
                throw new IllegalArgumentException(prefix + "use at most 36500d (100 years)");
            }
        } else if (text.startsWith("P") || text.startsWith("p")) {
            duration = parseIso(text, prefix);
        } else {
            throw new IllegalArgumentException(prefix + HINT);
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(prefix + "it must be longer than zero, like 7d");
        }
        if (duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(prefix + "use at most 36500d (100 years)");
        }
        return duration;
    }

    /** A duration as policies write it: {@code 7d}, {@code 36h}, else ISO-8601 ({@code PT90M}). */
    public static String format(Duration d) {
        if (!d.isZero() && d.getNano() == 0 && d.toSeconds() % 86_400 == 0) {
            return d.toDays() + "d";
        }
        if (!d.isZero() && d.getNano() == 0 && d.toSeconds() % 3_600 == 0) {
            return d.toHours() + "h";
        }
        return d.toString();
    }

    /** ISO-8601 text of a duration, in days when it is whole days ({@code P7D}, not {@code PT168H}). */
    public static String iso(Duration d) {
        if (!d.isZero() && d.getNano() == 0 && d.toSeconds() % 86_400 == 0) {
            return "P" + d.toDays() + "D";
        }
        return d.toString();
    }

    private static Duration parseIso(String text, String prefix) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException | ArithmeticException notADuration) {
            // Duration has no weeks, months or years; Period has: take weeks, refuse the rest.
            try {
                Period period = Period.parse(text);
                if (period.getYears() != 0 || period.getMonths() != 0) {
                    throw new IllegalArgumentException(prefix
                            + "months and years have no fixed length: use days, like P30D");
                }
                return Duration.ofDays(period.getDays());
            } catch (DateTimeParseException | ArithmeticException notAPeriod) {
                throw new IllegalArgumentException(prefix + HINT, notADuration);
            }
        }
    }
}
