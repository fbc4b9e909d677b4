package dev.governor.rules;

import dev.governor.api.Change;
import dev.governor.api.ChangeType;
import java.time.Instant;

/**
 * One change touching one hotspot subject (a file after following renames, or a directory).
 *
 * @param seq    the change's position in merge order (ties by change id); the {@link Cursor} walks it
 * @param key    the subject's identity: stable across renames of a file
 * @param path   the subject's path as of this change
 * @param change the change
 */
public record Touch(int seq, int key, String path, Change change) {

    /** The change type in force, or {@code null}. */
    public ChangeType type() {
        return change.type();
    }

    /** The change's merge time. */
    public Instant at() {
        return change.mergedAt();
    }
}
