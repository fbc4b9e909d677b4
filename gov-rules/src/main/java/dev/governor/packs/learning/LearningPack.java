package dev.governor.packs.learning;

import dev.governor.api.Deployment;
import dev.governor.api.Facts;
import dev.governor.api.Incident;
import dev.governor.api.Review;
import dev.governor.api.policy.LearningPolicy;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.api.Finding;
import dev.governor.api.IsoWeek;
import dev.governor.pack.ContextEntry;
import dev.governor.pack.ContextRequest;
import dev.governor.pack.Derivation;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import dev.governor.pack.View;
import java.util.ArrayList;
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

    /**
     * A release blocker active this week ({@code learning.release-blocker}): it holds every path, since no
     * sign-off passes in its week (rules.md, {@code release.learning-blocker}).
     */
    @Override
    public List<ContextEntry> context(ContextRequest request) {
        String thisWeek = IsoWeek.of(request.now()).id();
        List<ContextEntry> out = new ArrayList<>();
        for (Finding f : request.findings()) {
            if (f.ruleId().equals("learning.release-blocker") && f.subject().id().equals(thisWeek)) {
                out.add(ContextEntry.of("release-blocker", null, f.message() + ": no sign-off passes this week "
                                + "(release.learning-blocker), whatever the paths; fix what made the metric worse")
                        .with("week", thisWeek)
                        .with("metric", f.subject().detail())
                        .withEvidence(f.evidence()));
            }
        }
        return out;
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
