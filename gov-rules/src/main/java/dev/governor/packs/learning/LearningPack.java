package dev.governor.packs.learning;

import dev.governor.api.Deployment;
import dev.governor.api.Facts;
import dev.governor.api.Incident;
import dev.governor.api.Review;
import dev.governor.api.policy.LearningPolicy;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.pack.Derivation;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import dev.governor.pack.View;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learning: is the system getting better at recovering? Weekly change failure rate, MTTR, revert rate and
 * cross-team blocking time, and the week-three release blocker (rules.md, "Learning").
 * The pack derives each metric's value in each ISO week from the records ({@link WeekValue}); its rules
 * ({@code rules/learning.drl}) decide which weeks degraded and when releases are blocked.
 *
 * <pre>{@code
 * Evaluation e = governor.evaluate(Scope.all(), LearningPack.WEEKS);
 * for (WeekValue v : e.view(LearningPack.WEEKS)) { … }    // what gov metrics charts
 * }</pre>
 */
public final class LearningPack implements Pack {

    /** Every metric's value in every week that has data for it (gated or not): what {@code gov metrics} shows. */
    public static final View<WeekValue> WEEKS = View.of("learning", "learning.week-values", "$value", WeekValue.class::cast);

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

    /** Each metric's weekly values, from the records and the changes in branch order. */
    @Override
    public void derive(Derivation derivation) {
        Facts facts = derivation.facts();
        for (WeekValue value : Weekly.values(derivation.changes(), facts.of(Deployment.class),
                facts.of(Incident.class), facts.of(Review.class),
                derivation.policy().section(LearningPolicy.SECTION))) {
            derivation.insert(value);
        }
    }

    static LearningPolicy learning(Node node) {
        MapNode map = node.asMap().only(List.of("minRelativeChange", "minSamples", "teams"));
        LearningPolicy d = LearningPolicy.DEFAULT;
        return new LearningPolicy(
                SectionReader.value(map, "minRelativeChange", n -> n.asDouble(0), d.minRelativeChange()),
                SectionReader.value(map, "minSamples", n -> n.asInt(1, Integer.MAX_VALUE), d.minSamples()),
                SectionReader.value(map, "teams", LearningPack::teams, d.teams()));
    }

    /** {@code teams: { payments: [ada@example.com, grace] }}: each team's slug and its members. */
    private static Map<String, List<String>> teams(Node node) {
        MapNode map = node.asMap();
        Map<String, List<String>> teams = new LinkedHashMap<>();
        for (String team : map.keys()) {
            teams.put(team, map.require(team).asStrings());
        }
        return teams;
    }
}
