package dev.governor;

import java.util.List;
import java.util.Set;

/**
 * Which findings a check reports: all of them, or only those attributed to given changes (the CI
 * mode for one pull request). Every rule still sees the whole history, so a hotspot that the given
 * change completes is found.
 *
 * <pre>{@code
 * governor.check(Scope.changes("#42"));
 * }</pre>
 */
public final class Scope {
    private static final Scope ALL = new Scope(Set.of());

    private final Set<String> changes;

    private Scope(Set<String> changes) {
        this.changes = changes;
    }

    /** Every finding. */
    public static Scope all() {
        return ALL;
    }

    /** Only findings attributed to these change ids ({@code #42}) or SHAs (full or abbreviated). */
    public static Scope changes(String... ids) {
        return changes(List.of(ids));
    }

    /** Only findings attributed to these change ids or SHAs. */
    public static Scope changes(List<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("Scope.changes needs at least one change id; use Scope.all() for every finding");
        }
        return new Scope(Set.copyOf(ids));
    }

    /** The change ids or SHAs this scope keeps, or an empty set when it keeps everything. */
    public Set<String> changeIds() {
        return changes;
    }

    /** Whether this scope keeps every finding. */
    public boolean isAll() {
        return changes.isEmpty();
    }

    @Override
    public String toString() {
        return isAll() ? "Scope.all()" : "Scope.changes(" + changes + ")";
    }
}
