/**
 * The rule pack's own facts: state that the built-in rules ({@code rules/*.drl}) keep and update as
 * changes arrive in merge order, and the helpers their consequences call. Public only because the
 * executable model's generated classes live in sub-packages; not API.
 */
package dev.governor.rules;
