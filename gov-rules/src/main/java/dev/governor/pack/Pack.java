package dev.governor.pack;

import java.util.List;
import java.util.Set;

/**
 * One layer of governance, self-contained: its rule files, the {@code governance.yml} sections it reads,
 * the facts it derives before its rules run, and the queries behind its views. The engine runs the packs
 * in force and names none of them; the five built-in layers are packs, and a pack shipped in a jar of
 * your own is found the same way, with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.governor.pack.Pack}).
 *
 * <p>A pack's id is its rule-id prefix, its DRL agenda group and its name under {@code layers:} in
 * {@code governance.yml}. Its rules report by inserting findings built with {@link Findings}; DRL
 * annotations beside each rule say the rest: {@code @severity}, {@code @description}, {@code @example},
 * {@code @thresholds} (the policy keys it reads) and {@code @next} (what to do about a finding).
 *
 * <pre>{@code
 * public final class OwnershipPack implements Pack {
 *     public String id() { return "ownership"; }
 *     public List<String> rules() { return List.of("com/acme/governance/ownership.drl"); }
 *     public List<SectionReader<?>> sections() { return List.of(SectionReader.of(OwnershipPolicy.SECTION, OwnershipPolicy::read)); }
 * }
 * }</pre>
 */
public interface Pack {

    /** The pack's id: {@code intent}, {@code ownership}; lower case, letters, digits and {@code -}. */
    String id();

    /** Class-path resources of its DRL files, such as {@code com/acme/governance/ownership.drl}. */
    List<String> rules();

    /**
     * The packs whose findings its rules read: they run first. A pack that reviews the others (Release)
     * names them here; most packs need none.
     */
    default Set<String> after() {
        return Set.of();
    }

    /** The {@code governance.yml} sections it reads, each with its defaults and validation. */
    default List<SectionReader<?>> sections() {
        return List.of();
    }

    /**
     * Derives facts for its rules before they run: what is cheaper to compute once in Java than to join in
     * rules (which subject a change touches, a week's values). Deciding stays in the rules.
     */
    default void derive(Derivation derivation) {
    }

    /**
     * What a change to the paths of {@code request} must know from this pack ({@code gov context}): read from the
     * run that has just finished (its facts, findings and the pack's own views), never decided anew. Most packs
     * tell nothing; the built-in layers tell their locks, ADRs, contracts, reverts and blockers.
     *
     * <pre>{@code
     * public List<ContextEntry> context(ContextRequest request) {
     *     return request.paths().stream()
     *             .map(p -> ContextEntry.of("owners", p, p + " is owned by " + owners(p)))
     *             .toList();
     * }
     * }</pre>
     */
    default List<ContextEntry> context(ContextRequest request) {
        return List.of();
    }
}
