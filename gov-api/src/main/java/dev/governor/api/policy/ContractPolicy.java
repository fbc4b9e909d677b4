package dev.governor.api.policy;

import dev.governor.api.Policy;
import java.util.Objects;

/**
 * {@code contracts:} in governance.yml.
 *
 * @param registry the contract registry file, relative to the repository root
 */
public record ContractPolicy(String registry) {
    /** The settings when {@code governance.yml} has no {@code contracts:} section (spec/rules.md). */
    public static final ContractPolicy DEFAULT = new ContractPolicy("contracts/registry.yml");
    /** The {@code contracts:} section of {@code governance.yml}: its key, type and defaults. */
    public static final Policy.Section<ContractPolicy> SECTION = Policy.Section.of("contracts", ContractPolicy.class, DEFAULT);

    public ContractPolicy {
        Objects.requireNonNull(registry, "registry");
    }
}
