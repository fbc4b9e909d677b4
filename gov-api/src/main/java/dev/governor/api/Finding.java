package dev.governor.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a rule found: a rule id, the layer and severity, what it is about, why, and the facts that
 * made it fire. Rules report by inserting one:
 *
 * <pre>{@code
 * insert( Finding.of("ci.no-friday-deploys", Severity.WARNING, $d.sha(), "deployed to prod on a Friday", $d) );
 * }</pre>
 *
 * @param ruleId   {@code <prefix>.<name>}, e.g. {@code intent.tactical-hotspot}
 * @param layer    the layer of the rule, from its id prefix
 * @param severity how much it matters (after the policy's overrides, in reports)
 * @param subject  what the finding is about
 * @param change   the change it is attributed to, or {@code null}
 * @param message  one line a person can act on
 * @param at       when it arose, or {@code null}
 * @param evidence references to the facts that made the rule fire
 */
public record Finding(String ruleId, Layer layer, Severity severity, Ref subject, String change, String message,
                      Instant at, List<Ref> evidence) {

    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9.-]+");

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        if (!RULE_ID.matcher(ruleId).matches()) {
            throw new IllegalArgumentException("rule id '" + ruleId
                    + "' must be <prefix>.<name> in lower case, like 'ci.no-friday-deploys'");
        }
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("finding of " + ruleId + " needs a message");
        }
        evidence = List.copyOf(evidence);
    }

    /**
     * A finding about {@code subject} (a {@link Ref}, a fact, or a string: see {@link Ref#of(Object)}),
     * with the facts that made it fire as evidence. A change given as subject or first evidence is the
     * change the finding is attributed to.
     */
    public static Finding of(String ruleId, Severity severity, Object subject, String message, Object... evidence) {
        List<Ref> refs = new ArrayList<>(evidence.length);
        String change = subject instanceof Change c ? c.id() : null;
        for (Object e : evidence) {
            if (change == null && e instanceof Change c) {
                change = c.id();
            }
            refs.add(Ref.of(e));
        }
        return new Finding(ruleId, Layer.ofRule(ruleId), severity, Ref.of(subject), change, message, null, refs);
    }

    /** This finding attributed to a change. */
    public Finding withChange(String changeId) {
        return new Finding(ruleId, layer, severity, subject, changeId, message, at, evidence);
    }

    /** This finding with the time it arose. */
    public Finding withAt(Instant at) {
        return new Finding(ruleId, layer, severity, subject, change, message, at, evidence);
    }

    /** This finding with another severity (the policy's override). */
    public Finding withSeverity(Severity severity) {
        return new Finding(ruleId, layer, severity, subject, change, message, at, evidence);
    }

    /** Whether it fails a check. */
    public boolean isBlocking() {
        return severity == Severity.BLOCKING;
    }

    /**
     * A stable id for this finding: the same rule, subject, change and evidence give the same
     * fingerprint across runs and unrelated history. Baselines store it. Wording, severity and times
     * are left out so that rewording a message or re-rating a rule does not resurface old findings.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder(ruleId).append('\n')
                .append(subject.kind().id()).append(':').append(subject.id()).append('\n')
                .append(change == null ? "" : change).append('\n');
        for (Ref ref : evidence) {
            text.append(ref.kind().id()).append(':').append(ref.id()).append('\n');
        }
        byte[] digest = SHA_256.get().digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    /**
     * One digest per thread: looking one up costs about as much as hashing a finding, and reports, baselines
     * and SARIF fingerprint 100,000 findings at a time. {@code digest()} resets it for the next use.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });
}
