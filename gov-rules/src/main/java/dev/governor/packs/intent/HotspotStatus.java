package dev.governor.packs.intent;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One file's (or directory's) standing in the Intent layer: the seed's weekly query, read with
 * {@link IntentPack#HOTSPOTS}.
 *
 * @param path           the file, or the directory when {@code hotspot.scope} is {@code directory}
 * @param recentTactical how many tactical fixes touched it within the last {@code hotspot.window} before now
 * @param counted        the tactical fixes counted towards the next hotspot since its last unlock, oldest first
 * @param locked         whether it is locked until a strategic fix
 * @param lockedAt       when it was locked, or {@code null}
 * @param lockedBy       the change ids of the hotspot that locked it, oldest first; empty when unlocked
 * @param tacticalFixes  when each tactical fix touching it was merged, over the whole governed history
 */
public record HotspotStatus(String path, int recentTactical, List<String> counted, boolean locked, Instant lockedAt,
                            List<String> lockedBy, List<Instant> tacticalFixes) {
    public HotspotStatus {
        Objects.requireNonNull(path, "path");
        counted = List.copyOf(counted);
        lockedBy = List.copyOf(lockedBy);
        tacticalFixes = List.copyOf(tacticalFixes);
    }

    /** A standing without the fix times (they only matter to {@link #tacticalFixesSince}). */
    public HotspotStatus(String path, int recentTactical, List<String> counted, boolean locked, Instant lockedAt,
                         List<String> lockedBy) {
        this(path, recentTactical, counted, locked, lockedAt, lockedBy, List.of());
    }

    /** How many tactical fixes touching it were merged at or after {@code since}. */
    public int tacticalFixesSince(Instant since) {
        int n = 0;
        for (Instant at : tacticalFixes) {
            if (!at.isBefore(since)) {
                n++;
            }
        }
        return n;
    }

    /** The order {@code gov hotspots} lists them in: locked first, then most tactical fixes, then path. */
    public static final Comparator<HotspotStatus> ORDER = Comparator
            .comparing((HotspotStatus h) -> !h.locked())
            .thenComparing(HotspotStatus::recentTactical, Comparator.reverseOrder())
            .thenComparing(HotspotStatus::path);
}
