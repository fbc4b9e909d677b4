package dev.governor.packs.learning;

import dev.governor.api.policy.LearningPolicy;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import java.util.List;

/**
 * Learning: is the system getting better at recovering? Weekly change failure rate, MTTR, revert rate and
 * cross-team blocking time, and the week-three release blocker (rules.md, "Learning").
 * Rules: {@code rules/learning.drl}.
 */
public final class LearningPack implements Pack {

    @Override
    public String id() {
        return "learning";
    }

    @Override
    public List<String> rules() {
        return List.of("dev/governor/rules/learning.drl");
    }

    @Override
    public List<SectionReader<?>> sections() {
        return List.of(SectionReader.of(LearningPolicy.SECTION, LearningPack::learning));
    }

    static LearningPolicy learning(Node node) {
        MapNode map = node.asMap().only(List.of("minRelativeChange", "minSamples"));
        LearningPolicy d = LearningPolicy.DEFAULT;
        return new LearningPolicy(
                SectionReader.value(map, "minRelativeChange", n -> n.asDouble(0), d.minRelativeChange()),
                SectionReader.value(map, "minSamples", n -> n.asInt(1, Integer.MAX_VALUE), d.minSamples()));
    }
}
