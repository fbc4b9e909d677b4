/**
 * Not API. Reading {@code governance.yml} safely into a {@link dev.governor.api.Policy}, durations, and
 * "did you mean" suggestions shared by every message that offers one.
 */
package dev.governor.internal.policy;
