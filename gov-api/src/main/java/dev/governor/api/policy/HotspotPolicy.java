package dev.governor.api.policy;

import dev.governor.api.Glob;
import dev.governor.api.Policy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code hotspot:} in governance.yml: {@code count} tactical fixes on one file within {@code window} lock
 * it until a strategic fix.
 *
 * <pre>{@code
 * hotspot: { count: 3, window: 7d, scope: file, ignore: ['**}{@code /pnpm-lock.yaml', 'docs/**'] }
 * }</pre>
 *
 * @param count  how many tactical fixes make a hotspot (at least 1)
 * @param window the span they must fall within (positive)
 * @param scope  whether a hotspot is a file or its parent directory
 * @param ignore globs of paths that never count and never lock; a policy that sets it replaces the
 *               default, which holds the common lockfiles
 */
public record HotspotPolicy(int count, Duration window, Scope scope, List<String> ignore) {

    /** The lockfiles {@code fix(deps):} bumps touch: never a hotspot (rules.md). */
    public static final List<String> LOCKFILES = List.of("**/package-lock.json", "**/pnpm-lock.yaml", "**/yarn.lock",
            "**/Cargo.lock", "**/go.sum", "**/poetry.lock", "**/Gemfile.lock", "**/composer.lock", "**/gradle.lockfile");
    /** The settings when {@code governance.yml} has no {@code hotspot:} section (spec/rules.md). */
    public static final HotspotPolicy DEFAULT = new HotspotPolicy(3, Duration.ofDays(7), Scope.FILE, LOCKFILES);
    /** The {@code hotspot:} section of {@code governance.yml}: its key, type and defaults. */
    public static final Policy.Section<HotspotPolicy> SECTION = Policy.Section.of("hotspot", HotspotPolicy.class, DEFAULT);

    /** What a hotspot counts changes on. */
    public enum Scope {
        /** Each file (followed across renames) is a subject of its own. */
        FILE,
        /** The changes to the files of a directory count together. */
        DIRECTORY;

        /** The scope as policies write it: {@code "directory"}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public HotspotPolicy {
        if (count < 1) {
            throw new IllegalArgumentException("hotspot.count must be at least 1, was " + count);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("hotspot.window must be positive, was " + window);
        }
        Objects.requireNonNull(scope, "scope");
        ignore = List.copyOf(ignore);
    }

    /** The defaults' ignore list with these thresholds: what tests and generators mostly want. */
    public HotspotPolicy(int count, Duration window, Scope scope) {
        this(count, window, scope, LOCKFILES);
    }

    /** Whether hotspots are counted per directory rather than per file. */
    public boolean byDirectory() {
        return scope == Scope.DIRECTORY;
    }

    /** Whether a path never counts: it matches one of the {@link #ignore} globs. */
    public boolean ignores(String path) {
        for (String glob : ignore) {
            if (Glob.matches(glob, path)) {
                return true;
            }
        }
        return false;
    }

    /** These thresholds with another window. */
    public HotspotPolicy withWindow(Duration other) {
        return new HotspotPolicy(count, other, scope, ignore);
    }
}
