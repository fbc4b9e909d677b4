package dev.governor.pack;

import dev.governor.api.Change;
import dev.governor.api.Durations;
import dev.governor.api.Finding;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.api.Ref;
import dev.governor.api.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Builds the findings of a pack's rules, called from DRL consequences: the rule id is the DRL rule's
 * name and the severity its {@code @severity} annotation (as the policy overrides it), so each lives in
 * one place, beside the rule.
 *
 * <pre>{@code
 * then
 *     insert( Findings.about( kcontext, $c, $c.id() + " has no change type" ) );
 * }</pre>
 */
public final class Findings {
    /** The DRL global through which the engine hands the policy in force to consequences. */
    public static final String POLICY_GLOBAL = "governorPolicy";

    private Findings() {
    }

    /** A finding of the firing rule about {@code subject}, attributed to {@code change} (may be null). */
    public static Finding of(RuleContext kcontext, Ref subject, Change change, Instant at, String message,
                             List<Ref> evidence) {
        Rule rule = kcontext.getRule();
        return new Finding(rule.getName(), Layer.ofRule(rule.getName()), severity(kcontext, rule), subject,
                change == null ? null : change.id(), message, at, evidence);
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
    public static String duration(Duration d) {
        return Durations.format(d);
    }

    /** The rule's {@code @severity}, or the policy's override of it: what other packs' rules then see. */
    private static Severity severity(RuleContext kcontext, Rule rule) {
        Object declared = rule.getMetaData().get("severity");
        Severity s = declared == null ? null : Severity.parse(unquoted(declared.toString()));
        if (s == null) {
            throw new IllegalStateException("rule " + rule.getName() + " needs @severity(blocking|warning|info)");
        }
        Object policy = kcontext.getKieRuntime().getGlobals().get(POLICY_GLOBAL);
        if (policy instanceof Policy p && p.rule(rule.getName()).severity() != null) {
            return p.rule(rule.getName()).severity();
        }
        return s;
    }

    /** A DRL annotation's text; rules compiled at run time keep the quotes, precompiled ones do not. */
    static String unquoted(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
