package dev.governor.packs.change;

import dev.governor.api.Change;

/**
 * A change that reverts an earlier change of the history ({@code Reverts:} trailer, or git's "This reverts
 * commit …"), the id or SHA it names resolved to that change.
 *
 * @param change   the reverting change
 * @param reverted the change it reverts
 */
public record Revert(Change change, Change reverted) {
}
