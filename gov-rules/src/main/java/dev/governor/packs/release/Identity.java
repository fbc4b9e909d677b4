package dev.governor.packs.release;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person as the audit trail names them: a git author's e-mail, a GitHub login, a {@code Reviewed-by}
 * trailer's {@code Name <email>}. Told apart by e-mail or login, in lower case; GitHub's no-reply addresses
 * ({@code 12345+octocat@users.noreply.github.com}) are the login they stand for.
 */
public final class Identity {
    private static final Pattern ANGLED = Pattern.compile(".*<([^>]+)>.*");
    private static final String NOREPLY = "@users.noreply.github.com";

    private Identity() {
    }

    /** The key two names of one person share, or {@code null} for no name. */
    public static String of(String who) {
        if (who == null || who.isBlank()) {
            return null;
        }
        String text = who.strip();
        Matcher m = ANGLED.matcher(text);
        if (m.matches()) {
            text = m.group(1).strip();
        }
        text = text.toLowerCase(Locale.ROOT);
        if (text.endsWith(NOREPLY)) {
            text = text.substring(0, text.length() - NOREPLY.length());
            int plus = text.indexOf('+');
            text = plus >= 0 ? text.substring(plus + 1) : text;
        }
        return text;
    }

    /** Whether two names are of one person; no name is nobody's. */
    public static boolean same(String a, String b) {
        String x = of(a);
        return x != null && x.equals(of(b));
    }
}
