package dev.governor.packs.release;

import dev.governor.api.Change;
import dev.governor.api.Finding;
import dev.governor.api.Layer;
import dev.governor.api.Ref;
import dev.governor.api.Severity;
import dev.governor.api.SignOff;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one sign-off releases: the changes since the last SHA signed off for its environment, up to and
 * including its own, in branch order (rules.md, "Release"), and the people its audit trail names. Derived
 * by {@link ReleasePack#derive}; the rules decide what it means.
 *
 * @param signOff        the sign-off
 * @param target         the change at the signed-off SHA
 * @param since          the SHA last signed off for the environment before it, or {@code null} (the range then
 *                       starts at the governed history's first change)
 * @param changes        the changes released, oldest first
 * @param ids            their ids
 * @param people         everyone the range's audit trail names: authors, reviewers, {@code Reviewed-by}
 *                       ({@link Identity} keys)
 * @param disabledRules  the rules the policy turns off: their findings block nothing
 * @param contractLayer  whether the contract layer is in force (it computes {@code contract-diff} and
 *                       {@code version-bump})
 */
public record ReleaseRange(SignOff signOff, Change target, String since, List<Change> changes, Set<String> ids,
                           Set<String> people, Set<String> disabledRules, boolean contractLayer) {
    public ReleaseRange {
        Objects.requireNonNull(signOff, "signOff");
        Objects.requireNonNull(target, "target");
        changes = List.copyOf(changes);
        ids = Set.copyOf(ids);
        people = Set.copyOf(people);
        disabledRules = Set.copyOf(disabledRules);
    }

    /**
     * A hash of the components that tell ranges apart, not of every change: the engine hashes the facts a query
     * returns, and a first sign-off's range holds the whole history. Equal ranges still hash alike.
     */
    @Override
    public int hashCode() {
        return Objects.hash(signOff, target.id(), since, changes.size());
    }

    /** Whether the change with this id is released by this sign-off. */
    public boolean includes(String changeId) {
        return changeId != null && ids.contains(changeId);
    }

    /** Whether a finding of another layer, on a change of this range, blocks (and its rule is on). */
    public boolean blockedBy(Finding finding) {
        return finding.layer() != Layer.RELEASE && finding.severity() == Severity.BLOCKING
                && includes(finding.change()) && !disabledRules.contains(finding.ruleId());
    }

    /** Whether a blocking contract finding of this range fails the computed gate {@code gate}. */
    public boolean failsContractGate(String gate, Finding finding) {
        if (finding.layer() != Layer.CONTRACT || !blockedBy(finding)) {
            return false;
        }
        boolean versionBump = finding.ruleId().equals("contract.version-not-bumped");
        return gate.equals("version-bump") == versionBump;
    }

    /** Whether a finding is a learning release blocker for the week of this sign-off, with its rule on. */
    public boolean blockerOfWeek(Finding finding) {
        Ref subject = finding.subject();
        return finding.ruleId().equals("learning.release-blocker") && !disabledRules.contains(finding.ruleId())
                && subject.kind() == Ref.Kind.WEEK && subject.id().equals(signOff.week());
    }

    /** Whether {@code who} is the only person the range's audit trail names. */
    public boolean onlyPerson(String who) {
        String key = Identity.of(who);
        return key != null && people.size() == 1 && people.contains(key);
    }

    /** The change ids of the range as a message names them: {@code #12, #13, #14} or {@code #1 … #900 (900)}. */
    public String listed() {
        if (changes.isEmpty()) {
            return "no change";
        }
        if (changes.size() <= 5) {
            return String.join(", ", changes.stream().map(Change::id).toList());
        }
        return changes.get(0).id() + " … " + changes.get(changes.size() - 1).id() + " (" + changes.size() + " changes)";
    }

    /** Where the range starts, in words: {@code since 1a2b3c4d5e6f} or {@code since the governed history began}. */
    public String from() {
        return since == null ? "since the governed history began (no earlier sign-off for " + signOff.env() + ")"
                : "since " + Release.abbreviate(since) + " (last signed off for " + signOff.env() + ")";
    }
}
