package dev.governor.packs.contract;

import com.github.zafarkhaja.semver.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a spec's version moved in a change (rules.md: "Versions compare as semver where they parse, else as dotted
 * numbers"): SemVer 2.0.0 through java-semver, else numbers separated by dots ({@code 2}, {@code 1.4}, {@code v3}).
 */
public enum VersionStep {
    /** The major version increased. */
    MAJOR,
    /** The version increased within the same major version. */
    MINOR,
    /** The same version. */
    SAME,
    /** A lower version. */
    LOWER,
    /** One side states no version. */
    MISSING,
    /** The versions are neither SemVer nor dotted numbers, and differ. */
    UNCOMPARABLE;

    /** Whether the version increased. */
    public boolean increased() {
        return this == MAJOR || this == MINOR;
    }

    /** The step from {@code before} to {@code after}. */
    public static VersionStep of(String before, String after) {
        if (before == null || after == null) {
            return MISSING;
        }
        Optional<Version> a = Version.tryParse(before.strip(), true);
        Optional<Version> b = Version.tryParse(after.strip(), true);
        if (a.isPresent() && b.isPresent()) {
            int order = b.get().compareTo(a.get());
            if (order == 0) {
                return SAME;
            }
            if (order < 0) {
                return LOWER;
            }
            return b.get().majorVersion() > a.get().majorVersion() ? MAJOR : MINOR;
        }
        List<Long> x = dotted(before);
        List<Long> y = dotted(after);
        if (x == null || y == null) {
            return before.strip().equals(after.strip()) ? SAME : UNCOMPARABLE;
        }
        int order = compare(x, y);
        if (order == 0) {
            return SAME;
        }
        if (order > 0) {
            return LOWER;
        }
        return y.get(0) > x.get(0) ? MAJOR : MINOR;
    }

    /** {@code 1.4} → [1, 4]; a leading {@code v} is allowed; anything else is null. */
    private static List<Long> dotted(String version) {
        String v = version.strip();
        if (v.startsWith("v") || v.startsWith("V")) {
            v = v.substring(1);
        }
        if (!v.matches("\\d{1,18}(\\.\\d{1,18})*")) {
            return null;
        }
        List<Long> parts = new ArrayList<>();
        for (String p : v.split("\\.")) {
            parts.add(Long.parseLong(p));
        }
        return parts;
    }

    /** Dotted numbers in order, missing parts as 0: {@code 1.4} equals {@code 1.4.0}. */
    private static int compare(List<Long> x, List<Long> y) {
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            long a = i < x.size() ? x.get(i) : 0;
            long b = i < y.size() ? y.get(i) : 0;
            if (a != b) {
                return Long.compare(a, b);
            }
        }
        return 0;
    }
}
