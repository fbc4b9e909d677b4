package dev.governor.rules;

import dev.governor.api.Change;
import dev.governor.api.ChangeType;
import java.time.Instant;

/**
 * One change touching one hotspot subject (a file after following renames, or a directory). A
 * subject's touches form a chain in merge order: each names the position of the one before it, so the
 * rules process them one after another per subject, updating its {@link FileState} as they arrive.
 *
 * @param seq    the change's position in merge order (ties by change id)
 * @param prev   the position of the previous change that touched the same subject, or -1
 * @param key    the subject's identity: stable across renames of a file
 * @param path   the subject's path as of this change
 * @param type   the change type in force, or {@code null}
 * @param change the change
 */
public record Touch(int seq, int prev, int key, String path, ChangeType type, Change change) {

    /** The change's merge time. */
    public Instant at() {
        return change.mergedAt();
    }
}
