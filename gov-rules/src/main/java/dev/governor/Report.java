package dev.governor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.governor.api.Change;
import dev.governor.api.Facts;
import dev.governor.api.Finding;
import dev.governor.api.Layer;
import dev.governor.api.Ref;
import dev.governor.api.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The result of one check: findings in report order (layer Intent, Contract, Change, Release, Learning,
 * custom; then rule id, subject, time), and what they were computed from.
 *
 * <pre>{@code
 * Report report = governor.check();
 * if (!report.passed()) {
 *     report.blocking().forEach(f -> System.out.println(f.ruleId() + " " + f.subject().id()));
 * }
 * }</pre>
 */
public final class Report {

    /** Report order of findings, as {@code spec/cli.md} fixes it. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::layer)
            .thenComparing(Finding::ruleId)
            .thenComparing((Finding f) -> f.subject().kind())
            .thenComparing(f -> f.subject().id())
            .thenComparing(Finding::at, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(f -> f.change() == null ? "" : f.change())
            .thenComparing(Finding::fingerprint);

    private final List<Finding> findings;
    private final Instant evaluatedAt;
    private final Facts.Origin repository;
    private final boolean shallow;
    private final String policySource;
    private final String policySha256;
    private final String rulePack;
    private final Set<Layer> layers;
    private final Map<String, Integer> factCounts;
    private final int suppressedByBaseline;
    private final List<RuleInfo> rules;
    private final List<Change> changes;

    Report(List<Finding> findings, Instant evaluatedAt, Facts.Origin repository, boolean shallow, String policySource,
           String policySha256, String rulePack, Set<Layer> layers, Map<String, Integer> factCounts,
           int suppressedByBaseline, List<RuleInfo> rules, List<Change> changes) {
        this.findings = findings.stream().sorted(ORDER).toList();
        this.evaluatedAt = Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        this.repository = repository;
        this.shallow = shallow;
        this.policySource = policySource;
        this.policySha256 = policySha256;
        this.rulePack = rulePack;
        // in layer order, the same on every run
        this.layers = Collections.unmodifiableSet(layers.isEmpty() ? EnumSet.noneOf(Layer.class) : EnumSet.copyOf(layers));
        this.factCounts = new TreeMap<>(factCounts);
        this.suppressedByBaseline = suppressedByBaseline;
        this.rules = List.copyOf(rules);
        this.changes = List.copyOf(changes);
    }

    /** Every finding, in report order. */
    public List<Finding> findings() {
        return findings;
    }

    /** The blocking findings, in report order. */
    public List<Finding> blocking() {
        return findings.stream().filter(Finding::isBlocking).toList();
    }

    /** Whether nothing blocks: {@code gov check} exits 0. */
    public boolean passed() {
        return findings.stream().noneMatch(Finding::isBlocking);
    }

    /** The clock's reading for this check. */
    public Instant evaluatedAt() {
        return evaluatedAt;
    }

    /** The repository the facts were read from, or {@code null} for facts supplied in memory. */
    public Facts.Origin repository() {
        return repository;
    }

    /**
     * Whether the history read is a shallow clone's: its oldest commit's files are unknown, and nothing before
     * it was seen (fetch the whole history: {@code fetch-depth: 0} in CI).
     */
    public boolean shallow() {
        return shallow;
    }

    /** The layers in force, in layer order. */
    public Set<Layer> layers() {
        return layers;
    }

    /** How many facts of each kind the rules saw ({@code changes}, {@code adrs} …). */
    public Map<String, Integer> factCounts() {
        return factCounts;
    }

    /**
     * The rules that were loaded for this check (built-in, packs and custom files), as
     * {@link Governor#rules()} lists them: what {@code GovRule.check(report)} knows a rule id from.
     */
    public List<RuleInfo> rules() {
        return rules;
    }

