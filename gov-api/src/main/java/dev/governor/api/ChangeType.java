package dev.governor.api;

import java.util.Locale;

/** The five change types of the Intent layer, as tagged on a change ({@code Change-Type: tactical-fix}). */
public enum ChangeType {
    /** A quick fix of a symptom ({@code fix:}); three to one file within a week make a hotspot. */
    TACTICAL_FIX,
    /** A fix of the cause ({@code refactor:}); it unlocks a hotspot it touches. */
    STRATEGIC_FIX,
    /** New behaviour ({@code feat:}). */
    FEATURE,
    /** Work that keeps the code healthy ({@code chore:}, {@code build:} …). */
    TECH_DEBT,
    /** A change made because a rule or regulation asks for it. */
    COMPLIANCE;

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
