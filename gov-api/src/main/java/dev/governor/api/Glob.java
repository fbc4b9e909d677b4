package dev.governor.api;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A path pattern as policies, the contract registry and ADR boundaries write them, matched against whole
 * repository paths ({@code /}-separated, no leading slash). One matcher for every layer, so that a glob
 * means the same in {@code hotspot.ignore}, {@code generated} and {@code boundary.removed}.
 *
 * <ul>
 *   <li>{@code *} matches within one path segment, {@code ?} one character of a segment, {@code [abc]} a class;</li>
 *   <li>{@code **} as a whole segment matches any number of segments, none included: {@code **}{@code /yarn.lock}
 *       matches {@code yarn.lock} and {@code web/app/yarn.lock}; {@code docs/**} everything under {@code docs/};</li>
 *   <li>anything else matches itself; a pattern without {@code **} never crosses a {@code /}.</li>
 * </ul>
 *
 * <pre>{@code
 * Glob.matches("**}{@code /pnpm-lock.yaml", "pnpm-lock.yaml")      // true
 * Glob.matches("services/*", "services/billing")        // true
 * Glob.matches("services/*", "services/billing/pom.xml") // false
 * }</pre>
 */
public final class Glob {
    private static final Map<String, Glob> CACHE = new ConcurrentHashMap<>();

    private final String pattern;
    private final Pattern regex;
    /** How this glob is matched: most policy globs are a name at any depth or a directory, matched without a regex. */
    private final Shape shape;
    /** The literal part the shape compares with: the whole pattern, the name, the suffix or {@code dir/}. */
    private final String literal;

    private enum Shape { LITERAL, NAME_AT_ANY_DEPTH, SUFFIX_AT_ANY_DEPTH, UNDER, REGEX }

    private Glob(String pattern) {
        this.pattern = pattern;
        this.regex = Pattern.compile(toRegex(pattern));
        // Matching runs for every path of every change (hotspot.ignore on a 27k-commit history was a fifth of a
        // check): the common shapes compare strings, the regex stays the definition and the fallback.
        String rest = pattern.startsWith("**/") ? pattern.substring(3) : null;
        if (isLiteral(pattern)) {
            shape = Shape.LITERAL;
            literal = pattern;
        } else if (rest != null && isLiteral(rest) && rest.indexOf('/') < 0) {
            shape = Shape.NAME_AT_ANY_DEPTH;
            literal = rest;
        } else if (rest != null && rest.startsWith("*") && isLiteral(rest.substring(1)) && rest.indexOf('/') < 0) {
            shape = Shape.SUFFIX_AT_ANY_DEPTH;
            literal = rest.substring(1);
        } else if (pattern.endsWith("/**") && isLiteral(pattern.substring(0, pattern.length() - 3))) {
            shape = Shape.UNDER;
            literal = pattern.substring(0, pattern.length() - 2);
        } else {
            shape = Shape.REGEX;
            literal = null;
        }
    }

    private static boolean isLiteral(String text) {
        return !text.isEmpty() && text.indexOf('*') < 0 && text.indexOf('?') < 0 && text.indexOf('[') < 0;
    }

    /** The compiled glob (cached: policies repeat a handful of globs over many paths). */
    public static Glob of(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (CACHE.size() > 4096) {
            CACHE.clear(); // only a bound: patterns come from policies and registries, a few dozen at most
        }
        return CACHE.computeIfAbsent(pattern, Glob::new);
    }

    /** Whether {@code path} matches {@code pattern}. */
    public static boolean matches(String pattern, String path) {
        return of(pattern).matches(path);
    }

    /** Whether {@code path} matches this glob. */
    public boolean matches(String path) {
        return switch (shape) {
            case LITERAL -> path.equals(literal);
            case NAME_AT_ANY_DEPTH -> path.endsWith(literal)
                    && (path.length() == literal.length() || path.charAt(path.length() - literal.length() - 1) == '/');
            case SUFFIX_AT_ANY_DEPTH -> path.endsWith(literal); // the suffix holds no '/': it ends the last segment
            case UNDER -> path.startsWith(literal);
            case REGEX -> regex.matcher(path).matches();
        };
    }

    /** The definition every shape must agree with (tests compare the two). */
    boolean matchesByRegex(String path) {
        return regex.matcher(path).matches();
    }

    /** The pattern as written. */
    public String pattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return pattern;
    }

    static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = glob.length();
        while (i < n) {
            char c = glob.charAt(i);
            boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
            if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*' && segmentStart
                    && (i + 2 == n || glob.charAt(i + 2) == '/')) {
                if (i + 2 == n) {
                    out.append(".*"); // trailing **: everything below
                    i += 2;
                } else {
                    out.append("(?:[^/]*/)*"); // **/: any number of directories, none included
                    i += 3;
                }
                continue;
            }
            switch (c) {
                case '*' -> out.append("[^/]*");
                case '?' -> out.append("[^/]");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        out.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, close);
                        if (body.startsWith("!")) {
                            body = "^" + body.substring(1);
                        }
                        out.append('[').append(body.replace("\\", "\\\\")).append(']');
                        i = close;
                    }
                }
                default -> out.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return out.toString();
    }
}
