package dev.governor.cli;

import dev.governor.Report;
import dev.governor.api.Finding;
import dev.governor.api.Layer;
import dev.governor.api.Ref;
import dev.governor.api.Severity;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The human-readable report of {@code gov check}: one block per finding, blocking ones first and each
 * group in report order, then a summary.
 * Deterministic: line ends are always {@code \n}, whatever the platform.
 *
 * <pre>
 * BLOCKING  intent.tactical-hotspot  src/pay/Ledger.java
 *     3 tactical fixes within 7 days (#412, #418, #421)
 *     evidence: change #412 2026-11-02T10:00:00Z
 *               change #418 2026-11-04T10:00:00Z
 *     change: #421 at 2026-11-06T10:00:00Z
 *
 * 1 blocking, 0 warnings, 0 info · layers: intent, contract, change, release, learning · 12 changes
 * </pre>
 */
final class TextReport {
    private static final String INDENT = "    ";
    private static final String EVIDENCE = "evidence: ";

    private TextReport() {
    }

    /** Says so in every text report of a shallow clone, and what to fetch instead. */
    static final String SHALLOW = "warning: the history is a shallow clone: its oldest commit's files are unknown and"
            + " nothing before it is governed; fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in"
            + " GitHub Actions' checkout)";

    static String render(Report report) {
        StringBuilder out = new StringBuilder();
        // blocking findings first: what fails the check must not scroll away behind thousands of warnings
        List<Finding> ordered = new ArrayList<>(report.blocking());
        report.findings().stream().filter(f -> !f.isBlocking()).forEach(ordered::add);
        for (Finding f : ordered) {
            out.append(pad(f.severity().name(), 8)).append("  ").append(f.ruleId()).append("  ")
                    .append(subject(f.subject())).append('\n');
            out.append(INDENT).append(oneLine(f.message())).append('\n');
            List<Ref> evidence = f.evidence();
            for (int i = 0; i < evidence.size(); i++) {
                out.append(INDENT).append(i == 0 ? EVIDENCE : " ".repeat(EVIDENCE.length()))
                        .append(ref(evidence.get(i))).append('\n');
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
        if (report.shallow()) {
            out.append(SHALLOW).append('\n');
        }
        out.append(summary(report)).append('\n');
        return out.toString();
    }

    /** {@code 2 blocking, 1 warning, 0 info · layers: intent, change · 123 changes}. */
    static String summary(Report report) {
        int warnings = report.count(Severity.WARNING);
        List<String> layers = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            if (report.layers().contains(layer)) {
                layers.add(layer.id());
            }
        }
        int changes = report.factCounts().getOrDefault("changes", 0);
        return report.count(Severity.BLOCKING) + " blocking, "
                + warnings + (warnings == 1 ? " warning, " : " warnings, ")
                + report.count(Severity.INFO) + " info"
                + (report.suppressedByBaseline() > 0 ? ", " + report.suppressedByBaseline() + " suppressed by baseline" : "")
                + " · layers: " + (layers.isEmpty() ? "none" : String.join(", ", layers))
                + " · " + changes + (changes == 1 ? " change" : " changes");
    }

    /** The subject in a finding's first line: kind and id only; the time follows on the change line. */
    static String subject(Ref ref) {
        return ref.kind() == Ref.Kind.FILE ? ref.id() : ref.kind().id() + " " + ref.id();
    }

    /** A reference as a reader scans it: a file as its path, anything else as kind and id, with time and detail. */
    static String ref(Ref ref) {
        StringBuilder s = new StringBuilder();
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
        return s.toString();
    }

    /** Instants as the JSON report writes them: UTC, whole seconds unless there is more. */
    static String instant(Instant at) {
        Instant t = at.getNano() == 0 ? at : at.truncatedTo(ChronoUnit.MILLIS);
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    // a message with a line break would break the layout a reader and grep rely on
    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
