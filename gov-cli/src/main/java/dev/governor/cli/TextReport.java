package dev.governor.cli;

import dev.governor.Baseline;
import dev.governor.Report;
import dev.governor.api.Finding;
import dev.governor.api.Layer;
import dev.governor.api.Ref;
import dev.governor.api.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The human-readable report of {@code gov check}: one block per finding, blocking ones first and each
 * group in report order, then a summary. A rule with more than a few findings shows its first ones and one
 * line for the rest, saying what to do about all of them: a first full-history run on a repository that
 * never used trailers must help, not drown its reader in 35,000 identical warnings (JSON, SARIF and JUnit
 * stay complete). Deterministic: line ends are always {@code \n}, whatever the platform.
 *
 * <pre>
 * BLOCKING  intent.tactical-hotspot  src/pay/Ledger.java
 *     3 tactical fixes within 7 days (#412, #418, #421)
 *     evidence: change #412 2026-11-02T10:00:00Z
 *               change #418 2026-11-04T10:00:00Z
 *     change: #421 at 2026-11-06T10:00:00Z
 *
 * WARNING   intent.risk-missing  change #1
 *     …
 * … and 35,000 more intent.risk-missing findings: add 'Risk: low|medium|high|critical' to each of them; or
 * leave intent out of layers: in governance.yml until you adopt it
 *
 * 1 blocking, 35,003 warnings, 0 info · layers: intent, contract, change, release, learning · 35,010 changes
 * </pre>
 */
final class TextReport {
    /** How many findings of one rule the text shows before it sums up the rest. */
    static final int DEFAULT_PER_RULE = 3;

    private static final String INDENT = "    ";
    private static final String EVIDENCE = "evidence: ";
    /** How many stale baseline entries are listed by name. */
    private static final int STALE_LISTED = 10;

    private TextReport() {
    }

    /** Says so in every text report of a shallow clone, and what to fetch instead. */
    static final String SHALLOW = "warning: the history is a shallow clone: its oldest commit's files are unknown and"
            + " nothing before it is governed; fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in"
            + " GitHub Actions' checkout)";

    /** Every finding, none summed up; for tests and embedding. */
    static String render(Report report) {
        return render(report, new RuleCatalog(List.of(), report.findings()), 0);
    }

    /**
     * The text report.
     *
     * @param perRule how many findings of a rule to show before summing up the rest; 0 shows every one
     */
    static String render(Report report, RuleCatalog rules, int perRule) {
        StringWriter out = new StringWriter();
        try {
            write(report, rules, perRule, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the text report to {@code out} as it goes (not flushed). */
    static void write(Report report, RuleCatalog rules, int perRule, Writer out) throws IOException {
        // blocking findings first: what fails the check must not scroll away behind thousands of warnings
        List<Finding> blocking = new ArrayList<>();
        List<Finding> rest = new ArrayList<>();
        for (Finding f : report.findings()) {
            (f.isBlocking() ? blocking : rest).add(f);
        }
        StringBuilder block = new StringBuilder(512);
        long hidden = writeSection(blocking, rules, perRule, out, block)
                + writeSection(rest, rules, perRule, out, block);
        if (report.shallow()) {
            out.write(SHALLOW + "\n");
        }
        out.write(summary(report) + "\n");
        if (hidden > 0) {
            out.write(number(hidden) + (hidden == 1 ? " finding" : " findings") + " not shown (at most " + perRule
                    + " a rule): --format json, sarif or junit lists every one, and --max-per-rule 0 prints them all"
                    + " here; --since 30d reports a shorter span, and since: in governance.yml (the adoption date)"
                    + " leaves older history ungoverned\n");
        }
        writeStale(report, out);
    }

    /** Writes one section's findings, a rule's beyond {@code perRule} summed up; returns how many were summed up. */
    private static long writeSection(List<Finding> findings, RuleCatalog rules, int perRule, Writer out,
                                     StringBuilder block) throws IOException {
        long hidden = 0;
        int i = 0;
        while (i < findings.size()) {
            String rule = findings.get(i).ruleId();
            int end = i;
            while (end < findings.size() && findings.get(end).ruleId().equals(rule)) {
                end++;
            }
            int shown = perRule <= 0 ? end - i : Math.min(perRule, end - i);
            for (int k = i; k < i + shown; k++) {
                block.setLength(0);
                appendFinding(findings.get(k), block);
                out.append(block);
            }
            int more = end - i - shown;
            if (more > 0) {
                out.write("… and " + number(more) + " more " + rule + (more == 1 ? " finding" : " findings") + ": "
                        + rules.nextForMany(rule) + "\n\n");
                hidden += more;
            }
            i = end;
        }
        return hidden;
    }

    private static void appendFinding(Finding f, StringBuilder out) {
        out.append(pad(f.severity().name(), 8)).append("  ").append(f.ruleId()).append("  ")
                .append(subject(f.subject())).append('\n');
        out.append(INDENT).append(oneLine(f.message())).append('\n');
        List<Ref> evidence = f.evidence();
        for (int i = 0; i < evidence.size(); i++) {
            out.append(INDENT).append(i == 0 ? EVIDENCE : " ".repeat(EVIDENCE.length()));
            ref(evidence.get(i), out);
            out.append('\n');
        }
        if (f.change() != null || f.at() != null) {
            out.append(INDENT);
            if (f.change() != null) {
                out.append("change: ").append(f.change());
                if (f.at() != null) {
                    out.append(" at ").append(instant(f.at()));
                }
            } else {
                out.append("at: ").append(instant(f.at()));
            }
            out.append('\n');
        }
        out.append('\n');
    }

    /** The stale entries of the baseline applied, a few by name, and how to drop them. */
    private static void writeStale(Report report, Writer out) throws IOException {
        List<Baseline.Entry> stale = report.staleInBaseline();
        if (stale.isEmpty()) {
            return;
        }
        out.write(number(stale.size()) + (stale.size() == 1 ? " baseline entry is" : " baseline entries are")
                + " stale (the finding no longer occurs: fixed, or its rule is off); --update-baseline drops them,"
                + " so the baseline only shrinks:\n");
        for (int i = 0; i < Math.min(STALE_LISTED, stale.size()); i++) {
            Baseline.Entry e = stale.get(i);
            out.write(INDENT + e.fingerprint() + (e.rule() != null ? " " + e.rule() : "")
                    + (e.subject() != null ? " " + e.subject() : "") + "\n");
        }
        if (stale.size() > STALE_LISTED) {
            out.write(INDENT + "… and " + number(stale.size() - STALE_LISTED) + " more\n");
        }
    }

    /**
     * {@code 2 blocking, 1 warning, 0 info · layers: intent, change · 123 changes}, with what a baseline
     * suppressed and how many of its entries are stale when one was applied.
     */
    static String summary(Report report) {
        int warnings = report.count(Severity.WARNING);
        List<String> layers = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            if (report.layers().contains(layer)) {
                layers.add(layer.id());
            }
        }
        int changes = report.factCounts().getOrDefault("changes", 0);
        int stale = report.staleInBaseline().size();
        return number(report.count(Severity.BLOCKING)) + " blocking, "
                + number(warnings) + (warnings == 1 ? " warning, " : " warnings, ")
                + number(report.count(Severity.INFO)) + " info"
                + (report.suppressedByBaseline() > 0 ? ", " + number(report.suppressedByBaseline()) + " suppressed by baseline" : "")
                + (stale > 0 ? ", " + number(stale) + " stale in baseline" : "")
                + " · layers: " + (layers.isEmpty() ? "none" : String.join(", ", layers))
                + " · " + number(changes) + (changes == 1 ? " change" : " changes");
    }

    /** A count as people read it: {@code 35,000}. */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The subject in a finding's first line: kind and id only; the time follows on the change line. */
    static String subject(Ref ref) {
        return ref.kind() == Ref.Kind.FILE ? ref.id() : ref.kind().id() + " " + ref.id();
    }

    /** A reference as a reader scans it: a file as its path, anything else as kind and id, with time and detail. */
    static String ref(Ref ref) {
        StringBuilder s = new StringBuilder();
        ref(ref, s);
        return s.toString();
    }

    private static void ref(Ref ref, StringBuilder s) {
        if (ref.kind() != Ref.Kind.FILE) {
            s.append(ref.kind().id()).append(' ');
        }
        s.append(ref.id());
        if (ref.at() != null) {
            s.append(' ').append(instant(ref.at()));
        }
        if (ref.detail() != null && !ref.detail().isBlank()) {
            s.append(" (").append(oneLine(ref.detail())).append(')');
        }
    }

    /** Instants as the JSON report writes them: UTC, whole seconds unless there is more. */
    static String instant(Instant at) {
        return Report.instant(at);
    }

    // a message with a line break would break the layout a reader and grep rely on
    static String oneLine(String text) {
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
