package dev.governor.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A review of a change, or a review requested from a team.
 *
 * @param change    the change id
 * @param reviewer  who reviewed (a login or {@code Name <email>}), or {@code null}
 * @param state     {@code APPROVED}, {@code CHANGES_REQUESTED}, {@code COMMENTED}, or {@code null}
 * @param team      the team the review was requested from, or {@code null}
 * @param requested when it was requested, or {@code null}
 * @param reviewed  when it was submitted, or {@code null}
 */
public record Review(String change, String reviewer, String state, String team, Instant requested, Instant reviewed)
        implements Fact {
    public Review {
        Objects.requireNonNull(change, "change");
    }

    /** Whether this is an approving review. */
    public boolean approved() {
        return "APPROVED".equals(state);
    }

    @Override
    public Ref ref() {
        return new Ref(Ref.Kind.CHANGE, change, reviewed, reviewer);
    }
}
