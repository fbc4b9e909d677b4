package dev.governor.packs.change;

import dev.governor.api.Adr;
import dev.governor.api.Change;

/**
 * An ADR at the head with the change that last wrote it, so that a finding about the ADR is attributed to
 * that change (and reported with it by {@code --change}).
 *
 * @param adr    the ADR
 * @param change the change that last added or modified it, or {@code null} when none of the history read did
 */
public record AdrEntry(Adr adr, Change change) {
}
