package dev.governor.api;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Opens the governed {@link History} of a repository: the SPI behind {@code Governor.builder().repository(…)}.
 * The bundled git adapter (gov-adapters) implements it and registers it in
 * {@code META-INF/services/dev.governor.api.HistoryProvider}; without one on the class path, checking a
 * repository is an error, never an empty pass.
 */
public interface HistoryProvider {

    /**
     * Reads the history of the repository at {@code repository}.
     *
     * @param repository the repository root (or a directory inside it)
     * @param branch     the branch to read, or {@code null} for the policy's branch, else HEAD's
     * @param since      leave out changes merged before this instant, or {@code null} for the whole history
     * @param policy     the policy in force
     * @throws GovernanceException when there is no repository there, the branch is unknown, or a record
     *                             the history reads (a PR record) is malformed
     */
    History open(Path repository, String branch, Instant since, Policy policy);
}