    /**
     * The changes the rules saw, in branch order: the whole governed history, also before the reported
     * {@code since}. What {@code GovRules.findings().that().touch(…)} reads the files of a finding's change from.
     */
    public List<Change> changes() {
        return changes;
    }

    /** How many findings a baseline suppressed. */
    public int suppressedByBaseline() {
        return suppressedByBaseline;
    }

    /** How many findings have this severity. */
    public int count(Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** This report without the findings whose fingerprints are in {@code known} (a baseline). */
    public Report without(Set<String> known) {
        List<Finding> kept = findings.stream().filter(f -> !known.contains(f.fingerprint())).toList();
        return new Report(kept, evaluatedAt, repository, shallow, policySource, policySha256, rulePack, layers, factCounts,
                suppressedByBaseline + findings.size() - kept.size(), rules, changes);
    }

    /** The JSON document of {@code gov check --format json}, valid against {@code report.schema.json}. */
    public String toJson() {
        StringWriter out = new StringWriter();
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator json = new JsonFactory().createGenerator(out).setPrettyPrinter(pretty)) {
            json.writeStartObject();
            json.writeNumberField("schemaVersion", 1);
            json.writeObjectFieldStart("tool");
            json.writeStringField("name", "governor");
            json.writeStringField("version", Version.TOOL);
            json.writeEndObject();
            json.writeObjectFieldStart("repository");
            json.writeStringField("head", repository != null ? repository.head() : "0".repeat(40));
            json.writeStringField("branch", repository != null ? repository.branch() : "");
            if (shallow) {
                json.writeBooleanField("shallow", true);
            }
            json.writeEndObject();
            json.writeStringField("evaluatedAt", instant(evaluatedAt));
            json.writeObjectFieldStart("policy");
            json.writeStringField("source", policySource);
            json.writeStringField("sha256", policySha256);
            json.writeStringField("rulePack", rulePack);
            json.writeEndObject();
            json.writeArrayFieldStart("layers");
            for (Layer layer : Layer.values()) {
                if (layers.contains(layer)) {
                    json.writeString(layer.id());
                }
            }
            json.writeEndArray();
            json.writeObjectFieldStart("summary");
            json.writeNumberField("blocking", count(Severity.BLOCKING));
            json.writeNumberField("warning", count(Severity.WARNING));
            json.writeNumberField("info", count(Severity.INFO));
            json.writeNumberField("suppressedByBaseline", suppressedByBaseline);
            json.writeObjectFieldStart("facts");
            for (Map.Entry<String, Integer> e : factCounts.entrySet()) {
                json.writeNumberField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("findings");
            for (Finding f : findings) {
                writeFinding(json, f);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + "\n";
    }

    private static void writeFinding(JsonGenerator json, Finding f) throws IOException {
        json.writeStartObject();
        json.writeStringField("rule", f.ruleId());
        json.writeStringField("layer", f.layer().id());
        json.writeStringField("severity", f.severity().id());
        json.writeFieldName("subject");
        writeRef(json, f.subject());
        json.writeStringField("change", f.change());
        json.writeStringField("at", f.at() == null ? null : instant(f.at()));
        json.writeStringField("message", f.message());
        json.writeArrayFieldStart("evidence");
        for (Ref ref : f.evidence()) {
            writeRef(json, ref);
        }
        json.writeEndArray();
        json.writeStringField("fingerprint", f.fingerprint());
        json.writeEndObject();
    }

    private static void writeRef(JsonGenerator json, Ref ref) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", ref.kind().id());
        json.writeStringField("id", ref.id());
        json.writeStringField("at", ref.at() == null ? null : instant(ref.at()));
        json.writeStringField("detail", ref.detail());
        json.writeEndObject();
    }

    /** Instants in reports: UTC, whole seconds unless the input had more ({@code 2026-11-02T10:00:00Z}). */
    static String instant(Instant at) {
        Instant t = at.getNano() == 0 ? at : at.truncatedTo(ChronoUnit.MILLIS);
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
