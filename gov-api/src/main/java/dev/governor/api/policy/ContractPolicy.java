package dev.governor.api.policy;

import dev.governor.api.Policy;
import java.util.Objects;

/**
 * {@code contracts:} in governance.yml.
 *
 * @param registry the contract registry file, relative to the repository root
 */
public record ContractPolicy(String registry) {
    public static final ContractPolicy DEFAULT = new ContractPolicy("contracts/registry.yml");
    public static final Policy.Section<ContractPolicy> SECTION = Policy.Section.of("contracts", ContractPolicy.class, DEFAULT);

    public ContractPolicy {
        Objects.requireNonNull(registry, "registry");
    }
}
