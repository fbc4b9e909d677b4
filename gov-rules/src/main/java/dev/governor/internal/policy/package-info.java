/**
 * Not API. Reading {@code governance.yml} into a {@link dev.governor.api.Policy}: the core keys here, each
 * pack's section by that pack's reader, the YAML by gov-input's safe reader.
 */
package dev.governor.internal.policy;
