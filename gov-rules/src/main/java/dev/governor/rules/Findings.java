package dev.governor.rules;

import dev.governor.api.Change;
import dev.governor.api.Finding;
import dev.governor.api.Layer;
import dev.governor.api.Ref;
import dev.governor.api.Severity;
import java.time.Instant;
import java.util.List;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Builds the findings of built-in rules: the rule id is the DRL rule's name and the severity its
 * {@code @severity} annotation, so each lives in one place, beside the rule.
 */
public final class Findings {
    private Findings() {
    }

    /** A finding of the firing rule about {@code subject}, attributed to {@code change} (may be null). */
    public static Finding of(RuleContext kcontext, Ref subject, Change change, Instant at, String message,
                             List<Ref> evidence) {
        Rule rule = kcontext.getRule();
        Object severity = rule.getMetaData().get("severity");
        Severity s = severity == null ? null : Severity.parse(severity.toString());
        if (s == null) {
            throw new IllegalStateException("built-in rule " + rule.getName() + " needs @severity(blocking|warning|info)");
        }
        return new Finding(rule.getName(), Layer.ofRule(rule.getName()), s, subject, change == null ? null : change.id(),
                message, at, evidence);
    }

    /** A finding of the firing rule about a change itself. */
    public static Finding about(RuleContext kcontext, Change change, String message) {
        return of(kcontext, change.ref(), change, change.mergedAt(), message, List.of(change.ref()));
    }

    /** The subject of a hotspot: a file, or a directory under {@code hotspot.scope: directory}. */
    public static Ref subject(String path, boolean directory) {
        return Ref.of(directory ? Ref.Kind.DIRECTORY : Ref.Kind.FILE, path);
    }

    /** How a list of changes reads in a message: {@code #412 2026-11-02, #418 2026-11-04}. */
    public static String listed(List<Ref> changes) {
        StringBuilder out = new StringBuilder();
        for (Ref ref : changes) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(ref.id());
            if (ref.at() != null) {
                out.append(' ').append(ref.at().toString(), 0, 10);
            }
        }
        return out.toString();
    }

    /** A duration as policies write it: {@code 7d}, {@code 36h}, else ISO-8601. */
    public static String duration(java.time.Duration d) {
        return dev.governor.api.Durations.format(d);
    }
}
