package dev.governor.rules;

import dev.governor.api.Finding;
import dev.governor.api.Ref;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The Intent layer's state of one hotspot subject (a file, or a directory), updated as changes
 * arrive in merge order: the tactical fixes counted since its last unlock, and its lock. The rules
 * change it only in consequences followed by {@code update}, never silently.
 */
public final class FileState {
    private final int key;
    private String path;
    private final Instant recentSince;
    private final ArrayDeque<Touch> counted = new ArrayDeque<>();
    private int lastSeq = -1;
    private int recentTactical;
    private Finding lockFinding;

    /**
     * A subject no change has touched yet.
     *
     * @param key         the subject's identity
     * @param path        its path
     * @param recentSince tactical fixes merged after this instant count as "in the last window"
     */
    public FileState(int key, String path, Instant recentSince) {
        this.key = key;
        this.path = path;
        this.recentSince = recentSince;
    }

    public int getKey() {
        return key;
    }

    /** The subject's path as of the latest change that touched it. */
    public String getPath() {
        return path;
    }

    /** The position of the last change processed; the touch whose {@code prev} it is comes next. */
    public int getLastSeq() {
        return lastSeq;
    }

    public boolean isLocked() {
        return lockFinding != null;
    }

    /** The hotspot finding that locked this subject, or {@code null}. */
    public Finding getLockFinding() {
        return lockFinding;
    }

    /** Tactical fixes merged within the last window before now. */
    public int getRecentTactical() {
        return recentTactical;
    }

    /** The tactical fixes counted since the last unlock (at most {@code hotspot.count}), oldest first. */
    public List<Touch> getCounted() {
        return List.copyOf(counted);
    }

    /** A change of another type: it neither counts nor unlocks, but the subject may have moved. */
    public void pass(Touch other) {
        processed(other);
    }

    /** A strategic fix: unlocks and empties the list. */
    public void unlock(Touch strategicFix) {
        processed(strategicFix);
        counted.clear();
        lockFinding = null;
    }

    /** A tactical fix on a locked subject: not counted, but it is recent work on it. */
    public void refuse(Touch tacticalFix) {
        processed(tacticalFix);
        recent(tacticalFix);
    }

    /** A tactical fix on an unlocked subject joins the list; only the last {@code count} can matter. */
    public void count(Touch tacticalFix, int count) {
        processed(tacticalFix);
        recent(tacticalFix);
        counted.addLast(tacticalFix);
        while (counted.size() > count) {
            counted.removeFirst();
        }
    }

    /**
     * Whether the list holds {@code count} changes within {@code window} ending at the newest: the
     * newest and the {@code count - 1} before it span less than the window ({@code max - min < window}).
     */
    public boolean windowReached(int count, Duration window) {
        if (counted.size() < count) {
            return false;
        }
        Duration span = Duration.between(counted.peekFirst().at(), counted.peekLast().at());
        return span.compareTo(window) < 0;
    }

    /** The newest counted tactical fix. */
    public Touch newest() {
        return counted.peekLast();
    }

    /** References to the counted changes, oldest first: a hotspot's evidence. */
    public List<Ref> countedRefs() {
        List<Ref> refs = new ArrayList<>(counted.size());
        for (Touch t : counted) {
            refs.add(t.change().ref());
        }
        return refs;
    }

    /** Locks the subject with the hotspot finding that locked it, and empties the list. */
    public void lock(Finding hotspot) {
        lockFinding = hotspot;
        counted.clear();
    }

    private void processed(Touch touch) {
        lastSeq = touch.seq();
        path = touch.path();
    }

    private void recent(Touch tacticalFix) {
        if (tacticalFix.at().isAfter(recentSince)) {
            recentTactical++;
        }
    }
}
