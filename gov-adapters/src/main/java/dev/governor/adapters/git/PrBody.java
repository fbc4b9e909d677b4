package dev.governor.adapters.git;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the template fields of a pull request body: Markdown sections introduced by a heading (any
 * level) or a bold label ({@code **Intent**}, {@code **Intent:**}), each running to the next heading
 * or label. Hand-parsed line by line (fenced code blocks excepted), which is all the templates need.
 */
final class PrBody {

    private static final Pattern ATX_HEADING = Pattern.compile(" {0,3}#{1,6}(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile(" {0,3}(=+|-+)[ \\t]*");
    // **Label**, **Label:**, **Label**: text, __Label__ …
    private static final Pattern BOLD_LABEL = Pattern.compile(" {0,3}(\\*\\*|__)([^*_]+?)\\1[ \\t]*(:?)[ \\t]*(.*)");
    private static final Pattern FENCE = Pattern.compile(" {0,3}(```|~~~).*");
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);
    private static final List<String> PLACEHOLDERS = List.of("tbd", "todo", "?", "...", "-", "n/a", "none");

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("intent", "intent"),
            Map.entry("blast radius", "blast-radius"),
            Map.entry("verification", "verification"),
            Map.entry("verification method", "verification"),
            Map.entry("rollback", "rollback"),
            Map.entry("rollback step", "rollback"),
            Map.entry("rollback plan", "rollback"),
            Map.entry("contract change", "contract-change"),
            Map.entry("rollout", "rollout"),
            Map.entry("rollout plan", "rollout"));

    private PrBody() {
    }

    /** The present template fields by key ({@code intent}, {@code blast-radius} …), first section of a name winning. */
    static Map<String, String> fields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return fields;
        }
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        String key = null;
        StringBuilder content = new StringBuilder();
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
            }
            String label = null;
            String rest = "";
            if (!inFence) {
                Matcher heading = ATX_HEADING.matcher(line);
                Matcher bold = BOLD_LABEL.matcher(line);
                if (heading.matches()) {
                    label = heading.group(1) == null ? "" : heading.group(1);
                } else if (bold.matches() && (bold.group(4).isEmpty() || bold.group(3).equals(":")
                        || bold.group(2).strip().endsWith(":") || NAMES.containsKey(normalize(bold.group(2))))) {
                    // a bold word inside prose is no label unless it stands alone, ends in a colon or is a field name
                    label = bold.group(2);
                    rest = bold.group(4);
                } else if (i + 1 < lines.length && !line.isBlank() && SETEXT_UNDERLINE.matcher(lines[i + 1]).matches()
                        && NAMES.containsKey(normalize(line))) {
                    // a setext heading: "Intent" underlined with === or ---
                    label = line;
                    i++;
                }
            }
            if (label != null) {
                finish(fields, key, content);
                key = NAMES.get(normalize(label));
                content.setLength(0);
                content.append(rest);
            } else if (key != null) {
                content.append('\n').append(line);
            }
        }
        finish(fields, key, content);
        return fields;
    }

    private static void finish(Map<String, String> fields, String key, StringBuilder content) {
        if (key == null || fields.containsKey(key)) {
            return;
        }
        String text = HTML_COMMENT.matcher(content).replaceAll("").strip();
        if (text.isEmpty() || PLACEHOLDERS.contains(text.toLowerCase(Locale.ROOT))) {
            return;
        }
        fields.put(key, text);
    }

    private static String normalize(String label) {
        String l = label.strip();
        while (l.endsWith(":")) {
            l = l.substring(0, l.length() - 1).strip();
        }
        return l.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
