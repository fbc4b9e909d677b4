package dev.governor.packs.change;

import dev.governor.api.Adr;
import java.util.regex.Pattern;

/**
 * Whether an ADR's text names a path: the path itself, or a directory above it at least two levels deep
 * ({@code services/billing}, not {@code src}: a top-level name is in every ADR's text and would cover everything).
 */
final class CoveringText {

    private CoveringText() {
    }

    /** The path or directory the ADR's title, decision or reason names, the deepest first; {@code null} if none. */
    static String mentioned(Adr adr, String path) {
        String text = String.join("\n", nonNull(adr.title()), nonNull(adr.decision()), nonNull(adr.reason()));
        if (text.isBlank()) {
            return null;
        }
        for (String candidate = path; candidate.indexOf('/') > 0; candidate = candidate.substring(0, candidate.lastIndexOf('/'))) {
            // the name standing alone: not part of a longer path or word ("src/pay" is not in "src/payroll")
            Pattern named = Pattern.compile("(?<![\\w./-])" + Pattern.quote(candidate) + "(?![\\w-]|\\.\\w)");
            if (named.matcher(text).find()) {
                return candidate;
            }
        }
        return null;
    }

    /** The decision's first sentence, at most 160 characters: enough to know what was decided. */
    static String firstSentence(String decision) {
        String flat = decision.strip().replaceAll("\\s+", " ");
        int end = flat.indexOf(". ");
        String first = end > 0 ? flat.substring(0, end + 1) : flat;
        return first.length() <= 160 ? first : first.substring(0, 157) + "...";
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
