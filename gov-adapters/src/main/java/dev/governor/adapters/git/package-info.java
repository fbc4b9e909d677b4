/**
 * The embedded default fact source: a git repository read with JGit. {@link dev.governor.adapters.git.GitFactSource}
 * is registered for {@link java.util.ServiceLoader}; {@link dev.governor.adapters.git.GitHistory} can be used on
 * its own. Everything else here is package-private.
 */
package dev.governor.adapters.git;
