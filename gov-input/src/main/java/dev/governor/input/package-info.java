/**
 * One safe reader for structured input: YAML, JSON and JSON Lines become a tree of nodes that remember
 * their file, line and path, so that every error a reader of {@code governance.yml}, PR records, the contract
 * registry, deployment records or gate files reports names them. Input is bounded (size, aliases,
 * depth), YAML tags and duplicate keys are refused, and nothing is ever constructed from input.
 *
 * <p>The API: {@link dev.governor.input.StructuredInput} reads ({@code read}, {@code parse},
 * {@code forEachItem}) within {@link dev.governor.input.Limits}, in a {@link dev.governor.input.Format};
 * the result is a {@link dev.governor.input.Node} ({@link dev.governor.input.MapNode},
 * {@link dev.governor.input.ListNode}, {@link dev.governor.input.ScalarNode},
 * {@link dev.governor.input.NullNode}) whose conversions ({@code asInt}, {@code asDuration},
 * {@code asChoice} …) fail with {@link dev.governor.api.GovernanceException}s that say file, line, path
 * and what would be right. {@link dev.governor.input.Suggestions} gives the "did you mean".
 */
package dev.governor.input;
