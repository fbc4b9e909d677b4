package dev.governor.api;

/**
 * Supplies facts to the rules: the SPI host tools implement to feed their own data (a PR database,
 * a deployment log) instead of, or beside, the repository. Implementations on the class path listed
 * in {@code META-INF/services/dev.governor.api.FactSource} are found with {@link java.util.ServiceLoader};
 * the bundled git adapter is found that way.
 *
 * <pre>{@code
 * FactSource deployments = context -> Facts.builder().deployment(myDeployLog.latest()).build();
 * Governor.builder().facts(deployments).build();
 * }</pre>
 */
@FunctionalInterface
public interface FactSource {

    /**
     * Reads facts for one check.
     *
     * @param context what is being checked: the repository (may be {@code null}), policy and clock
     * @return the facts, never {@code null}; {@link Facts#empty()} when this source has nothing to say
     * @throws GovernanceException when its input is malformed (naming file and line): never skip it silently
     */
    Facts read(FactContext context);
}
