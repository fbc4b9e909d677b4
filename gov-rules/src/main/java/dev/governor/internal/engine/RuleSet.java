package dev.governor.internal.engine;

import dev.governor.RuleInfo;
import dev.governor.api.Policy;
import java.nio.file.Path;
import java.util.List;

/** The built-in pack plus compiled custom rule directories. (Being written.) */
public final class RuleSet {
    public static RuleSet load(List<Path> customDirs) {
        return new RuleSet();
    }

    public List<RuleInfo> describe(Policy policy) {
        return List.of();
    }
}
