package dev.governor.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link FactSource} is asked to read for.
 *
 * @param repository the repository root, or {@code null} when checking facts supplied in memory
 * @param branch     the branch to read, or {@code null} for the repository's HEAD branch
 * @param since      read no history merged before this instant, or {@code null} for all of it
 * @param now        the clock's reading for this check
 * @param policy     the policy in force
 * @param history    the repository's governed history, read once and shared, or {@code null} when no
 *                   repository is checked
 */
public record FactContext(Path repository, String branch, Instant since, Instant now, Policy policy,
                          History history) {
    public FactContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(policy, "policy");
    }

    /** A context with no repository history: facts supplied in memory. */
    public FactContext(Path repository, String branch, Instant since, Instant now, Policy policy) {
        this(repository, branch, since, now, policy, null);
    }
}
