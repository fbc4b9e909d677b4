package dev.governor.adapters.change;

import dev.governor.api.Adr;
import dev.governor.api.GovernanceException;
import dev.governor.input.Format;
import dev.governor.input.Limits;
import dev.governor.input.ListNode;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.input.ScalarNode;
import dev.governor.input.StructuredInput;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one ADR file in any of the forms formats.md lists: Nygard ({@code # N. Title}, {@code ## Status},
 * {@code ## Context}, {@code ## Decision}), MADR 2 to 4 (YAML front matter {@code status}, {@code date},
 * {@code supersedes}, {@code boundary}; or MADR 2's {@code * Status:} lines; {@code ## Context and Problem
 * Statement}, {@code ## Decision Outcome}) and the three-line form ({@code # Title}, {@code ## Decision},
 * {@code ## Reason}). Never fails: what cannot be read becomes one of the ADR's {@link Adr#problems()},
 * naming its line, and the rest is still read.
 *
 * <pre>{@code
 * Adr adr = AdrReader.read("docs/adr/0007-extract-billing.md",
 *         "# 7. Extract billing\n\n## Status\n\nAccepted\n\n## Decision\n\nBilling moves out.\n\n## Reason\n\nWeekly releases.\n");
 * adr.number();   // 7
 * adr.title();    // "Extract billing"
 * adr.status();   // "accepted"
 * }</pre>
 */
public final class AdrReader {

    /** An ADR larger than this is not read: it is no three-sentence record. */
    public static final int MAX_BYTES = 1 << 20;

    /** The statuses cli.md names; any other status is the file's own word, lower-cased. */
    private static final List<String> STATUSES = List.of("proposed", "accepted", "rejected", "deprecated", "superseded");

    private static final Set<String> SECTIONS = Set.of("status", "context", "decision", "decision outcome", "reason",
            "context and problem statement", "consequences", "date", "links");

    private static final Limits FRONT_MATTER = new Limits(MAX_BYTES, 20, 16);
    private static final Pattern LEADING_DIGITS = Pattern.compile("([0-9]{1,9}).*");
    private static final Pattern NUMBERED_TITLE =
            Pattern.compile("(?i)(?:adr[-_ ]?)?#?0*[0-9]{1,9}\\s*(?:[.:)\\-–—]\\s*|\\s+)(.+)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)\\s]*)[^)]*\\)");
    private static final Pattern SUPERSEDED_BY = Pattern.compile("(?i)\\bsuper[sc]eded\\s+by\\b[:\\s]*(.*)");
    private static final Pattern SUPERSEDES = Pattern.compile("(?i)\\bsuper[sc]edes\\b[:\\s]*(.*)");
    private static final Pattern ADR_REF = Pattern.compile("(?i)\\b(?:adr[-_ ]?)?#?([0-9]{1,9})\\b");
    private static final Pattern LABEL_LINE =
            Pattern.compile("(?i)^\\s*(?:[-*+]\\s+)?(?:\\*\\*|__)?(status|date)(?:\\*\\*|__)?\\s*:\\s*(?:\\*\\*|__)?\\s*(.*)$");
    private static final Pattern DATE = Pattern.compile("([0-9]{4}-[0-9]{2}-[0-9]{2}).*");
    private static final Pattern FRONT_MATTER_END = Pattern.compile("(---|\\.\\.\\.)[ \\t]*");

    private AdrReader() {
    }

    /** Reads an ADR from its bytes; bytes that are not UTF-8 are read as far as they go, and said so. */
    public static Adr read(String path, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return new Adr(path, number(path), null, null, null, null, null, List.of(), List.of(), List.of(), null,
                    null, List.of(new Adr.Problem(0, "the file has " + bytes.length + " bytes, more than an ADR's "
                            + MAX_BYTES + ": keep an ADR to a few sentences")));
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return read(path, text);
        } catch (CharacterCodingException e) {
            Adr adr = read(path, new String(bytes, StandardCharsets.UTF_8));
            List<Adr.Problem> problems = new ArrayList<>(adr.problems());
            problems.add(0, new Adr.Problem(0, "the file is not valid UTF-8: save it as UTF-8"));
            return with(adr, problems);
        }
    }

    /** Reads an ADR from its text. */
    public static Adr read(String path, String content) {
        String text = Markdown.normalize(content);
        List<Adr.Problem> problems = new ArrayList<>();
        Parts parts = new Parts();
        String body = frontMatter(path, text, parts, problems);
        Markdown md = Markdown.parse(body, SECTIONS::contains);
        List<Markdown.Mark> marks = md.marks();
        Integer number = number(path);
        String title = null;
        for (Markdown.Mark m : marks) {
            if (m.heading()) {
                title = title(m.label(), number);
                break;
            }
        }
        // the title is the first heading; sections are the headings and labels after it
        int titleIndex = -1;
        for (int i = 0; i < marks.size(); i++) {
            if (marks.get(i).heading()) {
                titleIndex = i;
                break;
            }
        }
        String preamble = titleIndex >= 0 && titleIndex + 1 < marks.size()
                ? body.substring(marks.get(titleIndex).contentStart(), Math.max(marks.get(titleIndex).contentStart(),
                        marks.get(titleIndex + 1).start()))
                : titleIndex >= 0 ? body.substring(marks.get(titleIndex).contentStart()) : md.before(body.length());
        preamble(preamble, parts);
        String status = null;
        String decision = null;
        String reason = null;
        String context = null;
        String problem = null;
        StringBuilder links = new StringBuilder();
        for (int i = titleIndex + 1; i < marks.size(); i++) {
            String name = Markdown.name(marks.get(i).label());
            String section = marks.get(i).heading() ? md.nestedContent(i) : md.content(i);
            switch (name) {
                case "status" -> status = status == null ? section : status;
                case "decision", "decision outcome" -> decision = decision == null ? present(section) : decision;
                case "reason" -> reason = reason == null ? present(section) : reason;
                case "context" -> context = context == null ? present(section) : context;
                case "context and problem statement" -> problem = problem == null ? present(section) : problem;
                case "links" -> links.append(section).append('\n'); // MADR 2 / log4brains: "* Supersedes [x](x.md)"
                case "date" -> parts.date = parts.date != null ? parts.date : date(Markdown.clean(section), null, null);
                default -> { }
            }
        }
        if (status != null) {
            statusSection(Markdown.clean(status), parts);
        }
        for (String line : Markdown.clean(links.toString()).split("\n")) {
            supersession(line, parts);
        }
        return new Adr(path, number, title, parts.status, parts.date, decision,
                reason != null ? reason : context != null ? context : problem,
                List.copyOf(parts.supersedes), List.copyOf(parts.supersededBy), parts.removed, parts.movedTo, null,
                problems);
    }

    /** What the front matter, the preamble and the status section give. */
    private static final class Parts {
        String status;
        LocalDate date;
        final Set<String> supersedes = new LinkedHashSet<>();
        final Set<String> supersededBy = new LinkedHashSet<>();
        List<String> removed = List.of();
        String movedTo;
        boolean implied;
    }

    /** Reads the YAML front matter, if any, into {@code parts}; returns the body after it. */
    private static String frontMatter(String path, String text, Parts parts, List<Adr.Problem> problems) {
        if (!(text.startsWith("---\n") || text.equals("---") || text.startsWith("--- \n"))) {
            return text;
        }
        int lineStart = text.indexOf('\n') + 1;
        int line = 2;
        while (lineStart > 0 && lineStart <= text.length()) {
            int next = text.indexOf('\n', lineStart);
            String l = next < 0 ? text.substring(lineStart) : text.substring(lineStart, next);
            if (FRONT_MATTER_END.matcher(l).matches()) {
                String yaml = text.substring(text.indexOf('\n') + 1, lineStart);
                yaml(path, yaml, parts, problems);
                return next < 0 ? "" : text.substring(next + 1);
            }
            if (next < 0) {
                break;
            }
            lineStart = next + 1;
            line++;
        }
        problems.add(new Adr.Problem(1, "the front matter that opens here is never closed with '---': close it, or "
                + "remove this line if the file has none"));
        return text;
    }

    private static void yaml(String path, String yaml, Parts parts, List<Adr.Problem> problems) {
        MapNode map;
        try {
            // a blank first line puts the YAML's lines where they are in the file: its first is line 2
            Node root = StructuredInput.parse("\n" + yaml, Format.YAML, path, FRONT_MATTER);
            if (root instanceof ScalarNode || root instanceof ListNode) {
                problems.add(new Adr.Problem(root.line(), "the front matter must be a map of keys like 'status: accepted', "
                        + "found " + root.describe()));
                return;
            }
            if (!(root instanceof MapNode m)) {
                return; // empty front matter
            }
            map = m;
        } catch (GovernanceException e) {
            String problem = e.problem().startsWith("invalid YAML: ") ? e.problem().substring(14) : e.problem();
            problems.add(new Adr.Problem(e.line(), "the front matter is not valid YAML: " + problem));
            return;
        }
        Node status = map.opt("status");
        if (status != null) {
            try {
                statusLine(status.asString(), parts);
            } catch (GovernanceException e) {
                problems.add(new Adr.Problem(e.line(), e.problem()));
            }
        }
        Node date = map.opt("date");
        if (date != null) {
            try {
                parts.date = date(date.asString(), problems, date);
            } catch (GovernanceException e) {
                problems.add(new Adr.Problem(e.line(), e.problem()));
            }
        }
        for (String key : List.of("supersedes", "superseded-by", "superseded_by", "supersededBy")) {
            Node refs = map.opt(key);
            if (refs == null) {
                continue;
            }
            try {
                List<String> values = refs instanceof ListNode ? refs.asStrings() : List.of(refs.asString());
                for (String v : values) {
                    (key.equals("supersedes") ? parts.supersedes : parts.supersededBy).add(reference(v, v));
                }
            } catch (GovernanceException e) {
                problems.add(new Adr.Problem(e.line(), e.problem() + " (give ADR numbers, like [3, 5])"));
            }
        }
        Node boundary = map.opt("boundary");
        if (boundary != null) {
            boundary(boundary, parts, problems);
        }
    }

    private static void boundary(Node boundary, Parts parts, List<Adr.Problem> problems) {
        try {
            MapNode b = boundary.asMap().only(List.of("removed", "moved-to"));
            Node removed = b.get("removed");
            if (removed == null) {
                problems.add(new Adr.Problem(boundary.line(), "boundary has no 'removed' globs: list the paths the "
                        + "decision moved out, like removed: [\"services/billing/**\"]"));
            } else {
                parts.removed = removed instanceof ListNode ? removed.asStrings() : List.of(removed.asString());
            }
            Node movedTo = b.get("moved-to");
            if (movedTo != null) {
                parts.movedTo = movedTo.asString();
            }
        } catch (GovernanceException e) {
            problems.add(new Adr.Problem(e.line(), e.problem()));
        }
    }

    /** MADR 2's {@code * Status: accepted} and adr-tools' {@code Date: 2016-02-12} lines under the title. */
    private static void preamble(String preamble, Parts parts) {
        for (String line : Markdown.clean(preamble).split("\n")) {
            Matcher m = LABEL_LINE.matcher(line);
            if (!m.matches()) {
                supersession(line, parts); // log4brains: "- Supersedes [x](x.md)" under the status line
                continue;
            }
            String value = m.group(2).strip();
            if (m.group(1).equalsIgnoreCase("status")) {
                if (parts.status == null && !value.isEmpty()) {
                    statusLine(value, parts);
                }
            } else if (parts.date == null) {
                parts.date = date(value, null, null);
            }
        }
    }

    /** A {@code ## Status} section: its first line is the status, every line may name supersession. */
    private static void statusSection(String section, Parts parts) {
        boolean first = parts.status == null;
        for (String raw : section.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (first) {
                statusLine(line, parts);
                first = false;
            } else {
                supersession(line, parts);
            }
        }
        if (parts.implied && !parts.supersededBy.isEmpty()) {
            parts.status = "superseded";
        }
    }

    /** One status line: its word, and whom it supersedes or is superseded by. */
    private static void statusLine(String value, Parts parts) {
        String plain = words(value);
        if (!plain.isEmpty() && parts.status == null) {
            // adr-tools writes "Superceded by" and "Supercedes": the same words, misspelled
            String lower = plain.toLowerCase(Locale.ROOT).replace("superced", "supersed");
            String known = null;
            for (String s : STATUSES) {
                if (lower.startsWith(s)) {
                    known = s;
                    break;
                }
            }
            if (known == null && lower.startsWith("supersedes")) {
                // adr-tools leaves "Supersedes [3](…)" as the first line: in force, unless a later line
                // says it was superseded in turn
                known = "accepted";
                parts.implied = true;
            }
            parts.status = known != null ? known : stripEnd(lower.length() <= 40 ? lower : lower.split("\\s+")[0]);
        }
        supersession(value, parts);
    }

    private static void supersession(String line, Parts parts) {
        Matcher by = SUPERSEDED_BY.matcher(line);
        if (by.find()) {
            references(by.group(1), parts.supersededBy);
            return;
        }
        Matcher s = SUPERSEDES.matcher(line);
        if (s.find()) {
            references(s.group(1), parts.supersedes);
        }
    }

    /** The ADRs a text names: each link's target, else each ADR number in it. */
    private static void references(String text, Set<String> into) {
        Matcher link = LINK.matcher(text);
        boolean any = false;
        while (link.find()) {
            into.add(reference(link.group(2), link.group(1)));
            any = true;
        }
        if (!any) {
            Matcher n = ADR_REF.matcher(text);
            while (n.find()) {
                into.add(String.valueOf(Integer.parseInt(n.group(1))));
            }
        }
    }

    /** A reference as facts keep it: the ADR number when it gives one, else the target as written. */
    private static String reference(String target, String text) {
        String t = target.strip();
        if (t.startsWith("./")) {
            t = t.substring(2);
        }
        int hash = t.indexOf('#');
        if (hash > 0) {
            t = t.substring(0, hash);
        }
        Integer n = t.isEmpty() ? null : Adr.numberOf(t);
        if (n == null && text != null) {
            Matcher m = ADR_REF.matcher(text);
            if (m.find() && t.isEmpty()) {
                n = Integer.valueOf(m.group(1));
            }
        }
        return n != null ? String.valueOf(n) : t.isEmpty() ? text.strip() : t;
    }

    /** A date written {@code YYYY-MM-DD} (anything after it ignored); otherwise a problem, or nothing. */
    private static LocalDate date(String value, List<Adr.Problem> problems, Node at) {
        Matcher m = DATE.matcher(value.strip());
        if (m.matches()) {
            try {
                return LocalDate.parse(m.group(1));
            } catch (DateTimeParseException e) {
                // falls through to the problem below
            }
        }
        if (problems != null) {
            problems.add(new Adr.Problem(at.line(), "bad date '" + value.strip() + "': use YYYY-MM-DD, like 2026-01-01"));
        }
        return null;
    }

    /**
     * The title without its number: {@code 7. Extract billing} is {@code Extract billing}. A leading number is
     * the ADR's own only when it is the file's number or follows {@code ADR}: "3 queues, not one" keeps its 3.
     */
    static String title(String heading, Integer number) {
        String t = heading.strip();
        Matcher m = NUMBERED_TITLE.matcher(t);
        if (m.matches() && !m.group(1).isBlank()) {
            Matcher digits = Pattern.compile("[0-9]{1,9}").matcher(t);
            boolean own = digits.find() && (Integer.valueOf(digits.group()).equals(number)
                    || t.regionMatches(true, 0, "adr", 0, 3));
            if (own) {
                t = m.group(1).strip();
            }
        }
        return t.isEmpty() ? null : t;
    }

    /** The file name's leading digits, or {@code null}. */
    static Integer number(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        Matcher m = LEADING_DIGITS.matcher(name);
        return m.matches() ? Integer.valueOf(m.group(1)) : null;
    }

    /** A section's text, or {@code null} when it is empty, only comments or a placeholder. */
    private static String present(String section) {
        String text = Markdown.clean(section);
        return TemplateFields.missing(text) ? null : text;
    }

    /** A line's words without Markdown: link texts for links, no emphasis or list markers. */
    private static String words(String line) {
        String t = LINK.matcher(line).replaceAll("$1");
        t = t.replaceAll("[*_`~]", "").strip();
        t = t.replaceFirst("^[-+>]\\s+", "").strip();
        return t;
    }

    private static String stripEnd(String s) {
        String t = s.strip();
        while (!t.isEmpty() && ".,;:!".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    private static Adr with(Adr adr, List<Adr.Problem> problems) {
        return new Adr(adr.path(), adr.number(), adr.title(), adr.status(), adr.date(), adr.decision(), adr.reason(),
                adr.supersedes(), adr.supersededBy(), adr.removed(), adr.movedTo(), adr.lastChange(), problems);
    }
}
