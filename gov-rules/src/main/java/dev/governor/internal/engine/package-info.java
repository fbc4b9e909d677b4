/**
 * Not API. One check's run of the packs ({@code Engine}), the packs found and their run order
 * ({@code Packs}), the precompiled and compiled knowledge bases ({@code RuleSet}), and branch order
 * ({@code BranchOrder}). Names no pack: everything a layer knows lives in its pack.
 */
package dev.governor.internal.engine;
