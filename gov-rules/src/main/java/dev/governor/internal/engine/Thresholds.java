package dev.governor.internal.engine;

import dev.governor.api.Policy;
import dev.governor.rules.Findings;

/** The values of the policy keys rules name in {@code @thresholds}, for {@code gov explain}. */
final class Thresholds {
    private Thresholds() {
    }

    static String value(Policy p, String key) {
        return switch (key) {
            case "hotspot.count" -> String.valueOf(p.hotspot().count());
            case "hotspot.window" -> Findings.duration(p.hotspot().window());
            case "hotspot.scope" -> p.hotspot().scope().id();
            case "release.requiredGates" -> String.join(", ", p.release().requiredGates());
            case "release.independentReviewFrom" -> p.release().independentReviewFrom().id();
            case "learning.minRelativeChange" -> String.valueOf(p.learning().minRelativeChange());
            case "learning.minSamples" -> String.valueOf(p.learning().minSamples());
            case "intent.inferFromConventionalCommits" -> String.valueOf(p.intent().inferFromConventionalCommits());
            default -> "?";
        };
    }
}
