package dev.governor.internal.engine;

import dev.governor.api.Change;
import dev.governor.api.FileChange;
import dev.governor.api.Policy;
import dev.governor.rules.FileState;
import dev.governor.rules.Touch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns changes into the Intent layer's touches: which hotspot subjects each change touches, in
 * merge order. A subject's identity follows renames (formats.md: "a renamed file keeps its
 * history"), so the rules key their state on it and never see old paths.
 */
final class Touches {

    /** Merge order: merge time, then change id ({@code #9} before {@code #10}; otherwise as text). */
    static final Comparator<Change> MERGE_ORDER = (a, b) -> {
        int byTime = a.mergedAt().compareTo(b.mergedAt());
        return byTime != 0 ? byTime : compareIds(a.id(), b.id());
    };

    private Touches() {
    }

    static int compareIds(String a, String b) {
        boolean prA = a.startsWith("#") && a.length() > 1 && a.substring(1).chars().allMatch(Character::isDigit);
        boolean prB = b.startsWith("#") && b.length() > 1 && b.substring(1).chars().allMatch(Character::isDigit);
        if (prA && prB) {
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }
        return a.compareTo(b);
    }

    /** The touches of changes already in merge order, by subject, each subject's in merge order. */
    static Map<Integer, List<Touch>> of(List<Change> ordered, Policy.Hotspot hotspot) {
        return hotspot.byDirectory() ? byDirectory(ordered) : byFile(ordered);
    }

    /** Each subject's state, ready for the rules: the changes that touch it, in merge order. */
    static List<FileState> states(List<Change> ordered, Policy.Hotspot hotspot, Instant recentSince) {
        Map<Integer, List<Touch>> bySubject = of(ordered, hotspot);
        List<FileState> states = new ArrayList<>(bySubject.size());
        for (Map.Entry<Integer, List<Touch>> subject : bySubject.entrySet()) {
            states.add(new FileState(subject.getKey(), subject.getValue(), recentSince));
        }
        return states;
    }

    /** Gathers each subject's touches, in merge order. */
    private static final class Chains {
        private final Map<Integer, List<Touch>> bySubject = new LinkedHashMap<>();

        void add(int key, String path, Change change) {
            bySubject.computeIfAbsent(key, k -> new ArrayList<>()).add(new Touch(path, change.type(), change));
        }
    }

    private static Map<Integer, List<Touch>> byFile(List<Change> ordered) {
        Map<String, Integer> identity = new HashMap<>();
        int next = 0;
        Chains chains = new Chains();
        List<Integer> touched = new ArrayList<>();
        for (Change change : ordered) {
            List<FileChange> files = change.files();
            // renames move identities all at once, so that a swap (a->b, b->a) in one change is exact
            Map<String, Integer> moved = null;
            for (FileChange f : files) {
                if (f.kind() == FileChange.Kind.RENAMED) {
                    if (moved == null) {
                        moved = new HashMap<>();
                    }
                    Integer id = identity.remove(f.oldPath());
                    moved.put(f.newPath(), id != null ? id : next++);
                }
            }
            if (moved != null) {
                identity.putAll(moved);
            }
            touched.clear();
            for (FileChange f : files) {
                String path = f.path();
                Integer id;
                if (f.kind() == FileChange.Kind.ADDED || f.kind() == FileChange.Kind.COPIED) {
                    id = next++;
                    identity.put(path, id);
                } else if (f.kind() == FileChange.Kind.DELETED) {
                    id = identity.remove(path); // its history ends; a file added there later starts afresh
                    if (id == null) {
                        id = next++;
                    }
                } else {
                    id = identity.get(path);
                    if (id == null) {
                        id = next++;
                        identity.put(path, id);
                    }
                }
                if (!touched.contains(id)) { // a handful of files per change: a list beats a set
                    touched.add(id);
                    chains.add(id, path, change);
                }
            }
        }
        return chains.bySubject;
    }

    private static Map<Integer, List<Touch>> byDirectory(List<Change> ordered) {
        Map<String, Integer> identity = new HashMap<>();
        Chains chains = new Chains();
        for (Change change : ordered) {
            Map<String, Boolean> dirs = new LinkedHashMap<>();
            for (FileChange f : change.files()) {
                if (f.oldPath() != null) {
                    dirs.put(parent(f.oldPath()), true);
                }
                if (f.newPath() != null) {
                    dirs.put(parent(f.newPath()), true);
                }
            }
            for (String dir : dirs.keySet()) {
                int id = identity.computeIfAbsent(dir, d -> identity.size());
                chains.add(id, dir, change);
            }
        }
        return chains.bySubject;
    }

    /** A file's parent directory; {@code .} for files at the root. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }
}
