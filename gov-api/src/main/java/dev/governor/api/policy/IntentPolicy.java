package dev.governor.api.policy;

import dev.governor.api.Policy;

/**
 * {@code intent:} in governance.yml: how the Intent layer reads change types.
 *
 * @param inferFromConventionalCommits infer a missing change type from a Conventional Commits subject
 */
public record IntentPolicy(boolean inferFromConventionalCommits) {
    /** The settings when {@code governance.yml} has no {@code intent:} section (spec/rules.md). */
    public static final IntentPolicy DEFAULT = new IntentPolicy(true);
    /** The {@code intent:} section of {@code governance.yml}: its key, type and defaults. */
    public static final Policy.Section<IntentPolicy> SECTION = Policy.Section.of("intent", IntentPolicy.class, DEFAULT);
}
