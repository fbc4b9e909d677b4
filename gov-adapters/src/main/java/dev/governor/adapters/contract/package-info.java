/**
 * The Contract layer's readers: the contract registry ({@code contracts/registry.yml}), each registered spec as
 * it was before and after every change (through the shared history core), and the breaking-change diff of
 * OpenAPI 2.0/3.x and JSON Schema documents ({@link dev.governor.adapters.contract.SpecDiffs}, behind
 * {@code gov diff}). The facts go to the rules through {@link dev.governor.adapters.contract.ContractFactSource};
 * the rules decide.
 */
package dev.governor.adapters.contract;
