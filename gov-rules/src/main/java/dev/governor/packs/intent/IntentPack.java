package dev.governor.packs.intent;

import dev.governor.api.Finding;
import dev.governor.api.policy.HotspotPolicy;
import dev.governor.api.policy.IntentPolicy;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.pack.Derivation;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import dev.governor.pack.View;
import java.util.List;

/**
 * Intent: why are we changing this, and how risky is it? Change types and risk levels, and the hotspot
 * lock: {@code hotspot.count} tactical fixes on one file within {@code hotspot.window} lock it until a
 * strategic fix (rules.md, "Intent"). Rules: {@code rules/intent.drl}.
 */
public final class IntentPack implements Pack {

    /** Per file (or directory): tactical fixes in the last window, and the lock ({@code gov hotspots}). */
    public static final View<HotspotStatus> HOTSPOTS = View.of("intent", "intent.hotspot-states", "$state",
            state -> status((FileState) state));

    @Override
    public String id() {
        return "intent";
    }

    @Override
    public List<String> rules() {
        return List.of("dev/governor/rules/intent.drl");
    }

    @Override
    public List<SectionReader<?>> sections() {
        return List.of(SectionReader.of(IntentPolicy.SECTION, IntentPack::intent),
                SectionReader.of(HotspotPolicy.SECTION, IntentPack::hotspot));
    }

    /** Each subject's state, its changes in branch order, so the rules take them one at a time. */
    @Override
    public void derive(Derivation derivation) {
        HotspotPolicy hotspot = derivation.policy().section(HotspotPolicy.SECTION);
        if (derivation.changes().isEmpty()) {
            return;
        }
        for (FileState state : Touches.states(derivation.changes(), hotspot, derivation.now().minus(hotspot.window()))) {
            derivation.insert(state);
        }
    }

    static IntentPolicy intent(Node node) {
        MapNode map = node.asMap().only(List.of("inferFromConventionalCommits"));
        Node infer = map.get("inferFromConventionalCommits");
        return infer == null ? IntentPolicy.DEFAULT : new IntentPolicy(infer.asBoolean());
    }

    static HotspotPolicy hotspot(Node node) {
        MapNode map = node.asMap().only(List.of("count", "window", "scope", "ignore"));
        HotspotPolicy d = HotspotPolicy.DEFAULT;
        return new HotspotPolicy(
                SectionReader.value(map, "count", n -> n.asInt(1, Integer.MAX_VALUE), d.count()),
                SectionReader.value(map, "window", Node::asDuration, d.window()),
                SectionReader.value(map, "scope",
                        n -> n.asChoice("scope", HotspotPolicy.Scope.class, HotspotPolicy.Scope::id), d.scope()),
                SectionReader.value(map, "ignore", Node::asStrings, d.ignore()));
    }

    private static HotspotStatus status(FileState s) {
        Finding lock = s.getLockFinding();
        return new HotspotStatus(s.getPath(), s.getRecentTactical(),
                s.getCounted().stream().map(t -> t.change().id()).toList(), s.isLocked(),
                lock == null ? null : lock.at(),
                lock == null ? List.of() : lock.evidence().stream().map(r -> r.id()).toList(),
                s.getTacticalFixes());
    }
}
