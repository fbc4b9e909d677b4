package dev.governor.packs.release;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.governor.api.Change;
import dev.governor.api.Finding;
import dev.governor.api.GateResult;
import dev.governor.api.GovernanceException;
import dev.governor.api.Policy;
import dev.governor.api.Ref;
import dev.governor.api.SignOff;
import dev.governor.api.policy.ReleasePolicy;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The evidence of one sign-off, built from the findings of the Release rules and nothing else: the verdict
 * (failed when any of its findings blocks), then each predicate with what it rests on. A predicate holds when
 * its rule found nothing; its evidence then is what the rules saw (the gate's result, the range). Printed as a
 * Markdown comment a person reads in ten seconds, or as JSON (one line of it is what {@code --record} stores).
 *
 * <pre>{@code
 * Evaluation run = governor.evaluate(Scope.all(), ReleasePack.RANGES, ReleasePack.GATES);
 * SignOffEvidence evidence = SignOffEvidence.of(signOff, run.report().findings(), run.view(ReleasePack.RANGES),
 *         run.view(ReleasePack.GATES), governor.policy(), "governor 1.0.0");
 * System.out.print(evidence.toMarkdown());
 * }</pre>
 */
public final class SignOffEvidence {
    /** The rules whose findings decide a sign-off (rules.md, "Release"; unsigned-deployment is about deployments). */
    static final List<String> SIGN_OFF_RULES = List.of("release.gate-missing", "release.gate-failed",
            "release.unresolved-blocking", "release.learning-blocker", "release.unreviewed-high-risk",
            "release.self-signoff");

    /** How a predicate came out. */
    public enum Status {
        PASSED("✅"), FAILED("❌"), WARNING("⚠️"), INFO("ℹ️");

        private final String mark;

        Status(String mark) {
            this.mark = mark;
        }

        /** The lower-case name JSON uses. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One predicate of the sign-off and what it rests on.
     *
     * @param name     what it checks, in words ({@code gate lint})
     * @param rule     the rule that decides it
     * @param status   how it came out
     * @param evidence one line per piece of evidence
     * @param findings the findings that failed or warned it
     */
    public record Predicate(String name, String rule, Status status, List<String> evidence, List<Finding> findings) {
        public Predicate {
            evidence = List.copyOf(evidence);
            findings = List.copyOf(findings);
        }
    }

    private final SignOff signOff;
    private final ReleaseRange range;
    private final List<Predicate> predicates;
    private final List<Finding> findings;
    private final Policy policy;
    private final String tool;

    private SignOffEvidence(SignOff signOff, ReleaseRange range, List<Predicate> predicates, List<Finding> findings,
                            Policy policy, String tool) {
        this.signOff = signOff;
        this.range = range;
        this.predicates = List.copyOf(predicates);
        this.findings = List.copyOf(findings);
        this.policy = policy;
        this.tool = tool;
    }

    /**
     * The evidence of {@code signOff} (the one being made) from one run of the rules.
     *
     * @param findings every finding of the run
     * @param ranges   the rows of {@link ReleasePack#RANGES}
     * @param gates    the rows of {@link ReleasePack#GATES}
     * @param tool     the tool and version that made it ({@code governor 1.0.0})
     * @throws GovernanceException when the rules gave the sign-off no range: its SHA is not in the history read,
     *                             so nothing could be verified (never a silent pass)
     */
    public static SignOffEvidence of(SignOff signOff, List<Finding> findings, List<ReleaseRange> ranges,
                                     List<GateResult> gates, Policy policy, String tool) {
        Objects.requireNonNull(signOff, "signOff");
        ReleaseRange range = ranges.stream().filter(r -> r.signOff().equals(signOff)).findFirst()
                .orElseThrow(() -> new GovernanceException(null, 0, "the sign-off of " + signOff.sha() + " for "
                        + signOff.env() + " was not evaluated: the SHA is not a change of the history read (or the"
                        + " release layer is not in force); sign off a commit of the branch, with release in layers"));
        List<Finding> own = new ArrayList<>();
        for (Finding f : findings) {
            if (SIGN_OFF_RULES.contains(f.ruleId()) && concerns(f, signOff, range)) {
                own.add(f);
            }
        }
        own.sort(Comparator.comparing(Finding::ruleId).thenComparing(f -> f.subject().id())
                .thenComparing(f -> f.change() == null ? "" : f.change()).thenComparing(Finding::fingerprint));
        List<Predicate> predicates = new ArrayList<>();
        ReleasePolicy release = policy.section(ReleasePolicy.SECTION);
        for (String gate : release.requiredGates()) {
            predicates.add(gate(gate, own, gates, signOff, true));
        }
        gates.stream().filter(g -> g.sha().equals(signOff.sha()) && !release.requiredGates().contains(g.gate()))
                .map(GateResult::gate).distinct().sorted()
                .forEach(g -> predicates.add(gate(g, own, gates, signOff, false)));
        predicates.add(predicate("no blocking finding of another layer in the range", "release.unresolved-blocking", own,
                range.changes().size() + " change" + (range.changes().size() == 1 ? "" : "s") + " " + range.from()
                        + ": " + range.listed() + "; none carries a blocking finding"));
        predicates.add(predicate("no learning release blocker this week", "release.learning-blocker", own,
                policy.inForce("learning") ? "none active in " + signOff.week()
                        : "none active in " + signOff.week() + " (the learning layer is not in force)"));
        predicates.add(predicate("independent review where risk demands it", "release.unreviewed-high-risk", own,
                "every change of the range at or above " + release.independentReviewFrom().id()
                        + " risk has an approving review by someone other than its author"));
        predicates.add(predicate("a second person in the audit trail", "release.self-signoff", own,
                range.people().isEmpty() ? "no change in the range" : range.people().size() + " people in the"
                        + " range's audit trail (authors, reviewers, Reviewed-by)"));
        return new SignOffEvidence(signOff, range, predicates, own, policy, tool);
    }

    /** Whether a finding of a sign-off rule is about this sign-off (or, for review, a change it releases). */
    private static boolean concerns(Finding f, SignOff signOff, ReleaseRange range) {
        if (f.ruleId().equals("release.unreviewed-high-risk")) {
            return range.includes(f.change());
        }
        Ref own = signOff.ref();
        return f.subject().equals(own) || f.evidence().contains(own);
    }

    private static Predicate gate(String gate, List<Finding> own, List<GateResult> gates, SignOff signOff,
                                  boolean required) {
        List<Finding> against = own.stream().filter(f -> f.subject().kind() == Ref.Kind.GATE && f.subject().id().equals(gate))
                .toList();
        List<String> lines = new ArrayList<>();
        for (GateResult g : gates) {
            if (g.gate().equals(gate) && g.sha().equals(signOff.sha())) {
                lines.add((g.passed() ? "" : "fail: ") + (g.detail() == null ? (g.passed() ? "pass" : "status fail") : g.detail())
                        + (g.source() == null ? "" : " (" + g.source() + ")") + (g.url() == null ? "" : " " + g.url()));
            }
        }
        String name = "gate " + gate + (required ? "" : " (not required)");
        if (!required) {
            return new Predicate(name, "release.gate-failed", Status.INFO, lines, List.of());
        }
        if (against.isEmpty()) {
            return new Predicate(name, "release.gate-failed", Status.PASSED, lines, List.of());
        }
        boolean missing = against.stream().allMatch(f -> f.ruleId().equals("release.gate-missing"));
        List<String> said = new ArrayList<>();
        against.forEach(f -> said.add(f.message()));
        return new Predicate(name, missing ? "release.gate-missing" : "release.gate-failed", status(against), said, against);
    }

    private static Predicate predicate(String name, String rule, List<Finding> own, String holds) {
        List<Finding> against = own.stream().filter(f -> f.ruleId().equals(rule)).toList();
        if (against.isEmpty()) {
            return new Predicate(name, rule, Status.PASSED, List.of(holds), List.of());
        }
        return new Predicate(name, rule, status(against), against.stream().map(Finding::message).toList(), against);
    }

    private static Status status(List<Finding> against) {
        return against.stream().anyMatch(Finding::isBlocking) ? Status.FAILED : Status.WARNING;
    }

    /** Whether the sign-off passed: none of its findings blocks. */
    public boolean passed() {
        return findings.stream().noneMatch(Finding::isBlocking);
    }

    /** The sign-off this is the evidence of. */
    public SignOff signOff() {
        return signOff;
    }

    /** What it releases. */
    public ReleaseRange range() {
        return range;
    }

    /** Each predicate, gates first, in the policy's order. */
    public List<Predicate> predicates() {
        return predicates;
    }

    /** The findings of the Release rules about this sign-off, in order. */
    public List<Finding> findings() {
        return findings;
    }

    /** This sign-off as it would be recorded: passed or failed, per its verdict. */
    public SignOff recorded() {
        return new SignOff(signOff.sha(), signOff.env(), signOff.at(), signOff.by(),
                passed() ? SignOff.Status.PASSED : SignOff.Status.FAILED);
    }

    /** The comment: verdict first, then one table row per predicate with its evidence. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        String sha = Release.abbreviate(signOff.sha());
        long failed = predicates.stream().filter(p -> p.status() == Status.FAILED).count();
        long counted = predicates.stream().filter(p -> p.status() != Status.INFO).count();
        if (passed()) {
            md.append("### ✅ Signed off: `").append(sha).append("` for `").append(signOff.env()).append("`\n\n");
            md.append("All ").append(counted).append(" predicates hold");
        } else {
            md.append("### ❌ Sign-off failed: `").append(sha).append("` for `").append(signOff.env()).append("`\n\n");
            md.append(failed).append(" of ").append(counted).append(" predicates failed");
        }
        md.append(" · by ").append(cell(signOff.by())).append(" at ").append(instant(signOff.at()))
                .append(" · ").append(range.changes().size()).append(" change").append(range.changes().size() == 1 ? "" : "s")
                .append(range.since() == null ? " (no earlier sign-off for " + cell(signOff.env()) + ")"
                        : " since `" + Release.abbreviate(range.since()) + "`")
                .append("\n\n| | predicate | evidence |\n| --- | --- | --- |\n");
        List<Predicate> ordered = new ArrayList<>(predicates);
        ordered.sort(Comparator.comparing((Predicate p) -> p.status() == Status.FAILED ? 0 : p.status() == Status.WARNING ? 1 : 2));
        for (Predicate p : ordered) {
            md.append("| ").append(p.status().mark).append(" | ").append(cell(p.name())).append(" | ")
                    .append(p.evidence().isEmpty() ? "—" : String.join("<br>", p.evidence().stream().map(SignOffEvidence::cell).toList()))
                    .append(" |\n");
        }
        md.append("\n<sub>").append(cell(tool)).append(" · `").append(signOff.sha()).append("` · policy ")
                .append(policy.source() == null ? "defaults" : cell(policy.source())).append(" (sha256 ")
                .append(policy.sha256(), 0, 12).append(")");
        if (!findings.isEmpty()) {
            md.append(" · findings ").append(String.join(", ", findings.stream().map(Finding::fingerprint).toList()));
        }
        md.append("</sub>\n");
        return md.toString();
    }

    /** The JSON document, indented, ending in a newline. */
    public String toJson() {
        return json(true) + "\n";
    }

    /** The JSON document on one line, without a line end: what {@code --record} appends to the note. */
    public String toJsonLine() {
        return json(false);
    }

    private String json(boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            if (pretty) {
                json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            }
            json.writeStartObject();
            json.writeNumberField("schemaVersion", 1);
            json.writeStringField("kind", "governor.sign-off");
            json.writeStringField("sha", signOff.sha());
            json.writeStringField("env", signOff.env());
            json.writeStringField("at", instant(signOff.at()));
            json.writeStringField("by", signOff.by());
            json.writeStringField("verdict", passed() ? "passed" : "failed");
            json.writeObjectFieldStart("range");
            json.writeStringField("since", range.since());
            json.writeNumberField("count", range.changes().size());
            json.writeStringField("first", range.changes().isEmpty() ? null : range.changes().get(0).id());
            json.writeStringField("last", range.changes().isEmpty() ? null : range.changes().get(range.changes().size() - 1).id());
            json.writeEndObject();
            json.writeArrayFieldStart("predicates");
            for (Predicate p : predicates) {
                json.writeStartObject();
                json.writeStringField("predicate", p.name());
                json.writeStringField("rule", p.rule());
                json.writeStringField("status", p.status().id());
                json.writeArrayFieldStart("evidence");
                for (String line : p.evidence()) {
                    json.writeString(line);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("findings");
                for (Finding f : p.findings()) {
                    json.writeString(f.fingerprint());
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("findings");
            for (Finding f : findings) {
                writeFinding(json, f);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("policy");
            json.writeStringField("source", policy.source());
            json.writeStringField("sha256", policy.sha256());
            json.writeEndObject();
            json.writeStringField("tool", tool);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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

    private static String instant(Instant at) {
        Instant t = at.getNano() == 0 ? at : at.truncatedTo(ChronoUnit.MILLIS);
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /** Text that stays inside one Markdown table cell. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
                .replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The changes released, oldest first. */
    public List<Change> released() {
        return range.changes();
    }
}
