package dev.governor.packs.contract;

import dev.governor.api.Change;
import dev.governor.api.Contract;
import dev.governor.api.ContractDiff;
import dev.governor.api.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One change's diff of one contract, with what the rules ask of it: the change (its declaration and rollout),
 * the registration (consumers, generated paths) and how the version moved. Derived by the Contract pack; the
 * rules in {@code rules/contract.drl} decide.
 *
 * @param change       the change
 * @param diff         what it did to the spec and its generated code
 * @param registration the registry entry in force (the diff's own, else the {@link Contract} fact of its name),
 *                     or {@code null} when none is known
 * @param step         how the version moved
 */
public record SpecChange(Change change, ContractDiff diff, Contract registration, VersionStep step) {

    /** What a change declares with {@code Contract-Change:}. */
    public enum Declaration { BREAKING, NON_BREAKING, UNKNOWN, NONE }

    /** The declaration: {@code breaking} or {@code non-breaking} (case and spacing aside), another word, or none. */
    public Declaration declaration() {
        String text = change.fields().get("contract-change");
        if (text == null || text.isBlank()) {
            return Declaration.NONE;
        }
        String word = text.strip().toLowerCase(Locale.ROOT).split("[\\s:;,.(]", 2)[0];
        return switch (word) {
            case "breaking" -> Declaration.BREAKING;
            case "non-breaking", "nonbreaking", "non_breaking" -> Declaration.NON_BREAKING;
            default -> Declaration.UNKNOWN;
        };
    }

    /** The declaration as written, for messages. */
    public String declared() {
        String text = change.fields().get("contract-change");
        return text == null ? "" : text.strip();
    }

    /** Whether the change names a rollout plan ({@code Rollout:} trailer or PR section). */
    public boolean rolloutPlanned() {
        String text = change.fields().get("rollout");
        return text != null && !text.isBlank();
    }

    public ContractDiff.Status status() {
        return diff.status();
    }

    /** The spec existed before the change and the change touched it. */
    public boolean modifiesExisting() {
        return diff.status() == ContractDiff.Status.MODIFIED || diff.status() == ContractDiff.Status.REMOVED;
    }

    public boolean breaking() {
        return diff.breaking();
    }

    /** The content changed (layout, key order and the version itself aside). */
    public boolean contentChanged() {
        return !diff.items().isEmpty();
    }

    public boolean parses() {
        return diff.parses();
    }

    public String problem() {
        return diff.problem();
    }

    /** The contract's name. */
    public String contract() {
        return diff.contract();
    }

    /** The spec's path, or the contract's name when no registration is known. */
    public String spec() {
        return registration != null ? registration.spec() : diff.contract();
    }

    public boolean hasConsumers() {
        return registration != null && !registration.consumers().isEmpty();
    }

    public String consumers() {
        return registration == null ? "" : String.join(", ", registration.consumers());
    }

    /** Whether the registry names generated code for the contract. */
    public boolean hasGenerated() {
        return registration != null && !registration.generated().isEmpty();
    }

    /** Whether the change touched the spec itself. */
    public boolean specTouched() {
        return diff.specTouched();
    }

    /** Whether the change touched any of the contract's generated paths. */
    public boolean generatedTouched() {
        return !diff.generated().isEmpty();
    }

    /**
     * The subject of a finding: the spec file (what a reader opens, and where SARIF points), the contract's name as
     * detail.
     */
    public Ref subject() {
        return new Ref(Ref.Kind.FILE, spec(), null, diff.contract());
    }

    /** Evidence: the change, then each breaking difference. */
    public List<Ref> evidence() {
        List<Ref> refs = new ArrayList<>();
        refs.add(change.ref());
        for (ContractDiff.Item item : diff.breakingItems()) {
            refs.add(new Ref(Ref.Kind.SPEC_CHANGE, diff.contract() + "@" + change.id(), null,
                    item.kind() + " at " + (item.pointer().isEmpty() ? "/" : item.pointer())));
        }
        return refs;
    }

    /** The breaking differences as a message lists them: {@code path-removed /paths/~1orders; …} (at most 5). */
    public String breakingList() {
        List<String> parts = new ArrayList<>();
        List<ContractDiff.Item> items = diff.breakingItems();
        for (int i = 0; i < items.size() && i < 5; i++) {
            ContractDiff.Item item = items.get(i);
            parts.add(item.kind() + " " + (item.pointer().isEmpty() ? "/" : item.pointer()));
        }
        if (items.size() > 5) {
            parts.add("and " + (items.size() - 5) + " more");
        }
        return String.join("; ", parts);
    }

    /** The version move as messages say it: {@code 1.2.0 → 1.3.0}. */
    public String versions() {
        return (diff.oldVersion() == null ? "none" : diff.oldVersion()) + " → "
                + (diff.newVersion() == null ? "none" : diff.newVersion());
    }
}
