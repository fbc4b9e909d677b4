/**
 * Governance assertions for unit tests, ArchUnit-style: {@link dev.governor.test.GovRules} builds
 * {@link dev.governor.test.GovRule}s that check a {@link dev.governor.Governor}, a {@link dev.governor.Report}
 * or in-memory {@link dev.governor.api.Facts}; {@link dev.governor.test.AnalyzeRepository} and
 * {@link dev.governor.test.GovTest} run rule fields as JUnit tests.
 */
package dev.governor.test;
