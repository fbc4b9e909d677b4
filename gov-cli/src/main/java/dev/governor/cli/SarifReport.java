package dev.governor.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.governor.Report;
import dev.governor.RuleInfo;
import dev.governor.Version;
import dev.governor.api.Finding;
import dev.governor.api.Layer;
import dev.governor.api.Ref;
import dev.governor.api.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gov check --format sarif}: a SARIF 2.1.0 log of one run, for GitHub code scanning and every other
 * SARIF reader. Each loaded rule is a {@code reportingDescriptor} whose help is its DRL {@code @description},
 * {@code @example} and {@code @next}; each finding is a result with its level (blocking {@code error},
 * warning {@code warning}, info {@code note}), the finding's fingerprint as {@code partialFingerprints}, and a
 * file location.
 *
 * <p>A finding about a file is located at that file; one about something else (a change, an ADR, a week) at
 * the first file of its evidence, else at the policy file that demands it ({@code governance.yml}), with a
 * logical location naming the subject: GitHub displays no result without a physical location. GitHub also
 * matches alerts across runs by {@code primaryLocationLineHash}, which it would otherwise compute from the
 * text of the line: it is set to the finding's fingerprint, so an alert neither churns with line numbers nor
 * reopens when a file's first line changes.
 */
final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The key of Governor's own fingerprint in {@code partialFingerprints}, versioned as SARIF advises. */
    static final String FINGERPRINT_KEY = "governorFingerprint/v1";

    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private SarifReport() {
    }

    static String render(Report report, RuleCatalog rules) {
        StringWriter out = new StringWriter();
        try {
            write(report, rules, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the log to {@code out} as it goes (not flushed, not closed). */
    static void write(Report report, RuleCatalog rules, Writer out) throws IOException {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        List<RuleInfo> all = rules.all();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            index.put(all.get(i).id(), i);
        }
        String anchor = anchor(report.policySource());
        try (JsonGenerator json = JSON.createGenerator(out).setPrettyPrinter(pretty)) {
            json.writeStartObject();
            json.writeStringField("$schema", SCHEMA);
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            json.writeObjectFieldStart("tool");
            json.writeObjectFieldStart("driver");
            json.writeStringField("name", "Governor");
            json.writeStringField("version", Version.TOOL);
            json.writeArrayFieldStart("rules");
            for (RuleInfo rule : all) {
                writeRule(json, rule);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("invocations");
            json.writeStartObject();
            json.writeBooleanField("executionSuccessful", true);
            json.writeStringField("endTimeUtc", TextReport.instant(report.evaluatedAt()));
            json.writeEndObject();
            json.writeEndArray();
            json.writeArrayFieldStart("results");
            // most results share a few locations (the policy file, a hot file): each path is encoded once
            Map<String, String> uris = new HashMap<>();
            for (Finding f : report.findings()) {
                writeResult(json, f, index.get(f.ruleId()), anchor, uris);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("properties");
            if (report.repository() != null) {
                json.writeStringField("head", report.repository().head());
                json.writeStringField("branch", report.repository().branch());
            }
            json.writeArrayFieldStart("layers");
            for (Layer layer : report.layers()) {
                json.writeString(layer.id());
            }
            json.writeEndArray();
            json.writeNumberField("suppressedByBaseline", report.suppressedByBaseline());
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void writeRule(JsonGenerator json, RuleInfo rule) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", rule.id());
        String description = rule.description() != null ? rule.description() : "Custom rule " + rule.id() + ".";
        json.writeObjectFieldStart("shortDescription");
        json.writeStringField("text", firstSentence(description));
        json.writeEndObject();
        json.writeObjectFieldStart("fullDescription");
        json.writeStringField("text", description);
        json.writeEndObject();
        StringBuilder text = new StringBuilder(description);
        StringBuilder markdown = new StringBuilder(description);
        if (rule.example() != null) {
            text.append("\nExample: ").append(rule.example());
            markdown.append("\n\n**Example:** ").append(rule.example());
        }
        if (rule.next() != null) {
            String next = rule.next("the subject");
            text.append("\nWhat to do: ").append(next);
            markdown.append("\n\n**What to do:** ").append(next);
        }
        if (!rule.thresholds().isEmpty()) {
            text.append("\nThresholds: ").append(String.join(", ", rule.thresholds()));
            markdown.append("\n\n**Thresholds:** `").append(String.join("`, `", rule.thresholds())).append('`');
        }
        text.append("\nMore: gov explain ").append(rule.id());
        markdown.append("\n\nMore: `gov explain ").append(rule.id()).append('`');
        json.writeObjectFieldStart("help");
        json.writeStringField("text", text.toString());
        json.writeStringField("markdown", markdown.toString());
        json.writeEndObject();
        json.writeObjectFieldStart("defaultConfiguration");
        json.writeBooleanField("enabled", rule.enabled());
        json.writeStringField("level", level(rule.severity()));
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeArrayFieldStart("tags");
        json.writeString("governance");
        json.writeString(rule.layer().id());
        json.writeEndArray();
        json.writeStringField("source", rule.source());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeResult(JsonGenerator json, Finding f, Integer ruleIndex, String anchor,
                                    Map<String, String> uris) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", f.ruleId());
        if (ruleIndex != null) {
            json.writeNumberField("ruleIndex", ruleIndex);
        }
        json.writeStringField("level", level(f.severity()));
        json.writeObjectFieldStart("message");
        json.writeStringField("text", f.message());
        json.writeEndObject();
        String path = f.subject().kind() == Ref.Kind.FILE ? f.subject().id() : firstFile(f.evidence());
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", uris.computeIfAbsent(path != null ? path : anchor, SarifReport::uri));
        json.writeEndObject();
        json.writeEndObject();
        if (f.subject().kind() != Ref.Kind.FILE) {
            json.writeArrayFieldStart("logicalLocations");
            json.writeStartObject();
            json.writeStringField("name", f.subject().id());
            json.writeStringField("kind", f.subject().kind().id());
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField(FINGERPRINT_KEY, f.fingerprint());
        json.writeStringField("primaryLocationLineHash", f.fingerprint());
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeStringField("layer", f.layer().id());
        json.writeStringField("subject", f.subject().kind().id() + " " + f.subject().id());
        if (f.change() != null) {
            json.writeStringField("change", f.change());
        }
        if (f.at() != null) {
            json.writeStringField("at", TextReport.instant(f.at()));
        }
        json.writeArrayFieldStart("evidence");
        for (Ref ref : f.evidence()) {
            json.writeString(TextReport.ref(ref));
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** SARIF's levels: a blocking finding is an error, a warning a warning, info a note. */
    static String level(Severity severity) {
        if (severity == null) {
            return "warning";
        }
        return switch (severity) {
            case BLOCKING -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** Where findings without a file are located: the policy file, relative to the repository. */
    static String anchor(String policySource) {
        if (policySource == null || policySource.isBlank() || policySource.startsWith("/")
                || policySource.contains("..") || policySource.matches("^[A-Za-z]:.*")) {
            return "governance.yml";
        }
        return policySource.replace('\\', '/');
    }

    /** A repository path as a relative URI reference: spaces and other characters percent-encoded, '/' kept. */
    static String uri(String path) {
        try {
            // a ':' would read as the end of a scheme ("c:/x" is no relative path): always encoded
            return new URI(null, null, path, null).toASCIIString().replace(":", "%3A");
        } catch (URISyntaxException e) {
            // a path no URI can hold (a ':' before any '/') still needs a location: encode every odd character
            StringBuilder s = new StringBuilder();
            for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if (Character.isLetterOrDigit(c) && c < 128 || "/._-~".indexOf(c) >= 0) {
                    s.append(c);
                } else {
                    s.append('%').append(String.format("%02X", b & 0xff));
                }
            }
            return s.toString();
        }
    }

    private static String firstFile(List<Ref> evidence) {
        for (Ref ref : evidence) {
            if (ref.kind() == Ref.Kind.FILE) {
                return ref.id();
            }
        }
        return null;
    }

    /** The first sentence of a description, for the one-line {@code shortDescription}. */
    static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
