package dev.governor.bench;

import dev.governor.api.Change;
import dev.governor.api.ChangeType;
import dev.governor.api.FileChange;
import dev.governor.api.Finding;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.api.Ref;
import dev.governor.api.Severity;
import dev.governor.rules.Findings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Intent layer written as one plain-Java pass: the speed baseline the rules are measured against.
 * It gives the same findings as the built-in pack (spec/rules.md, "Hotspot and lock, exactly"): merge
 * order with ties by change id, per-file state in a {@link HashMap} keyed by the current path, renames
 * followed (all renames of a change move at once, as in the engine), a ring of the last
 * {@code hotspot.count} counted tactical fixes per file, and the same messages and evidence.
 *
 * <p>Not thread-safe; use one instance per run.
 */
public final class ReferenceIntent {

    private static final Comparator<Change> MERGE_ORDER = Comparator.comparing(Change::mergedAt)
            .thenComparing(Change::id, ReferenceIntent::compareIds);

    private final int count;
    private final Duration window;
    private final long windowNanos;
    private final boolean byDirectory;

    /** A run with these hotspot thresholds. */
    public ReferenceIntent(Policy.Hotspot hotspot) {
        this.count = hotspot.count();
        this.window = hotspot.window();
        this.windowNanos = hotspot.window().toNanos();
        this.byDirectory = hotspot.byDirectory();
    }

    /** One hotspot subject's state since its last unlock. */
    private static final class State {
        final Change[] ring;
        int first;
        int size;
        int lastSeq = -1;
        String path;
        Finding lock;
        Ref lockRef;

        State(int count, String path) {
            this.ring = new Change[count];
            this.path = path;
        }

        void clear() {
            size = 0;
            first = 0;
        }

        void add(Change c) {
            int n = ring.length;
            if (size < n) {
                ring[(first + size) % n] = c;
                size++;
            } else {
                ring[first] = c;
                first = (first + 1) % n;
            }
        }

        Change get(int i) {
            return ring[(first + i) % ring.length];
        }
    }

    /** Every Intent finding for these changes (in any order; they are sorted here). */
    public List<Finding> run(List<Change> changes) {
        List<Change> ordered = new ArrayList<>(changes);
        ordered.sort(MERGE_ORDER);
        List<Finding> out = new ArrayList<>();
        Map<String, State> states = new HashMap<>(Math.max(16, changes.size() / 8));
        for (int seq = 0; seq < ordered.size(); seq++) {
            Change c = ordered.get(seq);
            tags(c, out);
            ChangeType type = c.type();
            if (byDirectory) {
                for (FileChange f : c.files()) {
                    if (f.oldPath() != null) {
                        touch(seq, c, type, directoryState(states, parent(f.oldPath())), parent(f.oldPath()), out);
                    }
                    if (f.newPath() != null) {
                        touch(seq, c, type, directoryState(states, parent(f.newPath())), parent(f.newPath()), out);
                    }
                }
                continue;
            }
            List<FileChange> files = c.files();
            Map<String, State> moved = null;
            for (FileChange f : files) {
                if (f.kind() == FileChange.Kind.RENAMED) {
                    State s = states.remove(f.oldPath());
                    if (moved == null) {
                        moved = new HashMap<>();
                    }
                    moved.put(f.newPath(), s != null ? s : new State(count, f.newPath()));
                }
            }
            if (moved != null) {
                states.putAll(moved);
            }
            for (FileChange f : files) {
                String path = f.path();
                State s = f.kind() == FileChange.Kind.ADDED || f.kind() == FileChange.Kind.COPIED
                        ? null : states.get(path);
                if (s == null) {
                    s = new State(count, path);
                }
                if (f.kind() == FileChange.Kind.DELETED) {
                    states.remove(path);
                } else {
                    states.put(path, s);
                }
                touch(seq, c, type, s, path, out);
            }
        }
        return out;
    }

    private State directoryState(Map<String, State> states, String dir) {
        return states.computeIfAbsent(dir, d -> new State(count, d));
    }

