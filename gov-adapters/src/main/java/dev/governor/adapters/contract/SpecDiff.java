package dev.governor.adapters.contract;

import dev.governor.api.ContractDiff;
import java.util.List;
import java.util.Objects;

/**
 * The contract diff of two versions of one spec: what {@code gov diff} prints.
 *
 * <pre>{@code
 * SpecDiff diff = SpecDiffs.diff(Path.of("v1/openapi.yaml"), Path.of("v2/openapi.yaml"));
 * diff.breaking();                        // true when any difference breaks clients
 * diff.items().get(0).pointer();          // "/paths/~1orders/get"
 * }</pre>
 *
 * @param base       the base file, as it was named
 * @param revision   the revision file, as it was named
 * @param format     {@code openapi} or {@code json-schema}
 * @param oldVersion the base's version, or {@code null} when it states none
 * @param newVersion the revision's version, or {@code null} when it states none
 * @param items      every difference, in pointer order, then kind
 */
public record SpecDiff(String base, String revision, String format, String oldVersion, String newVersion,
                       List<ContractDiff.Item> items) {
    public SpecDiff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(format, "format");
        items = List.copyOf(items);
    }

    /** Whether any difference breaks clients. */
    public boolean breaking() {
        return items.stream().anyMatch(ContractDiff.Item::breaking);
    }
}
