package dev.governor.adapters.git;

import dev.governor.api.FileChange;
import dev.governor.api.Trailer;

import java.util.List;
import java.util.Objects;

/**
 * What one first-parent commit says, before any policy is applied: the raw data the fact cache keeps
 * per commit SHA (under the settings that shape it, see {@link FactCache}), so that a repeated read skips
 * the tree diffs.
 *
 * @param sha         the full SHA
 * @param commitTime  the committer time, epoch seconds
 * @param authorEmail the author's e-mail address
 * @param subject     the message's first line
 * @param title       for a GitHub merge commit ({@code Merge pull request #N from …}), the first line of its
 *                    body: the pull request's title; else {@code null}
 * @param trailers    the message's trailers
 * @param reverts     the SHA named by {@code This reverts commit <sha>}, or {@code null}
 * @param files       the diff against the first parent (the empty tree for a root commit); empty for a
 *                    shallow clone's boundary commit, whose parent is unknown
 * @param merged      for a merge commit, the merged side's commits, newest first; else empty
 * @param authorTime  the author time, epoch seconds: when the commit was first written
 */
record CommitData(String sha, long commitTime, String authorEmail, String subject, String title,
                  List<Trailer> trailers, String reverts, List<FileChange> files, List<Merged> merged,
                  long authorTime) {

    CommitData {
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(subject, "subject");
        trailers = List.copyOf(trailers);
        files = List.copyOf(files);
        merged = List.copyOf(merged);
    }

    /** When work on the change began: the earliest author time of the commit and its merged side, epoch seconds. */
    long firstAuthorTime() {
        long first = authorTime;
        for (Merged m : merged) {
            first = Math.min(first, m.authorTime());
        }
        return first;
    }

    /**
     * One commit of a merge's merged side.
     *
     * @param authorEmail its author's e-mail address
     * @param trailers    its trailers
     * @param reverts     the SHA named by {@code This reverts commit <sha>}, or {@code null}
     * @param authorTime  its author time, epoch seconds
     */
    record Merged(String authorEmail, List<Trailer> trailers, String reverts, long authorTime) {
        Merged {
            trailers = List.copyOf(trailers);
        }
    }
}
