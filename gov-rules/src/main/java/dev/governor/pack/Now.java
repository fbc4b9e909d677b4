package dev.governor.pack;

import java.time.Instant;
import java.util.Objects;

/** The clock's reading for one check, as a fact: rules never read the wall clock. */
public record Now(Instant at) {
    public Now {
        Objects.requireNonNull(at, "at");
    }
}
