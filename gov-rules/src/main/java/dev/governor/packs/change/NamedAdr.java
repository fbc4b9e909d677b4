package dev.governor.packs.change;

import dev.governor.api.Adr;
import dev.governor.api.Change;

/**
 * An ADR a change names in an {@code ADR:} trailer, resolved against the ADRs of the history.
 *
 * @param change    the change
 * @param reference the trailer's value, as written
 * @param adr       the ADR it names, or {@code null} when no ADR of the history has that number or path
 */
public record NamedAdr(Change change, String reference, Adr adr) {
}
