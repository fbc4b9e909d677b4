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
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

    // thread-safe once configured; the writer is the caller's, so generators must not close it
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

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
    // every finding the rules produced over the governed history, before the reported window and the scope:
    // what tells a fixed finding (stale in a baseline) from one that is merely not reported
    private final List<Finding> produced;
    // the entries of the baseline applied that no finding matches any more; null when none was applied
    private final List<Baseline.Entry> stale;
    private final List<RuleInfo> rules;
    private final List<Change> changes;

    /** A report of these findings alone: what every finding the run produced was, no baseline, no rules known. */
    Report(List<Finding> findings, Instant evaluatedAt, Facts.Origin repository, boolean shallow, String policySource,
           String policySha256, String rulePack, Set<Layer> layers, Map<String, Integer> factCounts,
           int suppressedByBaseline) {
        this(findings, evaluatedAt, repository, shallow, policySource, policySha256, rulePack, layers, factCounts,
                suppressedByBaseline, findings, null, List.of(), List.of());
    }

    Report(List<Finding> findings, Instant evaluatedAt, Facts.Origin repository, boolean shallow, String policySource,
           String policySha256, String rulePack, Set<Layer> layers, Map<String, Integer> factCounts,
           int suppressedByBaseline, List<Finding> produced, List<Baseline.Entry> stale, List<RuleInfo> rules,
           List<Change> changes) {
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
        this.produced = produced;
        this.stale = stale == null ? null : List.copyOf(stale);
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
     * The policy file the check read, as the JSON report's {@code policy.source} names it ({@code governance.yml}),
     * or {@code null} when the defaults were in force.
     */
    public String policySource() {
        return policySource;
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
        List<Baseline.Entry> entries = new ArrayList<>(known.size());
        known.forEach(fp -> entries.add(new Baseline.Entry(fp, null, null)));
        return without(Baseline.ofEntries(entries));
    }

    /**
     * This report without the findings {@code baseline} accepts: only new findings count. The summary says how
     * many were suppressed ({@link #suppressedByBaseline()}) and which entries are stale
     * ({@link #staleInBaseline()}).
     *
     * <pre>{@code
     * Report fresh = governor.check().without(Baseline.read(Path.of("governance-baseline.txt")));
     * }</pre>
     */
    public Report without(Baseline baseline) {
        Objects.requireNonNull(baseline, "baseline");
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!baseline.contains(f)) {
                kept.add(f);
            }
        }
        return new Report(kept, evaluatedAt, repository, shallow, policySource, policySha256, rulePack, layers, factCounts,
                suppressedByBaseline + findings.size() - kept.size(), produced, baseline.staleAgainst(produced), rules, changes);
    }

    /**
     * The entries of the baseline applied with {@link #without(Baseline)} that no finding of this run matches:
     * findings accepted once and fixed since (or whose rule is now off), over the whole governed history, not
     * only the reported span. Empty when no baseline was applied.
     */
    public List<Baseline.Entry> staleInBaseline() {
        return stale == null ? List.of() : stale;
    }

    /** Whether a baseline was applied ({@link #without(Baseline)}). */
    public boolean baselineApplied() {
        return stale != null;
    }

    /** The JSON document of {@code gov check --format json}, valid against {@code report.schema.json}. */
    public String toJson() {
        StringWriter out = new StringWriter(8192);
        try {
            writeJson(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes {@link #toJson()} to {@code out} as it goes, without holding the document in memory: a report of
     * 100,000 findings is some 60 MB of JSON. {@code out} is flushed, not closed.
     *
     * @throws IOException when {@code out} fails
     */
    public void writeJson(Writer out) throws IOException {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator json = JSON.createGenerator(out).setPrettyPrinter(pretty)) {
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
            if (stale != null) {
                // beyond the schema's required fields (summary is open): what a baseline should drop
                json.writeArrayFieldStart("staleInBaseline");
                for (Baseline.Entry e : stale) {
                    json.writeStartObject();
                    json.writeStringField("fingerprint", e.fingerprint());
                    json.writeStringField("rule", e.rule());
                    json.writeStringField("subject", e.subject());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeObjectFieldStart("facts");
            for (Map.Entry<String, Integer> e : factCounts.entrySet()) {
                json.writeNumberField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("findings");
            Texts texts = new Texts();
            for (Finding f : findings) {
                writeFinding(json, f, texts);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
        out.flush();
    }

    private static void writeFinding(JsonGenerator json, Finding f, Texts texts) throws IOException {
        json.writeStartObject();
        json.writeStringField("rule", f.ruleId());
        json.writeStringField("layer", texts.layer(f.layer()));
        json.writeStringField("severity", texts.severity(f.severity()));
        json.writeFieldName("subject");
        writeRef(json, f.subject(), texts);
        json.writeStringField("change", f.change());
        json.writeStringField("at", texts.instant(f.at()));
        json.writeStringField("message", f.message());
        json.writeArrayFieldStart("evidence");
        for (Ref ref : f.evidence()) {
            writeRef(json, ref, texts);
        }
        json.writeEndArray();
        json.writeStringField("fingerprint", f.fingerprint());
        json.writeEndObject();
    }

    private static void writeRef(JsonGenerator json, Ref ref, Texts texts) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", texts.kind(ref.kind()));
        json.writeStringField("id", ref.id());
        json.writeStringField("at", texts.instant(ref.at()));
        json.writeStringField("detail", ref.detail());
        json.writeEndObject();
    }

    /**
     * The words a report writes again and again, made once: the ids of kinds, layers and severities, and the
     * last instant formatted (a finding, its subject and its evidence mostly carry the same change's time).
     * One per document written, so it needs no locking.
     */
    private static final class Texts {
        private static final String[] KINDS = ids(Ref.Kind.values(), Ref.Kind::id);
        private static final String[] LAYERS = ids(Layer.values(), Layer::id);
        private static final String[] SEVERITIES = ids(Severity.values(), Severity::id);
        private Instant lastInstant;
        private String lastText;

        private static <E> String[] ids(E[] values, java.util.function.Function<E, String> id) {
            String[] out = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = id.apply(values[i]);
            }
            return out;
        }

        String kind(Ref.Kind kind) {
            return KINDS[kind.ordinal()];
        }

        String layer(Layer layer) {
            return LAYERS[layer.ordinal()];
        }

        String severity(Severity severity) {
            return SEVERITIES[severity.ordinal()];
        }

        String instant(Instant at) {
            if (at == null) {
                return null;
            }
            if (!at.equals(lastInstant)) {
                lastInstant = at;
                lastText = Report.instant(at);
            }
            return lastText;
        }
    }

    /**
     * An instant as every report writes it: UTC, whole seconds unless the input had more (then milliseconds).
     *
     * <pre>{@code
     * Report.instant(Instant.parse("2026-11-02T10:00:00.000Z"))   // "2026-11-02T10:00:00Z"
     * }</pre>
     */
    public static String instant(Instant at) {
        long seconds = at.getEpochSecond();
        // the common case by hand (whole seconds, years 1000 to 9999): the general formatter costs more than
        // the rest of a finding's JSON, and a report may hold 100,000 of them
        if (at.getNano() == 0 && seconds >= -30610224000L && seconds < 253402300800L) {
            java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC);
            char[] c = "0000-00-00T00:00:00Z".toCharArray();
            digits(c, 0, t.getYear(), 4);
            digits(c, 5, t.getMonthValue(), 2);
            digits(c, 8, t.getDayOfMonth(), 2);
            digits(c, 11, t.getHour(), 2);
            digits(c, 14, t.getMinute(), 2);
            digits(c, 17, t.getSecond(), 2);
            return new String(c);
        }
        Instant t = at.getNano() == 0 ? at : at.truncatedTo(ChronoUnit.MILLIS);
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    private static void digits(char[] into, int from, int value, int width) {
        for (int i = from + width - 1; i >= from; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
