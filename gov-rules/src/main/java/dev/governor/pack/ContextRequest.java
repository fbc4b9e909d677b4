package dev.governor.pack;

import dev.governor.api.Change;
import dev.governor.api.Facts;
import dev.governor.api.Finding;
import dev.governor.api.History;
import dev.governor.api.Policy;
import java.time.Instant;
import java.util.List;

/**
 * What a pack sees when asked what a change to some paths must know ({@code gov context}, the MCP
 * {@code context} tool): the paths asked about, and the run of the rules that has just finished, with its
 * facts, its findings and the rows of the pack's own views. A pack answers with
 * {@link Pack#context(ContextRequest)}; it reads, it never decides anew.
 *
 * <pre>{@code
 * public List<ContextEntry> context(ContextRequest request) {
 *     List<ContextEntry> out = new ArrayList<>();
 *     for (OwnedFile f : request.rows(OWNED)) {
 *         if (request.covers(f.path())) {
 *             out.add(ContextEntry.of("owners", f.path(), f.path() + " is owned by " + f.owners()));
 *         }
 *     }
 *     return out;
 * }
 * }</pre>
 */
public interface ContextRequest {

    /**
     * The paths asked about, relative to the repository root with {@code /} separators, in the order asked.
     * A path may name a file, a directory, or nothing yet (a file about to be created).
     */
    List<String> paths();

    /**
     * Whether {@code path} is one of the paths asked about or lies under one of them (a path asked about may be a
     * directory).
     */
    default boolean covers(String path) {
        if (path == null) {
            return false;
        }
        for (String asked : paths()) {
            if (within(path, asked)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code change} added, modified, deleted or renamed (from or to) {@code path} or a path under it. */
    static boolean touches(Change change, String path) {
        for (var f : change.files()) {
            if (within(f.oldPath(), path) || within(f.newPath(), path)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code path} is {@code asked} or lies under it (no concatenation: this runs for every file looked at). */
    private static boolean within(String path, String asked) {
        return path != null && path.startsWith(asked)
                && (path.length() == asked.length() || path.charAt(asked.length()) == '/');
    }

    /** Whether {@code change} added, modified, deleted or renamed (from or to) a path this request covers. */
    default boolean touches(Change change) {
        for (var f : change.files()) {
            if (covers(f.oldPath()) || covers(f.newPath())) {
                return true;
            }
        }
        return false;
    }

    /** The policy in force. */
    Policy policy();

    /** The clock's reading for this run. */
    Instant now();

    /**
     * Where "recent" starts: the Governor's {@code since} when it was given one, else 90 days before now (what
     * {@code gov check} reports). Reverts and open blockers from before it are not recent.
     */
    Instant recentSince();

    /** Every fact of the run. */
    Facts facts();

    /** The changes in branch order, oldest first. */
    List<Change> changes();

    /** The repository's governed history, or {@code null} when the run reads no repository. */
    History history();

    /**
     * The findings of the run so far, after the policy (rules turned off are left out, severities as the policy
     * sets them), in no particular order: in the session of the built-in packs, theirs; in the session of packs
     * from other jars, every finding.
     */
    List<Finding> findings();

    /**
     * The rows of one of the pack's views, read from the session that has just run; empty when the view's pack
     * did not run in this session.
     */
    <T> List<T> rows(View<T> view);
}
