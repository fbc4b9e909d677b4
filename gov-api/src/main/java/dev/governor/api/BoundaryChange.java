package dev.governor.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A change to a service boundary, classified from one change's diff as rules.md defines them: a rename
 * moves most (over half) of one service's files into one new directory; a split moves a share of them into
 * a new service while the old one stays; a merge moves them into another existing service; a removal
 * deletes the service. Creating a service is none of these.
 *
 * <pre>{@code
 * new BoundaryChange("#42", BoundaryChange.Kind.RENAME, "services/billing", "services/payments", 12, 12)
 * }</pre>
 *
 * @param change  the id of the change
 * @param kind    what happened to the service
 * @param service the service's directory before the change
 * @param into    where its files went: the new directory (rename), the new service (split), the service
 *                that took them (merge); {@code null} for a removal
 * @param moved   how many of its files moved there
 * @param files   how many files it had before the change
 */
public record BoundaryChange(String change, Kind kind, String service, String into, int moved, int files)
        implements Fact {

    /** The four ways a change reshapes a service boundary. */
    public enum Kind {
        /** Most of one service's files moved into one new directory. */
        RENAME,
        /** A share of one service's files moved into a new service, the old one staying. */
        SPLIT,
        /** All of one service's files moved into another existing service. */
        MERGE,
        /** A service deleted. */
        REMOVAL;

        /** The lower-case name: {@code rename}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public BoundaryChange {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(service, "service");
        if ((kind == Kind.REMOVAL) != (into == null)) {
            throw new IllegalArgumentException(kind.id() + " of " + service + " by " + change
                    + (into == null ? " needs the directory its files went to" : " has no directory its files went to"));
        }
        if (moved < 0 || files < 0) {
            throw new IllegalArgumentException(kind.id() + " of " + service + ": counts must be 0 or more");
        }
    }

    /** How it reads in a message: {@code renames services/billing to services/payments}. */
    public String describe() {
        return switch (kind) {
            case RENAME -> "renames " + service + " to " + into;
            case SPLIT -> "splits " + into + " out of " + service;
            case MERGE -> "merges " + service + " into " + into;
            case REMOVAL -> "removes " + service;
        };
    }

    @Override
    public Ref ref() {
        return new Ref(Ref.Kind.SERVICE, service, null, kind.id() + (into != null ? " to " + into : ""));
    }
}
