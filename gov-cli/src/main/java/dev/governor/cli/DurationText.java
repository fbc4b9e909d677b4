package dev.governor.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as governance.yml writes them ({@code 7d}, {@code 36h}, {@code 2w}, or ISO-8601 {@code P7D}),
 * for {@code --since} and {@code --window}.
 */
final class DurationText {
    private static final Pattern SHORT = Pattern.compile("(\\d+)([dhw])");

    private DurationText() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    static Duration parse(String text) {
        String t = text.trim();
        Matcher m = SHORT.matcher(t);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofDays(Math.multiplyExact(n, 7L));
                };
            }
            if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
                return isoDuration(t.toUpperCase(Locale.ROOT));
            }
        } catch (ArithmeticException | DateTimeParseException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration; write it like 7d, 36h, 2w or P7D");
    }

    // Duration.parse rejects weeks and date parts of more than days; P2W and P1D are both common
    private static Duration isoDuration(String t) {
        Matcher weeks = Pattern.compile("P(\\d+)W").matcher(t);
        if (weeks.matches()) {
            return Duration.ofDays(Math.multiplyExact(Long.parseLong(weeks.group(1)), 7L));
        }
        return Duration.parse(t);
    }

    /** ISO-8601 text of a duration, in days when it is whole days ({@code P7D}, not {@code PT168H}). */
    static String iso(Duration d) {
        if (!d.isZero() && d.toSeconds() % 86_400 == 0 && d.getNano() == 0) {
            return "P" + d.toDays() + "D";
        }
        return d.toString();
    }
}
