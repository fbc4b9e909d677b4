package dev.governor.packs.change;

import dev.governor.api.Change;

/**
 * A change with its place in branch order (0 for the oldest change read), for rules that ask which ADR
 * versions were in force at it. Derived only for the changes that write an ADR.
 *
 * @param change the change
 * @param index  its place in branch order
 */
public record Step(Change change, int index) {
}
