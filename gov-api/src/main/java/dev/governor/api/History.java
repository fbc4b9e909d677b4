package dev.governor.api;

import java.util.List;
import java.util.Optional;

/**
 * A repository's governed history, read once per check and shared by every {@link FactSource}: the
 * changes of the branch's first-parent history (with their ids, PR matching and reviews), and the tree
 * and files at any of them. Readers of ADRs, contracts and records take what they need from here
 * instead of walking the history again, and refer to the changes it found. Implementations cache what
 * they read and are safe to use from many threads.
 *
 * <pre>{@code
 * History history = context.history().orElseThrow();
 * for (Change change : history.changes()) {
 *     if (change.files().stream().anyMatch(f -> "contracts/orders.yaml".equals(f.path()))) {
 *         Optional<FileContent> before = history.parentTree(change).flatMap(t -> t.file("contracts/orders.yaml"));
 *         Optional<FileContent> after = history.tree(change).file("contracts/orders.yaml");
 *     }
 * }
 * }</pre>
 */
public interface History {

    /** The full SHA of the branch's head commit. */
    String head();

    /** The branch read ({@code HEAD} when HEAD is detached). */
    String branch();

    /**
     * Whether the history is a shallow clone's: the oldest commit read has parents that are not in the
     * repository, so its files are unknown and nothing before it is known.
     */
    boolean shallow();

    /** The changes, oldest first, in branch order: {@link Change#position()} is each one's index. */
    List<Change> changes();

    /** The reviews that PR records give, in the order of their changes. */
    List<Review> reviews();

    /** The change with this id ({@code #42}) or SHA (full, or abbreviated to 7 or more digits), if read. */
    Optional<Change> change(String idOrSha);

    /** The repository's tree as it is after {@code change} (at its commit). */
    FileTree tree(Change change);

    /**
     * The tree before {@code change}: at its first parent, the empty tree for a root commit, or empty
     * when it is unknown (the boundary of a shallow clone).
     */
    Optional<FileTree> parentTree(Change change);
}
