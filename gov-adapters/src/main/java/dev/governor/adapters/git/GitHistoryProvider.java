package dev.governor.adapters.git;

import dev.governor.api.History;
import dev.governor.api.HistoryProvider;
import dev.governor.api.Policy;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The bundled {@link HistoryProvider}: a git repository's governed history read with JGit (one first-parent
 * walk, the fact cache, PR records and their reviews), with trees and files read only when asked for.
 * Registered for {@link java.util.ServiceLoader}. Histories are kept per process: opening the same
 * repository again while its head has not moved (and nothing else that shapes its changes has changed)
 * gives the same {@link History} without reading anything; after new commits, only those are diffed.
 *
 * <pre>{@code
 * History history = new GitHistoryProvider().open(Path.of("."), null, null, Policy.defaults());
 * Change last = history.changes().get(history.changes().size() - 1);
 * Optional<FileTree> before = history.parentTree(last);
 * }</pre>
 */
public final class GitHistoryProvider implements HistoryProvider {

    /**
     * How many histories this process has read from a repository rather than found kept (an unmoved head is
     * found; a moved one is read, diffing only its new commits): how a warm server shows it answers from
     * memory.
     */
    public static long historiesRead() {
        return Histories.SHARED.reads();
    }

    @Override
    public History open(Path repository, String branch, Instant since, Policy policy) {
        return Histories.SHARED.open(repository, branch, since, policy);
    }

    /**
     * {@inheritDoc} The history under the staged change is the one {@link #open} keeps for the head: only the
     * index is read.
     */
    @Override
    public History staged(Path repository, String branch, Instant since, Policy policy, String message, Instant at) {
        GitRepositoryHistory base = Histories.SHARED.open(repository, branch, since, policy);
        return StagedHistory.of(base, base.repository(), repository.toString(), policy, message, at);
    }
}
