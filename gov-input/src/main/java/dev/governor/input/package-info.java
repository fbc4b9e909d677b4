/**
 * One safe reader for structured input: YAML, JSON and JSON Lines become a tree of nodes that remember
 * their file and line, so that every error a reader of {@code governance.yml}, PR records, the contract
 * registry, deployment records or gate files reports names both. Input is bounded (size, aliases,
 * depth), YAML tags and duplicate keys are refused, and nothing is ever constructed from input.
 */
package dev.governor.input;
