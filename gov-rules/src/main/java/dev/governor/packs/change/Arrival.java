package dev.governor.packs.change;

import dev.governor.api.Change;
import java.util.List;

/**
 * The files a change brings to paths that some ADR of the history lists as removed: added, renamed or copied
 * there. Only such paths are kept, so that the rule that decides joins a handful of facts, not every file.
 *
 * @param change the change
 * @param index  its place in branch order
 * @param paths  the paths it brings a file to, sorted
 */
public record Arrival(Change change, int index, List<String> paths) {
    public Arrival {
        paths = List.copyOf(paths);
    }
}