    private void touch(int seq, Change c, ChangeType type, State s, String path, List<Finding> out) {
        if (s.lastSeq == seq) {
            return; // a change touches a subject once
        }
        s.lastSeq = seq;
        s.path = path;
        if (type == ChangeType.STRATEGIC_FIX) {
            s.clear();
            s.lock = null;
            s.lockRef = null;
        } else if (type == ChangeType.TACTICAL_FIX) {
            if (s.lock != null) {
                out.add(required(c, s, path));
                return;
            }
            s.add(c);
            if (s.size == count && windowReached(s)) {
                Finding hotspot = hotspot(s);
                out.add(hotspot);
                s.lock = hotspot;
                s.clear();
            }
        }
    }

    private boolean windowReached(State s) {
        Change oldest = s.get(0);
        Change newest = s.get(s.size - 1);
        long seconds = newest.mergedAt().getEpochSecond() - oldest.mergedAt().getEpochSecond();
        long nanos = newest.mergedAt().getNano() - oldest.mergedAt().getNano();
        // span < window, without building a Duration per test
        return seconds < windowNanos / 1_000_000_000L
                || Duration.ofSeconds(seconds, nanos).compareTo(window) < 0;
    }

    private Finding hotspot(State s) {
        List<Ref> evidence = new ArrayList<>(s.size);
        for (int i = 0; i < s.size; i++) {
            evidence.add(s.get(i).ref());
        }
        Change newest = s.get(s.size - 1);
        String message = count + " tactical fixes within " + Findings.duration(window) + " ("
                + Findings.listed(evidence) + "): " + s.path + " is locked until a strategic fix";
        return new Finding("intent.tactical-hotspot", Layer.INTENT, Severity.BLOCKING, subject(s.path), newest.id(),
                message, newest.mergedAt(), evidence);
    }

    private Finding required(Change c, State s, String path) {
        if (s.lockRef == null) {
            s.lockRef = Ref.of(s.lock);
        }
        StringBuilder locking = new StringBuilder();
        for (Ref r : s.lock.evidence()) {
            if (locking.length() > 0) {
                locking.append(", ");
            }
            locking.append(r.id());
        }
        String message = c.id() + " is a tactical fix to " + path + ", locked since "
                + s.lock.at().toString().substring(0, 10) + " by a hotspot (" + locking
                + "): merge a change with Change-Type: strategic-fix touching it first";
        return new Finding("intent.strategic-fix-required", Layer.INTENT, Severity.BLOCKING, subject(path), c.id(),
                message, c.mergedAt(), List.of(s.lockRef));
    }

    private Ref subject(String path) {
        return Ref.of(byDirectory ? Ref.Kind.DIRECTORY : Ref.Kind.FILE, path);
    }

    private static void tags(Change c, List<Finding> out) {
        if (c.declaredType() == null && c.inferredType() == null) {
            out.add(about("intent.tag-missing", c, c.id() + " has no change type: add a 'Change-Type:' trailer"
                    + " (tactical-fix, strategic-fix, feature, tech-debt or compliance) or a Conventional Commits subject"));
        } else if (c.declaredType() != null && c.typeUnknown()) {
            out.add(about("intent.tag-unknown", c, c.id() + " declares change type '" + c.declaredType()
                    + "', which is none of tactical-fix, strategic-fix, feature, tech-debt, compliance"));
        }
        if (c.riskLevel() == null) {
            out.add(about("intent.risk-missing", c, c.risk() == null
                    ? c.id() + " declares no risk level: add 'Risk: low|medium|high|critical'"
                    : c.id() + " declares risk '" + c.risk() + "', which is none of low, medium, high, critical"));
        }
    }

    private static Finding about(String rule, Change c, String message) {
        Ref ref = c.ref();
        return new Finding(rule, Layer.INTENT, Severity.WARNING, ref, c.id(), message, c.mergedAt(), List.of(ref));
    }

    /** A file's parent directory; {@code .} for files at the root. */
    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }

    /** Change ids in merge order: {@code #9} before {@code #10}; otherwise as text. */
    static int compareIds(String a, String b) {
        if (isPr(a) && isPr(b)) {
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }
        return a.compareTo(b);
    }

    private static boolean isPr(String id) {
        if (id.length() < 2 || id.charAt(0) != '#') {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
