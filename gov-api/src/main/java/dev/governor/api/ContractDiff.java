package dev.governor.api;

import java.util.List;
import java.util.Objects;

/**
 * How one change altered one registered spec.
 *
 * @param change     the change id
 * @param contract   the contract name
 * @param oldVersion the spec's version before, or {@code null} when the spec is new
 * @param newVersion the spec's version after, or {@code null} when it was removed
 * @param items      each difference, with its JSON pointer, kind and whether it breaks clients
 */
public record ContractDiff(String change, String contract, String oldVersion, String newVersion, List<Item> items)
        implements Fact {

    /** One difference: where ({@code pointer}), what ({@code kind}) and whether it breaks clients. */
    public record Item(String pointer, String kind, boolean breaking) {}

    public ContractDiff {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(contract, "contract");
        items = List.copyOf(items);
    }

    /** Whether any difference breaks clients. */
    public boolean breaking() {
        return items.stream().anyMatch(Item::breaking);
    }

    @Override
    public Ref ref() {
        return new Ref(Ref.Kind.SPEC_CHANGE, contract + "@" + change, null, null);
    }
}
