package dev.governor.api;

import java.util.Locale;

/**
 * The five layers of the governance model, in the order reports list them, plus {@link #CUSTOM}
 * for rules whose id prefix names no layer.
 *
 * <pre>{@code
 * Layer.ofRule("intent.tactical-hotspot") == Layer.INTENT
 * Layer.ofRule("ci.no-friday-deploys")    == Layer.CUSTOM
 * }</pre>
 */
public enum Layer {
    /** Why are we changing this, and how risky is it? Rule ids {@code intent.*}. */
    INTENT,
    /** What do other systems depend on? Rule ids {@code contract.*}. */
    CONTRACT,
    /** Does the change respect the decisions and boundaries recorded? Rule ids {@code change.*}. */
    CHANGE,
    /** May this commit reach an environment? Rule ids {@code release.*}. */
    RELEASE,
    /** What do incidents and metrics say about how we change? Rule ids {@code learning.*}. */
    LEARNING,
    /** Every rule whose id prefix names no layer: custom rule files and packs of other jars. */
    CUSTOM;

    /** The lower-case name used in rule ids, policies and reports: {@code "intent"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The layer a rule belongs to, from the prefix of its id ({@code <layer>.<name>}). */
    public static Layer ofRule(String ruleId) {
        int dot = ruleId.indexOf('.');
        String prefix = dot < 0 ? ruleId : ruleId.substring(0, dot);
        for (Layer layer : values()) {
            if (layer != CUSTOM && layer.id().equals(prefix)) {
                return layer;
            }
        }
        return CUSTOM;
    }

    /** Parses a layer id of a policy ({@code "release"}); {@code null} when it names no layer. */
    public static Layer parse(String id) {
        for (Layer layer : values()) {
            if (layer != CUSTOM && layer.id().equals(id)) {
                return layer;
            }
        }
        return null;
    }
}
