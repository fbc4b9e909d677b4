/**
 * Examples of embedding Governor: {@link dev.governor.examples.HostTool} feeds a host's deployment log
 * and a custom rule ({@code rules/no-friday-deploys.drl}) to the engine; the tests of this module show
 * the assertion DSL of {@code dev.governor.test}.
 */
package dev.governor.examples;
