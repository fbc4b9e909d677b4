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

    /** The id of the change {@link #staged} adds: what is staged in the index, not yet a commit. */
    String STAGED = "staged";

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

    /**
     * The governed history with what is staged in the repository's index as one more change on top of its
     * head ({@code gov check --pending}): its files are the index's differences from the head's tree (renames
     * detected as for a commit), its trailers and type are read from {@code message} as from a commit's, it
     * is merged at {@code at}, and its id is {@link #STAGED}. Reads, never writes: the index's trees stay in
     * memory. The history under it is the one {@link #open} gives (a warm process reads nothing again).
     *
     * <pre>{@code
     * History pending = provider.staged(Path.of("."), null, null, policy, "fix: ledger rounding", Instant.now());
     * Change staged = pending.change(HistoryProvider.STAGED).orElseThrow();
     * }</pre>
     *
     * @param message the commit message to be (trailers, Conventional Commits subject), {@code ""} for none
     * @param at      when the change counts as merged
     * @throws GovernanceException as {@link #open}, or when this reader cannot read an index
     */
    default History staged(Path repository, String branch, Instant since, Policy policy, String message, Instant at) {
        throw new GovernanceException(repository.toString(), 0, "this history reader (" + getClass().getName()
                + ") cannot read staged changes: put dev.governor:gov-adapters (the git reader) on the class path");
    }
}
