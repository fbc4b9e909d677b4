package dev.governor.api;

import java.util.Locale;
import java.util.Objects;

/** One {@code Key: value} trailer of a commit message; keys compare case-insensitively. */
public record Trailer(String key, String value) {
    public Trailer {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** Whether this trailer's key is {@code key}, ignoring case. */
    public boolean is(String key) {
        return this.key.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT));
    }
}
