package dev.governor.input;

import dev.governor.api.Durations;
import dev.governor.api.GovernanceException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The conversions of {@link Node}, with their messages; one place, so every reader words them alike. */
final class Conversions {
    private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]{1,10}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:.*");

    private Conversions() {
    }

    /** The path as the subject of a sentence: {@code hotspot.count}, or {@code the top level}. */
    static String where(Node node) {
        return node.path().isEmpty() ? "the top level" : node.path();
    }

    /** A key left empty, an explicit null or a blank text is a mistake, not a request for the default. */
    static void present(Node node) {
        if (node instanceof NullNode || node instanceof ScalarNode scalar && scalar.text().isBlank()) {
            String path = node.path();
            throw node.error(path.isEmpty() ? "the top level has no value: give the file its content"
                    : path + " has no value: give one or remove " + (path.endsWith("]") ? "the entry" : "the key"));
        }
    }

    /** The text of a single value; {@code expected} says what belongs there. */
    static String scalar(Node node, String expected) {
        present(node);
        if (node instanceof ScalarNode scalar) {
            return scalar.text();
        }
        throw node.error(where(node) + " must be a single value (" + expected + "), found " + node.describe());
    }

    static int whole(Node node, int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " is above max " + max);
        }
        String text = scalar(node, "a whole number");
        if (WHOLE.matcher(text).matches()) {
            long n = Long.parseLong(text);
            if (n >= min && n <= max) {
                return (int) n;
            }
        }
        throw bad(node, "number", text, max == Integer.MAX_VALUE ? "use a whole number of at least " + min
                : "use a whole number from " + min + " to " + max);
    }

    static double decimal(Node node, double min) {
        if (!Double.isFinite(min)) {
            throw new IllegalArgumentException("min must be finite, was " + min);
        }
        String text = scalar(node, "a number");
        if (DECIMAL.matcher(text).matches()) {
            double n = Double.parseDouble(text);
            if (n >= min && Double.isFinite(n)) {
                return n;
            }
        }
        BigDecimal least = BigDecimal.valueOf(min);
        throw bad(node, "number", text, "use a number of at least " + plain(least) + ", like "
                + plain(least.add(BigDecimal.valueOf(1, 1))));
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    static boolean bool(Node node) {
        String text = scalar(node, "true or false");
        return switch (text) {
            case "true", "True", "TRUE" -> true;
            case "false", "False", "FALSE" -> false;
            default -> throw bad(node, "boolean", text, "use true or false");
        };
    }

    static Duration duration(Node node) {
        String text = scalar(node, "a duration like 7d");
        try {
            return Durations.parse(text, " for " + where(node));
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    static LocalDate date(Node node) {
        String text = scalar(node, "a date like 2026-01-01");
        LocalDate date = parseDate(text);
        if (date == null) {
            throw bad(node, "date", text, "use YYYY-MM-DD, like 2026-01-01");
        }
        return date;
    }

    static Instant instant(Node node) {
        String text = scalar(node, "a time like 2026-11-02T10:00:00Z");
        LocalDate date = parseDate(text);
        if (date != null) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(node, "time", text, "use ISO-8601 like 2026-11-02T10:00:00Z, 2026-11-02T11:00:00+01:00 or 2026-11-02");
        }
    }

    /** A {@code YYYY-MM-DD} calendar date, or {@code null}. */
    private static LocalDate parseDate(String text) {
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return null; // 2026-02-30: the caller's message says what a date looks like
            }
        }
        return null;
    }

    static String relativePath(Node node) {
        String text = scalar(node, "a relative path");
        String normal = text.replace('\\', '/');
        if (normal.startsWith("/") || DRIVE.matcher(normal).matches()) {
            throw bad(node, "path", text, "use a path relative to the repository root, like docs/adr");
        }
        for (String segment : normal.split("/")) {
            if (segment.equals("..")) {
                throw bad(node, "path", text, "stay inside the repository (no '..')");
            }
        }
        return text;
    }

    static <E extends Enum<E>> E choice(Node node, String noun, Class<E> type, Function<E, String> id) {
        List<String> ids = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            ids.add(id.apply(constant));
        }
        String choices = ids.size() == 1 ? ids.get(0)
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
        String text = scalar(node, choices);
        int at = ids.indexOf(text);
        if (at < 0) {
            throw bad(node, noun, text, "use " + choices);
        }
        return type.getEnumConstants()[at];
    }

    private static GovernanceException bad(Node node, String noun, String text, String advice) {
        return node.error("bad " + noun + " '" + text + "' for " + where(node) + ": " + advice);
    }
}
