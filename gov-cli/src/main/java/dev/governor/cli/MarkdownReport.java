package dev.governor.cli;

import dev.governor.Report;
import dev.governor.api.Finding;
import dev.governor.api.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gov check --format markdown}: a pull request comment. The verdict comes first, then the blocking
 * findings with what to do about each, then the rest folded in a {@code <details>} block. As in text, a rule
 * with more than a few findings shows its first ones and one row for the rest, which keeps the comment well
 * under the size a code host accepts (GitHub's is 65,536 characters). Text from findings is escaped so that a
 * message can neither break the table nor inject HTML into the comment.
 *
 * <pre>
 * ## :x: Governor: 1 blocking finding
 *
 * 1 blocking, 2 warnings, 0 info · layers: intent … · 5 changes
 *
 * | rule | subject | finding | what to do |
 * | --- | --- | --- | --- |
 * | `intent.tactical-hotspot` | `src/pay/Ledger.java` | 3 tactical fixes within 7d … | merge a change … |
 *
 * &lt;details&gt;&lt;summary&gt;2 warnings, 0 info&lt;/summary&gt;
 * …
 * </pre>
 */
final class MarkdownReport {
    private static final String HEAD = "| rule | subject | finding | what to do |\n| --- | --- | --- | --- |\n";

    private MarkdownReport() {
    }

    static String render(Report report, RuleCatalog rules, int perRule) {
        StringWriter out = new StringWriter();
        try {
            write(report, rules, perRule, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the comment to {@code out} (not flushed, not closed). */
    static void write(Report report, RuleCatalog rules, int perRule, Writer out) throws IOException {
        List<Finding> blocking = new ArrayList<>();
        List<Finding> rest = new ArrayList<>();
        for (Finding f : report.findings()) {
            (f.isBlocking() ? blocking : rest).add(f);
        }
        int n = blocking.size();
        out.write(n > 0
                ? "## :x: Governor: " + TextReport.number(n) + (n == 1 ? " blocking finding" : " blocking findings") + "\n\n"
                : "## :white_check_mark: Governor: nothing blocking\n\n");
        out.write(cell(TextReport.summary(report)) + "\n\n");
        if (report.shallow()) {
            out.write("> [!WARNING]\n> " + cell(TextReport.SHALLOW.substring("warning: ".length())) + "\n\n");
        }
        if (!blocking.isEmpty()) {
            out.write(HEAD);
            rows(blocking, rules, perRule, out);
            out.write("\n");
        }
        if (!rest.isEmpty()) {
            int warnings = report.count(Severity.WARNING);
            out.write("<details><summary>" + TextReport.number(warnings) + (warnings == 1 ? " warning, " : " warnings, ")
                    + TextReport.number(report.count(Severity.INFO)) + " info</summary>\n\n");
            out.write(HEAD);
            rows(rest, rules, perRule, out);
            out.write("\n</details>\n\n");
        }
        if (!report.staleInBaseline().isEmpty()) {
            int stale = report.staleInBaseline().size();
            out.write(TextReport.number(stale) + (stale == 1 ? " baseline entry is" : " baseline entries are")
                    + " stale (fixed): `gov check --update-baseline` drops them.\n\n");
        }
        String at = report.repository() != null && !report.repository().head().isEmpty()
                ? " at `" + report.repository().head().substring(0, Math.min(12, report.repository().head().length()))
                        + "` (" + cell(report.repository().branch()) + ")" : "";
        out.write("<sub>Governor " + dev.governor.Version.TOOL + " · evaluated " + TextReport.instant(report.evaluatedAt())
                + at + " · `gov explain RULE` says what a rule checks</sub>\n");
    }

    private static void rows(List<Finding> findings, RuleCatalog rules, int perRule, Writer out) throws IOException {
        int i = 0;
        while (i < findings.size()) {
            String rule = findings.get(i).ruleId();
            int end = i;
            while (end < findings.size() && findings.get(end).ruleId().equals(rule)) {
                end++;
            }
            int shown = perRule <= 0 ? end - i : Math.min(perRule, end - i);
            for (int k = i; k < i + shown; k++) {
                Finding f = findings.get(k);
                String next = rules.next(f);
                out.write("| " + code(f.ruleId()) + " | " + code(TextReport.subject(f.subject())) + " | "
                        + cell(f.message()) + " | " + (next == null ? "" : cell(next)) + " |\n");
            }
            int more = end - i - shown;
            if (more > 0) {
                out.write("| " + code(rule) + " | … and " + TextReport.number(more) + " more | | "
                        + cell(rules.nextForMany(rule)) + " |\n");
            }
            i = end;
        }
    }

    /**
     * Text in a table cell: one line, HTML special characters as entities (no markup from a commit message
     * reaches the comment), and the characters that would end the cell or start Markdown syntax escaped.
     */
    static String cell(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '|', '\\', '`', '*', '_', '[', ']' -> s.append('\\').append(c);
                case '\n', '\r' -> s.append(' ');
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** A rule id or subject as code; one holding a backtick or a pipe as escaped text instead. */
    static String code(String text) {
        if (text.indexOf('`') >= 0 || text.indexOf('|') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return cell(text);
        }
        return "`" + text + "`";
    }
}
