/**
 * Posting sign-off evidence to GitHub: {@link dev.governor.adapters.github.GitHubClient} writes a commit comment
 * through the REST API with {@code java.net.http}, retrying 5xx answers and secondary rate limits, and never
 * letting the token reach output, logs or exceptions.
 */
package dev.governor.adapters.github;
