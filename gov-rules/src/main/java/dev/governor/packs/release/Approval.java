package dev.governor.packs.release;

import java.util.Objects;

/**
 * An approving review of a change: an {@code APPROVED} review of its PR record, or a {@code Reviewed-by}
 * trailer (formats.md: "the kernel's convention: an approving review by that person").
 *
 * @param change the change id
 * @param by     who approved
 * @param source {@code review} or {@code Reviewed-by}
 */
public record Approval(String change, String by, String source) {
    public Approval {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(source, "source");
    }

    /** Whether the approver is someone other than {@code author} (any approver, when the author is unknown). */
    public boolean independentOf(String author) {
        return author == null || !Identity.same(by, author);
    }
}
