/**
 * Examples of embedding Governor, each built and tested with the project: {@link dev.governor.examples.HostTool}
 * is a host tool that feeds its own deployment export ({@link dev.governor.examples.DeploymentCsv}, a
 * {@code FactSource} of its own) and a team's rule pack ({@code rules/*.drl}: two rules) to the engine; the
 * tests show the pack unit-tested on facts built in memory, and governance test classes on sample repositories
 * with {@code @AnalyzeRepository}, one rule frozen. {@code ownership} is a sixth layer of one's own.
 */
package dev.governor.examples;
