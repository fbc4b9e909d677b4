package dev.governor.packs.change;

import dev.governor.api.Change;
import dev.governor.api.Ref;
import java.util.List;

/**
 * A change that calls for an ADR (rules.md, {@code change.adr-required}): it renames, splits, merges or
 * removes a service boundary, or reverses a prior decision. Derived by the Change pack's rules from
 * boundary changes, reverts and ADR status changes; the rule that reports reads these alone.
 *
 * @param change    the change
 * @param subject   what it reshapes or reverses: a service, or the ADR set aside
 * @param what      how it reads in a message: "renames services/billing to services/payments"
 * @param evidence  the facts that show it
 * @param concerned paths of the ADRs the reversal itself rewrites, which do not count as recording it
 */
public record DecisionPoint(Change change, Ref subject, String what, List<Ref> evidence, List<String> concerned) {
    public DecisionPoint {
        evidence = List.copyOf(evidence);
        concerned = List.copyOf(concerned);
    }
}
