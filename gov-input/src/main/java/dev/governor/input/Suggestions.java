package dev.governor.input;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for misspelt keys and rule ids, by edit distance ignoring case. One place for the
 * policy loader, {@code gov explain} and the test assertions, so they suggest alike.
 *
 * <pre>{@code
 * Suggestions.closest("windw", List.of("count", "window", "scope"))  // "window"
 * Suggestions.closest("colour", List.of("count", "window", "scope")) // null: nothing is close
 * }</pre>
 */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate closest to {@code word}, or {@code null} when none is close enough to be a typo:
     * at most one edit for words of up to four letters, two for longer ones. Ties go to the earlier candidate.
     */
    public static String closest(String word, List<String> candidates) {
        return closest(word, candidates, word.length() <= 4 ? 1 : 2);
    }

    /**
     * The candidate at most {@code allowed} edits from {@code word} with the fewest edits, or {@code null};
     * ties go to the earlier candidate in iteration order.
     */
    public static String closest(String word, Collection<String> candidates, int allowed) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            if (Math.abs(w.length() - c.length()) > allowed) {
                continue; // cannot be within reach: skip the table
            }
            int d = distance(w, c);
            if (d <= allowed && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
