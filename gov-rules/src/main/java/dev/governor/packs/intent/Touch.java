package dev.governor.packs.intent;

import dev.governor.api.Change;
import dev.governor.api.ChangeType;
import java.time.Instant;

/**
 * One change touching one hotspot subject (a file after following renames, or a directory).
 *
 * @param path   the subject's path as of this change
 * @param type   the change type in force, or {@code null}
 * @param change the change
 */
public record Touch(String path, ChangeType type, Change change) {

    /** The change's merge time. */
    public Instant at() {
        return change.mergedAt();
    }
}
