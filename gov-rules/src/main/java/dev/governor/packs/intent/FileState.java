package dev.governor.packs.intent;

import dev.governor.api.ChangeType;
import dev.governor.api.Finding;
import dev.governor.api.Ref;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The Intent layer's state of one hotspot subject (a file, or a directory), updated as the changes
 * touching it arrive in branch order: the next change to arrive ({@link #getPending()}), the tactical
 * fixes counted since the last unlock, and the lock. The rules decide what an arriving change does;
 * the methods here only record it, and every call is followed by {@code update} in the rule, so the
 * engine never misses a change of state.
 */
public final class FileState {
    private final int key;
    private final List<Touch> arrivals;
    private final Instant recentSince;
    private final ArrayDeque<Touch> counted = new ArrayDeque<>();
    private int next;
    private String path;
    private int recentTactical;
    private final List<Instant> tacticalFixes = new ArrayList<>();
    private Finding lockFinding;

    /**
     * A subject no change has reached yet.
     *
     * @param key         the subject's identity
     * @param arrivals    the changes touching it, in branch order
     * @param recentSince tactical fixes merged after this instant count as "in the last window"
     */
    public FileState(int key, List<Touch> arrivals, Instant recentSince) {
        if (arrivals.isEmpty()) {
            throw new IllegalArgumentException("a subject's state needs the changes that touch it");
        }
        this.key = key;
        this.arrivals = List.copyOf(arrivals);
        this.recentSince = recentSince;
        this.path = arrivals.get(0).path();
    }

    public int getKey() {
        return key;
    }

    /** The subject's path as of the latest change that reached it. */
    public String getPath() {
        return path;
    }

    /** The change arriving now, or {@code null} once every change touching the subject has arrived. */
    public Touch getPending() {
        return next < arrivals.size() ? arrivals.get(next) : null;
    }

    /** The type of the change arriving now, or {@code null} (none arriving, or an untyped change). */
    public ChangeType getPendingType() {
        Touch pending = getPending();
        return pending == null ? null : pending.type();
    }

    /** Whether a change is arriving. */
    public boolean isArriving() {
        return next < arrivals.size();
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

    /** When each tactical fix touching the subject was merged, in branch order (counted or refused). */
    public List<Instant> getTacticalFixes() {
        return List.copyOf(tacticalFixes);
    }

    /** The tactical fixes counted since the last unlock (at most {@code hotspot.count}), oldest first. */
    public List<Touch> getCounted() {
        return List.copyOf(counted);
    }

    /** The arriving strategic fix unlocks the subject and empties its list. */
    public void unlock() {
        arrived();
        counted.clear();
        lockFinding = null;
    }

    /** The arriving tactical fix meets a lock: it is not counted, but it is recent work on the subject. */
    public void refuse() {
        recent(arrived());
    }

    /** The arriving tactical fix joins the list; only the last {@code count} can matter. */
    public void count(int count) {
        Touch fix = arrived();
        recent(fix);
        counted.addLast(fix);
        while (counted.size() > count) {
            counted.removeFirst();
        }
    }

    /** The arriving change is of another type: it neither counts nor unlocks, but may move the subject. */
    public void pass() {
        arrived();
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

    private Touch arrived() {
        Touch touch = arrivals.get(next++);
        path = touch.path();
        return touch;
    }

    private void recent(Touch tacticalFix) {
        tacticalFixes.add(tacticalFix.at());
        if (tacticalFix.at().isAfter(recentSince)) {
            recentTactical++;
        }
    }
}
