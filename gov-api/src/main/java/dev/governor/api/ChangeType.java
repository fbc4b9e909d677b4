package dev.governor.api;

import java.util.Locale;

/** The five change types of the Intent layer, as tagged on a change ({@code Change-Type: tactical-fix}). */
public enum ChangeType {
    TACTICAL_FIX, STRATEGIC_FIX, FEATURE, TECH_DEBT, COMPLIANCE;

    private final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The tag as written: {@code "tactical-fix"}. */
    public String id() {
        return id;
    }

    /** Parses a tag case-insensitively; {@code null} when it is none of the five. */
    public static ChangeType parse(String tag) {
        if (tag == null) {
            return null;
        }
        String trimmed = tag.strip();
        for (ChangeType type : values()) {
            if (type.id().equalsIgnoreCase(trimmed)) {
                return type;
            }
        }
        return null;
    }
}
