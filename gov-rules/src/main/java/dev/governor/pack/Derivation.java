package dev.governor.pack;

import dev.governor.api.Change;
import dev.governor.api.Facts;
import dev.governor.api.History;
import dev.governor.api.Policy;
import java.time.Instant;
import java.util.List;

/**
 * What a pack's derivation step sees and where it puts what it derives: the facts of the check, the
 * policy and the clock, and the session its rules run in.
 */
public interface Derivation {

    /** The policy in force. */
    Policy policy();

    /** The clock's reading for this check. */
    Instant now();

    /** Every fact of the check, in the order the sources gave them. */
    Facts facts();

    /**
     * The changes in branch order (rules.md): the first-parent order of the history, oldest first; changes
     * with no branch order (host-supplied) by merge time, then id.
     */
    List<Change> changes();

    /**
     * The repository's governed history, to read files at a change (a CODEOWNERS, a spec) without walking
     * the history again; {@code null} when the check reads no repository (facts given in memory).
     */
    History history();

    /** Inserts a derived fact into the session the pack's rules run in. */
    void insert(Object fact);
}
