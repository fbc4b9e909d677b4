package dev.governor.api.policy;

import dev.governor.api.Policy;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code learning:} in governance.yml.
 *
 * <pre>{@code
 * learning:
 *   minRelativeChange: 0.1          # a week must be over 10% worse than the one before to count as degraded
 *   minSamples: 5                   # fewer data points give the week no value
 *   teams:                          # who is in which team, so a review requested from one's own team is not a wait
 *     payments: [ada@example.com, grace]
 * }</pre>
 *
 * @param minRelativeChange how much worse a week must be than the one before to count as degraded (0.1 = 10%)
 * @param minSamples        fewer data points than this in a week give the metric no value
 * @param teams             team slug to its members (logins or e-mail addresses, as changes name their authors);
 *                          a review requested from a team the change's author is in does not count as a
 *                          cross-team wait. Without an entry, every team is another team than the author's.
 */
public record LearningPolicy(double minRelativeChange, int minSamples, Map<String, List<String>> teams) {
    /** The settings when {@code governance.yml} has no {@code learning:} section (spec/rules.md). */
    public static final LearningPolicy DEFAULT = new LearningPolicy(0.0, 1, Map.of());
    /** The {@code learning:} section of {@code governance.yml}: its key, type and defaults. */
    public static final Policy.Section<LearningPolicy> SECTION = Policy.Section.of("learning", LearningPolicy.class, DEFAULT);

    public LearningPolicy {
        if (!(minRelativeChange >= 0) || Double.isInfinite(minRelativeChange)) {
            throw new IllegalArgumentException("learning.minRelativeChange must be 0 or more, was " + minRelativeChange);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("learning.minSamples must be at least 1, was " + minSamples);
        }
        Objects.requireNonNull(teams, "teams");
        // slugs and members compare without case, as GitHub's do; sorted, so the policy prints the same each run
        TreeMap<String, List<String>> lower = new TreeMap<>();
        teams.forEach((team, members) -> lower.put(team.toLowerCase(Locale.ROOT),
                members.stream().map(m -> m.toLowerCase(Locale.ROOT)).sorted().distinct().toList()));
        teams = Collections.unmodifiableSortedMap(lower);
    }

    /** The thresholds alone, with no teams named. */
    public LearningPolicy(double minRelativeChange, int minSamples) {
        this(minRelativeChange, minSamples, Map.of());
    }

    /**
     * Whether a review requested from {@code team} is a wait on another team than {@code author}'s: true unless
     * {@link #teams()} lists the author as a member of that team.
     */
    public boolean crossTeam(String team, String author) {
        if (author == null) {
            return true;
        }
        List<String> members = teams.get(team.toLowerCase(Locale.ROOT));
        return members == null || !members.contains(author.toLowerCase(Locale.ROOT));
    }
}
