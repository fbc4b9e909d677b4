package dev.governor.api;

import java.util.Locale;

/** A change's declared risk level, lowest first. */
public enum Risk {
    /** {@code Risk: low}: a change that cannot hurt much. */
    LOW,
    /** {@code Risk: medium}. */
    MEDIUM,
    /** {@code Risk: high}. */
    HIGH,
    /** {@code Risk: critical}: a change that can take a service down. */
    CRITICAL;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** The level as written: {@code "high"}. */
    public String id() {
        return id;
    }

    /** Parses a level case-insensitively; {@code null} when it is none of the four. */
    public static Risk parse(String level) {
        if (level == null) {
            return null;
        }
        String trimmed = level.strip();
        for (Risk risk : values()) {
            if (risk.id().equalsIgnoreCase(trimmed)) {
                return risk;
            }
        }
        return null;
    }
}
