package dev.governor.api;

import java.util.Locale;

/** A change's declared risk level, lowest first. */
public enum Risk {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The level as written: {@code "high"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a level case-insensitively; {@code null} when it is none of the four. */
    public static Risk parse(String level) {
        if (level == null) {
            return null;
        }
        String l = level.trim().toLowerCase(Locale.ROOT);
        for (Risk risk : values()) {
            if (risk.id().equals(l)) {
                return risk;
            }
        }
        return null;
    }
}
