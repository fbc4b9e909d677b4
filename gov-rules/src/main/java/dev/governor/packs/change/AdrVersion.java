package dev.governor.packs.change;

import dev.governor.api.Adr;

/**
 * One version of an ADR and the span of the history it was in force: written by the change at {@code from}
 * ({@code -1}: before the history read), replaced or deleted by the change at {@code until}
 * ({@link Integer#MAX_VALUE}: still as it is at the head). Indexes are places in branch order.
 *
 * @param adr   the ADR as this version has it
 * @param from  the index of the change that wrote it
 * @param until the index of the change that replaced or deleted it
 */
public record AdrVersion(Adr adr, int from, int until) {

    /** Whether this version stood just before the change at {@code index} (what that change was made against). */
    public boolean inForceBefore(int index) {
        return from < index && index <= until;
    }

    /** Whether this version stands just after the change at {@code index}. */
    public boolean inForceAfter(int index) {
        return from <= index && index < until;
    }
}
