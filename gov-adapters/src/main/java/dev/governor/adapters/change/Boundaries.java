package dev.governor.adapters.change;

import dev.governor.api.BoundaryChange;
import dev.governor.api.FileChange;
import dev.governor.api.FileTree;
import dev.governor.api.Glob;
import dev.governor.api.policy.ServicesPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Classifies what one change does to the service boundaries (rules.md, "Change"), from its diff with
 * renames and the trees before and after it. The boundaries are the directories the {@code services} globs
 * match, else every directory up to depth 2 that holds a build file; a file belongs to the deepest
 * boundary above it. For each boundary that lost files to a rename or a delete:
 * <ol>
 *   <li>merge: it is gone after the change, and most (over half) of its files moved into one service that
 *       existed before (rules.md says "all"; a merge that drops the old build file moves all but that one);</li>
 *   <li>rename: most (over half) of its files moved into one directory that did not exist before;</li>
 *   <li>split: it stays, and some of its files moved into a new service (a boundary after, not before);</li>
 *   <li>removal: it is gone after the change, and none of the above.</li>
 * </ol>
 * A change that only adds or modifies files reshapes no boundary: creating a service is none of these.
 */
final class Boundaries {

    /** The build files that make a directory a service when {@code services} is not set. */
    static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts", "package.json",
            "go.mod", "Cargo.toml", "pyproject.toml");

    private Boundaries() {
    }

    /** Whether a change can reshape a boundary at all: only a rename or a delete moves files out of one. */
    static boolean mayReshape(List<FileChange> files) {
        for (FileChange f : files) {
            if (f.kind() == FileChange.Kind.RENAMED || f.kind() == FileChange.Kind.DELETED) {
                return true;
            }
        }
        return false;
    }

    /** The boundary changes of one change, by service path. */
    static List<BoundaryChange> classify(String change, List<FileChange> files, FileTree before, FileTree after,
                                         ServicesPolicy services) {
        Layout was = new Layout(before, services);
        Layout is = new Layout(after, services);
        // each service that lost a file, with where its moved files went
        Map<String, Map<String, Integer>> movedOut = new TreeMap<>();
        for (FileChange f : files) {
            if (f.kind() != FileChange.Kind.RENAMED && f.kind() != FileChange.Kind.DELETED) {
                continue;
            }
            String service = was.boundaryOf(f.oldPath());
            if (service == null) {
                continue;
            }
            Map<String, Integer> targets = movedOut.computeIfAbsent(service, s -> new TreeMap<>());
            if (f.kind() == FileChange.Kind.RENAMED && !f.newPath().startsWith(service + "/")) {
                String target = target(service, f.oldPath(), f.newPath(), is);
                if (target != null) {
                    targets.merge(target, 1, Integer::sum);
                }
            }
        }
        List<BoundaryChange> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> e : movedOut.entrySet()) {
            String service = e.getKey();
            int files0 = was.fileCount(service);
            boolean stays = is.isBoundary(service);
            String most = null;
            int mostCount = 0;
            for (Map.Entry<String, Integer> t : e.getValue().entrySet()) {
                if (t.getValue() > mostCount) { // ties: the first in path order
                    most = t.getKey();
                    mostCount = t.getValue();
                }
            }
            boolean majority = most != null && 2L * mostCount > files0;
            if (!stays && majority && was.isBoundary(most)) {
                out.add(new BoundaryChange(change, BoundaryChange.Kind.MERGE, service, most, mostCount, files0));
            } else if (majority && !was.exists(most)) {
                out.add(new BoundaryChange(change, BoundaryChange.Kind.RENAME, service, most, mostCount, files0));
            } else if (stays && split(e.getValue(), was, is) != null) {
                String into = split(e.getValue(), was, is);
                out.add(new BoundaryChange(change, BoundaryChange.Kind.SPLIT, service, into, e.getValue().get(into), files0));
            } else if (!stays) {
                out.add(new BoundaryChange(change, BoundaryChange.Kind.REMOVAL, service, null, 0, files0));
            }
        }
        return out;
    }

    /** The new service that took most of the moved files, or {@code null}. */
    private static String split(Map<String, Integer> targets, Layout was, Layout is) {
        String best = null;
        int count = 0;
        for (Map.Entry<String, Integer> t : targets.entrySet()) {
            if (is.isBoundary(t.getKey()) && !was.isBoundary(t.getKey()) && t.getValue() > count) {
                best = t.getKey();
                count = t.getValue();
            }
        }
        return best;
    }

    /**
     * The directory a file moved out of {@code service} went to: the boundary that holds it after the change,
     * else the directory that took the file's place under the service ({@code services/billing/src/A.java} to
     * {@code services/payments/src/A.java}: {@code services/payments}), else its parent directory.
     */
    static String target(String service, String oldPath, String newPath, Layout after) {
        String boundary = after.boundaryOf(newPath);
        if (boundary != null && !boundary.equals(service)) {
            return boundary;
        }
        String rest = oldPath.substring(service.length() + 1);
        if (newPath.endsWith("/" + rest)) {
            return newPath.substring(0, newPath.length() - rest.length() - 1);
        }
        int slash = newPath.lastIndexOf('/');
        return slash < 0 ? null : newPath.substring(0, slash); // a file moved to the root went to no directory
    }

    /** The boundaries of one tree, looked up lazily: a change touches a few of them. */
    static final class Layout {
        private final FileTree tree;
        private final List<String> globs;
        private final Map<String, Boolean> boundary = new HashMap<>();

        Layout(FileTree tree, ServicesPolicy services) {
            this.tree = tree;
            this.globs = services.globs();
        }

        /** The deepest boundary that holds {@code path}, or {@code null}. */
        String boundaryOf(String path) {
            for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                String dir = path.substring(0, slash);
                if (isBoundary(dir)) {
                    return dir;
                }
            }
            return null;
        }

        /** Whether {@code dir} is a service boundary in this tree. */
        boolean isBoundary(String dir) {
            return boundary.computeIfAbsent(dir, this::decide);
        }

        private boolean decide(String dir) {
            if (globs.isEmpty()) {
                int depth = dir.split("/", -1).length;
                if (depth > 2) {
                    return false;
                }
                for (String build : BUILD_FILES) {
                    if (tree.contains(dir + "/" + build)) {
                        return true;
                    }
                }
                return false;
            }
            for (String glob : globs) {
                if (Glob.matches(glob, dir) && exists(dir)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the tree has a directory {@code dir} (one holding at least one file). */
        boolean exists(String dir) {
            int slash = dir.lastIndexOf('/');
            String parent = slash < 0 ? "" : dir.substring(0, slash);
            return tree.directories(parent).contains(dir.substring(slash + 1));
        }

        /** The files that belong to {@code service}: under it, and in no deeper boundary. */
        int fileCount(String service) {
            int n = 0;
            for (String file : tree.files(service)) {
                if (service.equals(boundaryOf(file))) {
                    n++;
                }
            }
            return n;
        }
    }
}
