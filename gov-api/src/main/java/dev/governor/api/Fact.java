package dev.governor.api;

/**
 * A fact the rules reason about. The set is closed: host tools supply these records through a
 * {@link FactSource}; custom rules see the same types as the built-in pack.
 */
public sealed interface Fact
        permits Change, Adr, Contract, ContractDiff, GateResult, Deployment, Incident, Review, SignOff,
        AdrChange, BoundaryChange, SpecFile {

    /** How findings refer to this fact. */
    Ref ref();
}
