package dev.governor.internal.policy;

import java.util.List;
import java.util.Locale;

/** "Did you mean" for misspelt keys, by edit distance ignoring case. */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate closest to {@code word}, or {@code null} when none is close enough to be a typo:
     * at most one edit for words of up to four letters, two for longer ones. Ties go to the earlier candidate.
     */
    static String closest(String word, List<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        int allowed = w.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(w, candidate.toLowerCase(Locale.ROOT));
            if (d <= allowed && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance; long words are cut off early since they cannot be typos of short keys. */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return Integer.MAX_VALUE;
        }
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
