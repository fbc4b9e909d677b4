/**
 * The settings of the five built-in layers, one record per section of {@code governance.yml}, each with
 * its defaults (those of {@code spec/rules.md}) and its {@link dev.governor.api.Policy.Section} key. They
 * live here, in plain Java, because both the rules (gov-rules) and the readers of the repository
 * (gov-adapters) use them; each layer's pack declares and reads its own sections.
 */
package dev.governor.api.policy;
