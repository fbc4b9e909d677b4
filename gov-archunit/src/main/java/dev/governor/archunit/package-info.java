/**
 * ADR boundaries as ArchUnit rules ({@link dev.governor.archunit.AdrArchRules}): depends on gov-api's
 * {@code Adr} and ArchUnit alone, so a team's test suite adds it beside ArchUnit and reads its ADRs with
 * gov-adapters' {@code AdrFiles}, or builds them in memory.
 */
package dev.governor.archunit;
