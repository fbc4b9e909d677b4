package dev.governor.cli;

import dev.governor.api.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * {@code --since}: a date ({@code 2026-01-01}, that day at 00:00 UTC), an instant, or a duration back from now
 * in the forms of governance.yml ({@code 30d}, {@code 36h}, {@code 2w}, {@code P30D}).
 */
final class Since {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Since() {
    }

    /**
     * The instant {@code text} stands for under {@code clock}.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    static Instant parse(String text, Clock clock) {
        String t = text.trim();
        try {
            if (DATE.matcher(t).matches()) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.length() > 10 && t.charAt(4) == '-' && t.indexOf('T') == 10) {
                return Instant.parse(t);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date; write it like 2026-01-01"
                    + " or 2026-01-01T00:00:00Z, or give a duration like 30d");
        }
        if (t.isEmpty() || !(Character.isDigit(t.charAt(0)) || t.charAt(0) == 'P' || t.charAt(0) == 'p')) {
            throw new IllegalArgumentException("'" + text + "' is neither a date nor a duration;"
                    + " write it like 2026-01-01, 30d, 36h, 2w or P30D");
        }
        // it looks like a duration: the parser's own message says best what is wrong with it
        Duration back = Durations.parse(t);
        return clock.instant().minus(back);
    }
}
