package dev.governor.adapters.git;

import dev.governor.api.Trailer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the trailer block of a commit message by {@code git interpret-trailers} rules: the last
 * paragraph (never the title paragraph) is a trailer block when all its lines are {@code Key: value}
 * trailers or continuation lines, or when at least a quarter of them are trailers and one is a
 * git-generated line such as {@code Signed-off-by:} or {@code (cherry picked from commit …)}.
 */
final class Trailers {

    private static final Pattern TRAILER = Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]*)[ \\t]*:[ \\t]*(.*)");
    // git recognises these prefixes as its own and then tolerates other lines in the block
    private static final String[] GIT_GENERATED = {"signed-off-by:", "(cherry picked from commit "};
    private static final Pattern REVERTS_COMMIT = Pattern.compile("This reverts commit ([0-9a-fA-F]{7,40})");

    private Trailers() {
    }

    /** The trailers of {@code message}, in order; empty when its last paragraph is no trailer block. */
    static List<Trailer> parse(String message) {
        if (message == null || message.isEmpty()) {
            return List.of();
        }
        String[] lines = message.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int end = lines.length;
        while (end > 0 && isBlank(lines[end - 1])) {
            end--;
        }
        int start = end;
        while (start > 0 && !isBlank(lines[start - 1])) {
            start--;
        }
        if (start == end || isTitleParagraph(lines, start)) {
            return List.of();
        }
        int trailerLines = 0;
        int otherLines = 0;
        boolean gitGenerated = false;
        boolean previousWasTrailer = false;
        for (int i = start; i < end; i++) {
            String line = lines[i];
            if (Character.isWhitespace(line.charAt(0))) {
                // a continuation belongs to whatever line it continues
                if (!previousWasTrailer) {
                    otherLines++;
                }
                continue;
            }
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            for (String prefix : GIT_GENERATED) {
                if (lower.startsWith(prefix)) {
                    gitGenerated = true;
                }
            }
            if (TRAILER.matcher(line).matches() || lower.startsWith(GIT_GENERATED[1])) {
                trailerLines++;
                previousWasTrailer = true;
            } else {
                otherLines++;
                previousWasTrailer = false;
            }
        }
        // every line counts as one or the other, and a git-generated line as a trailer line: a paragraph with
        // no other lines, or one vouched for by git, has trailer lines
        boolean block = otherLines == 0 || (gitGenerated && trailerLines * 3 >= otherLines);
        if (!block) {
            return List.of();
        }
        return collect(lines, start, end);
    }

    /** The SHA named by a {@code This reverts commit <sha>} sentence of the message, or {@code null}. */
    static String revertedCommit(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = REVERTS_COMMIT.matcher(message);
        return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : null;
    }

    private static List<Trailer> collect(String[] lines, int start, int end) {
        List<Trailer> out = new ArrayList<>();
        String key = null;
        StringBuilder value = null;
        for (int i = start; i < end; i++) {
            String line = lines[i];
            if (Character.isWhitespace(line.charAt(0))) {
                if (key != null) {
                    String more = line.strip();
                    if (!more.isEmpty()) {
                        value.append(value.length() == 0 ? "" : " ").append(more);
                    }
                }
                continue;
            }
            if (key != null) {
                out.add(new Trailer(key, value.toString()));
                key = null;
            }
            Matcher m = TRAILER.matcher(line);
            if (m.matches()) {
                key = m.group(1);
                value = new StringBuilder(m.group(2).strip());
            }
        }
        if (key != null) {
            out.add(new Trailer(key, value.toString()));
        }
        return out;
    }

    /** Whether the paragraph starting at {@code start} is the message's first (its title). */
    private static boolean isTitleParagraph(String[] lines, int start) {
        for (int i = 0; i < start; i++) {
            if (!isBlank(lines[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(String line) {
        return line.isBlank();
    }
}
