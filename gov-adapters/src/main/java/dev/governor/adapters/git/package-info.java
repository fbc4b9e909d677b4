/**
 * The embedded default fact source: a git repository read with JGit. {@link dev.governor.adapters.git.GitHistoryProvider}
 * (the governed {@link dev.governor.api.History}: changes, reviews, trees and files, read once per process) and
 * {@link dev.governor.adapters.git.GitFactSource} are registered for {@link java.util.ServiceLoader};
 * {@link dev.governor.adapters.git.GitHistory} can be used on its own. Everything else here is package-private.
 */
package dev.governor.adapters.git;
