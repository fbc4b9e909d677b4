package dev.governor.packs.intent;

import dev.governor.api.Change;
import dev.governor.api.FileChange;
import dev.governor.api.policy.HotspotPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Intent pack's derivation: which hotspot subjects each change touches, in branch order. A subject's
 * identity follows renames (formats.md: "a renamed file keeps its history"), and a path keeps its identity
 * when the file is deleted, so a file added again continues its history (rules.md step 7): the rules key
 * their state on the identity and never see old paths.
 */
final class Touches {

    private Touches() {
    }

    /** The touches of changes already in branch order, by subject, each subject's in that order. */
    static Map<Integer, List<Touch>> of(List<Change> ordered, HotspotPolicy hotspot) {
        return hotspot.byDirectory() ? byDirectory(ordered, hotspot) : byFile(ordered, hotspot);
    }

    /** Each subject's state, ready for the rules: the changes that touch it, in branch order. */
    static List<FileState> states(List<Change> ordered, HotspotPolicy hotspot, Instant recentSince) {
        Map<Integer, List<Touch>> bySubject = of(ordered, hotspot);
        List<FileState> states = new ArrayList<>(bySubject.size());
        for (Map.Entry<Integer, List<Touch>> subject : bySubject.entrySet()) {
            states.add(new FileState(subject.getKey(), subject.getValue(), recentSince));
        }
        return states;
    }

    /** Gathers each subject's touches, in branch order. */
    private static final class Chains {
        private final Map<Integer, List<Touch>> bySubject = new LinkedHashMap<>();

        void add(int key, String path, Change change) {
            bySubject.computeIfAbsent(key, k -> new ArrayList<>()).add(new Touch(path, change.type(), change));
        }
    }

    private static Map<Integer, List<Touch>> byFile(List<Change> ordered, HotspotPolicy hotspot) {
        // a path's identity; a deleted file's path keeps it, so the file coming back continues its history
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
                if (hotspot.ignores(path)) {
                    continue; // never counts, never locks
                }
                Integer id = identity.get(path);
                if (id == null) {
                    id = next++;
                    identity.put(path, id);
                }
                if (!touched.contains(id)) { // a handful of files per change: a list beats a set
                    touched.add(id);
                    chains.add(id, path, change);
                }
            }
        }
        return chains.bySubject;
    }

    private static Map<Integer, List<Touch>> byDirectory(List<Change> ordered, HotspotPolicy hotspot) {
        Map<String, Integer> identity = new HashMap<>();
        Chains chains = new Chains();
        Set<String> dirs = new LinkedHashSet<>();
        for (Change change : ordered) {
            dirs.clear();
            for (FileChange f : change.files()) {
                if (f.oldPath() != null && !hotspot.ignores(f.oldPath())) {
                    dirs.add(parent(f.oldPath()));
                }
                if (f.newPath() != null && !hotspot.ignores(f.newPath())) {
                    dirs.add(parent(f.newPath()));
                }
            }
            for (String dir : dirs) {
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
