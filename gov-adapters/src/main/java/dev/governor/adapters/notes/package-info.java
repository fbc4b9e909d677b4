/**
 * Sign-off evidence in git notes under {@code refs/notes/governance}: {@link dev.governor.adapters.notes.GovernanceNotes}
 * appends a sign-off's JSON evidence to the note of its SHA (never clobbering another environment's, safe when
 * two sign-offs race) and reads recorded sign-offs back; {@link dev.governor.adapters.notes.SignOffNotes} gives
 * them to the rules as {@link dev.governor.api.SignOff} facts.
 */
package dev.governor.adapters.notes;
