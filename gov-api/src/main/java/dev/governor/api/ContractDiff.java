package dev.governor.api;

import java.util.List;
import java.util.Objects;

/**
 * How one change altered one registered spec, or its generated code. The bundled contract reader gives one
 * for each change that touches a registered spec or a path matching its {@code generated} globs; host tools
 * may build their own.
 *
 * <pre>{@code
 * ContractDiff diff = new ContractDiff("#42", "orders-api", "1.2.0", "1.3.0",
 *         List.of(new ContractDiff.Item("/paths/~1orders/get", "operation-removed", true, "GET /orders was removed")));
 * diff.breaking();   // true
 * }</pre>
 *
 * @param change       the change id
 * @param contract     the contract name
 * @param oldVersion   the spec's version before, or {@code null} when the spec is new or states none
 * @param newVersion   the spec's version after, or {@code null} when it was removed or states none
 * @param items        each difference, with its JSON pointer, kind and whether it breaks clients
 * @param registration the registry entry as the change has it (spec, provider, consumers, generated), or
 *                     {@code null} when not known; the Contract pack then takes the {@link Contract} fact of
 *                     the same name
 * @param status       what the change did to the spec file
 * @param problem      why the spec as the change leaves it does not parse ({@code file:line: reason}), or
 *                     {@code null} when it parses (or was removed)
 * @param generated    the paths the change touched that match the contract's {@code generated} globs
 */
public record ContractDiff(String change, String contract, String oldVersion, String newVersion, List<Item> items,
                           Contract registration, Status status, String problem, List<String> generated)
        implements Fact {

    /**
     * One difference: where ({@code pointer}, RFC 6901, into the revision's document, or the base's for
     * what was removed), what ({@code kind}, a stable lower-case id such as {@code path-removed}), whether
     * it breaks clients, and a sentence saying so.
     */
    public record Item(String pointer, String kind, boolean breaking, String message) {
        public Item {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }

        /** An item whose message is its kind and pointer. */
        public Item(String pointer, String kind, boolean breaking) {
            this(pointer, kind, breaking, kind + " at " + (pointer.isEmpty() ? "the document root" : pointer));
        }
    }

    /** What a change did to the spec file. */
    public enum Status {
        /** The spec did not exist before the change: creating a spec needs no declaration. */
        ADDED,
        /** The spec existed before and after, and the change touched it. */
        MODIFIED,
        /** The change deleted the spec (or moved it away from its registered path). */
        REMOVED,
        /** The change left the spec as it was but touched its generated code. */
        UNCHANGED
    }

    public ContractDiff {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(status, "status");
        items = List.copyOf(items);
        generated = List.copyOf(generated);
    }

    /** A modification of a spec, as host tools gave it before registrations and statuses were known. */
    public ContractDiff(String change, String contract, String oldVersion, String newVersion, List<Item> items) {
        this(change, contract, oldVersion, newVersion, items, null, Status.MODIFIED, null, List.of());
    }

    /** Whether any difference breaks clients. */
    public boolean breaking() {
        return items.stream().anyMatch(Item::breaking);
    }

    /** The breaking differences, in order. */
    public List<Item> breakingItems() {
        return items.stream().filter(Item::breaking).toList();
    }

    /** Whether the change touched the spec itself (not only its generated code). */
    public boolean specTouched() {
        return status != Status.UNCHANGED;
    }

    /** Whether the spec as the change leaves it parses. */
    public boolean parses() {
        return problem == null;
    }

    /** The spec path: the registration's, or {@code null} when none is known. */
    public String spec() {
        return registration == null ? null : registration.spec();
    }

    /** This diff with a registration (for host-supplied diffs the Contract pack completes). */
    public ContractDiff withRegistration(Contract registration) {
        return new ContractDiff(change, contract, oldVersion, newVersion, items, registration, status, problem, generated);
    }

    @Override
    public Ref ref() {
        return new Ref(Ref.Kind.SPEC_CHANGE, contract + "@" + change, null, null);
    }
}
