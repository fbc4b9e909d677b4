package dev.governor.api;

import java.util.Locale;

/** How much a finding matters: {@link #BLOCKING} fails {@code gov check} (exit 1). */
public enum Severity {
    /** Fails the check: {@code gov check} exits 1, {@code Report.passed()} is false. */
    BLOCKING,
    /** Reported, does not fail the check. */
    WARNING,
    /** Reported for information only. */
    INFO;

    /** The lower-case name used in policies and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code blocking}, {@code warning} or {@code info}; {@code null} for anything else. */
    public static Severity parse(String id) {
        for (Severity s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }
}
