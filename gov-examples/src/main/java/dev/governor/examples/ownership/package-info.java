/**
 * An example of a pack of one's own: code ownership from CODEOWNERS, as a sixth layer beside the five.
 * It uses only the public API (the pack SPI, the policy model, the history core and the safe reader).
 */
package dev.governor.examples.ownership;
