package dev.governor.packs.release;

import dev.governor.api.Risk;
import dev.governor.api.policy.ReleasePolicy;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import java.util.List;
import java.util.Set;

/**
 * Release: is this verified, or just merged? Static gates, sign-off, independent review where risk
 * demands it (rules.md, "Release"). It reads the findings of the other layers, so it runs after them.
 * Rules: {@code rules/release.drl}.
 */
public final class ReleasePack implements Pack {

    @Override
    public String id() {
        return "release";
    }

    @Override
    public List<String> rules() {
        return List.of("dev/governor/rules/release.drl");
    }

    @Override
    public Set<String> after() {
        return Set.of("intent", "contract", "change", "learning");
    }

    @Override
    public List<SectionReader<?>> sections() {
        return List.of(SectionReader.of(ReleasePolicy.SECTION, ReleasePack::release));
    }

    /** A risk level, in any case as trailers write it ({@code High}). */
    static Risk risk(Node node) {
        Risk risk = Risk.parse(node.asString());
        if (risk == null) {
            throw node.error("bad risk '" + node.asString() + "' for " + node.path()
                    + ": use low, medium, high or critical");
        }
        return risk;
    }

    static ReleasePolicy release(Node node) {
        MapNode map = node.asMap().only(List.of("requiredGates", "independentReviewFrom"));
        ReleasePolicy d = ReleasePolicy.DEFAULT;
        return new ReleasePolicy(
                SectionReader.value(map, "requiredGates", Node::asStrings, d.requiredGates()),
                SectionReader.value(map, "independentReviewFrom", ReleasePack::risk, d.independentReviewFrom()));
    }
}
