package dev.governor.api;

import java.util.Locale;
import java.util.Objects;

/**
 * What one change did to one ADR file: the ADR as it stood before the change and after it, so that rules
 * can ask whether a change added or updated an ADR, or set an accepted decision aside.
 *
 * <pre>{@code
 * AdrChange flip = new AdrChange("#42", "docs/adr/0003-queue.md", AdrChange.Kind.MODIFIED, accepted, deprecated);
 * flip.writes();   // true: the change updates an ADR
 * }</pre>
 *
 * @param change the id of the change
 * @param path   the ADR's path after the change (before it, when deleted)
 * @param kind   what the change did to the file
 * @param before the ADR as it stood before the change, or {@code null} when it did not exist
 * @param after  the ADR as it stands after the change, or {@code null} when deleted
 */
public record AdrChange(String change, String path, Kind kind, Adr before, Adr after) implements Fact {

    /** What a change did to an ADR file. */
    public enum Kind {
        /** The change added the ADR file. */
        ADDED,
        /** The change edited it. */
        MODIFIED,
        /** The change moved it to another path. */
        RENAMED,
        /** The change deleted it. */
        DELETED;

        /** The lower-case name: {@code added}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AdrChange {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ADDED) != (before == null)) {
            throw new IllegalArgumentException("ADR " + path + " " + kind.id() + " by " + change
                    + ": only an added ADR has no before");
        }
        if ((kind == Kind.DELETED) != (after == null)) {
            throw new IllegalArgumentException("ADR " + path + " " + kind.id() + " by " + change
                    + ": only a deleted ADR has no after");
        }
    }

    /** Whether the change added or updated the ADR (anything but deleting it). */
    public boolean writes() {
        return after != null;
    }

    /** The ADR's path before the change ({@code null} when added). */
    public String oldPath() {
        return before == null ? null : before.path();
    }

    @Override
    public Ref ref() {
        Adr adr = after != null ? after : before;
        return new Ref(Ref.Kind.ADR, adr.number() != null ? String.valueOf(adr.number()) : path, null,
                path + " " + kind.id() + " by " + change);
    }
}
