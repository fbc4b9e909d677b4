package dev.governor.cli;

import dev.governor.RuleInfo;
import dev.governor.api.Finding;
import dev.governor.api.Layer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loaded rules as the output formats need them: by id, in the order {@code gov rules} lists them, with
 * every rule that reported added even if it was not loaded (a report built elsewhere). What each rule says
 * about itself comes from its DRL annotations ({@code @description}, {@code @next}), never from text kept here.
 */
final class RuleCatalog {
    /** Stands for the many subjects of a group of findings in a rule's {@code @next}: "add … to each of them". */
    static final String MANY = "each of them";

    private final Map<String, RuleInfo> byId;

    RuleCatalog(List<RuleInfo> loaded, List<Finding> findings) {
        Map<String, RuleInfo> all = new LinkedHashMap<>();
        loaded.forEach(r -> all.put(r.id(), r));
        for (Finding f : findings) {
            all.computeIfAbsent(f.ruleId(), id -> new RuleInfo(id, f.layer(), f.severity(), true, "unknown", null,
                    List.of(), null, null, null));
        }
        List<RuleInfo> sorted = new ArrayList<>(all.values());
        sorted.sort(Comparator.comparing(RuleInfo::layer).thenComparing(RuleInfo::id));
        this.byId = new LinkedHashMap<>();
        sorted.forEach(r -> byId.put(r.id(), r));
    }

    /** The rules in layer order, then by id. */
    List<RuleInfo> all() {
        return List.copyOf(byId.values());
    }

    /** The rule with this id; every rule that reported is known. */
    RuleInfo get(String id) {
        return byId.get(id);
    }

    /** What to do about one finding: its rule's {@code @next} for its subject, or {@code null}. */
    String next(Finding f) {
        RuleInfo rule = byId.get(f.ruleId());
        return rule == null ? null : rule.next(f.subject().id());
    }

    /**
     * What to do about many findings of one rule: its {@code @next} for "each of them", then the way out a
     * team that is not ready for the rule has: leave its layer out of {@code layers:} (the seed's adoption
     * order), or turn a custom rule off.
     */
    String nextForMany(String ruleId) {
        RuleInfo rule = byId.get(ruleId);
        String next = rule == null ? null : rule.next(MANY);
        Layer layer = Layer.ofRule(ruleId);
        String out = layer == Layer.CUSTOM
                ? "or turn " + ruleId + " off under rules: in governance.yml"
                : "or leave " + layer.id() + " out of layers: in governance.yml until you adopt it";
        return next == null ? "see gov explain " + ruleId + "; " + out : next + "; " + out;
    }
}
