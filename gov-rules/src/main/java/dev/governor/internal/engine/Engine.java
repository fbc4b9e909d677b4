package dev.governor.internal.engine;

import dev.governor.HotspotStatus;
import dev.governor.Report;
import dev.governor.Scope;
import dev.governor.api.FactSource;
import dev.governor.api.Policy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** One check's run of the rules. (Being written.) */
public final class Engine {
    public Engine(RuleSet rules, Policy policy, Path repository, String branch, Instant since, Clock clock,
                  List<FactSource> sources) {
    }

    public static List<FactSource> serviceLoadedSources() {
        return List.of();
    }

    public Report check(Scope scope) {
        throw new UnsupportedOperationException("engine being written");
    }

    public List<HotspotStatus> hotspots() {
        throw new UnsupportedOperationException("engine being written");
    }
}
