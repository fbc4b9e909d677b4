package dev.governor.adapters.change;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The template fields of a pull request body (formats.md, "PR records"): Markdown sections introduced by a
 * heading of any level or a bold label ({@code **Intent**}, {@code **Intent:**}), each running to the next
 * heading or label, read with a CommonMark parser. A field whose content is empty, only HTML comments, or
 * a placeholder ({@code TBD}, {@code TODO}, {@code ?}, {@code ...}, {@code -}, {@code n/a}, {@code none}) is
 * missing.
 *
 * <pre>{@code
 * TemplateFields.of("## Intent\nSplit billing out.\n\n## Rollback\nTBD\n");
 * // {intent=Split billing out.}: Rollback is a placeholder, so it is missing
 * TemplateFields.missing("n/a");   // true
 * }</pre>
 */
public final class TemplateFields {

    /** The four fields every change must fill (rules.md, {@code change.template-field-missing}). */
    public static final List<String> REQUIRED = List.of("intent", "blast-radius", "verification", "rollback");

    private static final List<String> PLACEHOLDERS = List.of("tbd", "todo", "?", "...", "…", "-", "n/a", "none");

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("intent", "intent"),
            Map.entry("blast radius", "blast-radius"),
            Map.entry("blast-radius", "blast-radius"),
            Map.entry("verification", "verification"),
            Map.entry("verification method", "verification"),
            Map.entry("rollback", "rollback"),
            Map.entry("rollback step", "rollback"),
            Map.entry("rollback plan", "rollback"),
            Map.entry("contract change", "contract-change"),
            Map.entry("rollout", "rollout"),
            Map.entry("rollout plan", "rollout"));

    private TemplateFields() {
    }

    /**
     * The present template fields of a body by key ({@code intent}, {@code blast-radius},
     * {@code verification}, {@code rollback}, {@code contract-change}, {@code rollout}); of two sections with
     * one name, the first that is not missing wins. Never fails: any text is a body, at worst without fields.
     */
    public static Map<String, String> of(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return fields;
        }
        Markdown md = Markdown.parse(Markdown.normalize(body), name -> NAMES.containsKey(name));
        List<Markdown.Mark> marks = md.marks();
        for (int i = 0; i < marks.size(); i++) {
            String key = NAMES.get(Markdown.name(marks.get(i).label()));
            if (key == null || fields.containsKey(key)) {
                continue;
            }
            String text = Markdown.clean(md.content(i));
            if (!missing(text)) {
                fields.put(key, text);
            }
        }
        return fields;
    }

    /**
     * Whether a field's value counts as missing: empty, only HTML comments, or a placeholder (in any case,
     * with or without emphasis or a final full stop: {@code _TBD_}, {@code N/A.}).
     */
    public static boolean missing(String value) {
        if (value == null) {
            return true;
        }
        String text = Markdown.clean(value);
        if (text.isEmpty()) {
            return true;
        }
        String bare = text;
        for (int i = 0; i < 3; i++) { // _**TBD**_: peel a few layers of emphasis or code
            bare = peel(bare);
        }
        if (bare.endsWith(".") && !bare.equals("...")) {
            bare = bare.substring(0, bare.length() - 1).strip();
        }
        return bare.isEmpty() || PLACEHOLDERS.contains(bare.toLowerCase(Locale.ROOT));
    }

    private static String peel(String text) {
        for (String mark : new String[] {"**", "__", "*", "_", "`"}) {
            if (text.length() > 2 * mark.length() && text.startsWith(mark) && text.endsWith(mark)) {
                return text.substring(mark.length(), text.length() - mark.length()).strip();
            }
        }
        return text;
    }
}
