/**
 * Governor's plain-Java API: the facts rules reason about ({@link dev.governor.api.Change},
 * {@link dev.governor.api.Adr}, {@link dev.governor.api.Contract}, {@link dev.governor.api.Deployment} …,
 * a sealed {@link dev.governor.api.Fact}), what they report ({@link dev.governor.api.Finding}), the
 * {@link dev.governor.api.Policy} model, and the {@link dev.governor.api.FactSource} SPI through which host
 * tools supply facts. Nothing here needs Drools, JGit, Jackson or SnakeYAML.
 */
package dev.governor.api;
