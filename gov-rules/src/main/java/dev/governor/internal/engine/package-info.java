/**
 * Not API. One check's run of the rules ({@code Engine}), the built-in and custom knowledge bases
 * ({@code RuleSet}), and the derivation of which hotspot subject each change touches ({@code Touches}).
 */
package dev.governor.internal.engine;
