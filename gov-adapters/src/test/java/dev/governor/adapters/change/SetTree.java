package dev.governor.adapters.change;

import dev.governor.api.FileContent;
import dev.governor.api.FileTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A tree of paths in memory, for properties over generated moves: the classifier sees it as it sees git's. */
record SetTree(Set<String> paths) implements FileTree {

    @Override
    public String commit() {
        return null;
    }

    @Override
    public boolean contains(String path) {
        return paths.contains(path);
    }

    @Override
    public Optional<FileContent> file(String path) {
        return Optional.empty();
    }

    @Override
    public List<String> files(String directory) {
        List<String> out = new ArrayList<>();
        for (String p : new TreeSet<>(paths)) {
            if (directory.isEmpty() || p.startsWith(directory + "/")) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public List<String> directories(String directory) {
        TreeSet<String> out = new TreeSet<>();
        String prefix = directory.isEmpty() ? "" : directory + "/";
        for (String p : paths) {
            if (p.startsWith(prefix)) {
                String rest = p.substring(prefix.length());
                int slash = rest.indexOf('/');
                if (slash > 0) {
                    out.add(rest.substring(0, slash));
                }
            }
        }
        return new ArrayList<>(out);
    }
}
