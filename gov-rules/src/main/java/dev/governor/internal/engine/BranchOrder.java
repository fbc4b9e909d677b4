package dev.governor.internal.engine;

import dev.governor.api.Change;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Branch order (rules.md): changes from a history in the order they reached the branch's first-parent
 * history ({@link Change#position()}), since many may share one merge time after a rebase-and-merge;
 * host-supplied changes, which have no position, by merge time, ties by change id ({@code #9} before
 * {@code #10}). When both kinds are present they are merged by merge time, history first on a tie.
 */
final class BranchOrder {

    /** Merge time, then change id: the order of changes with no position. */
    static final Comparator<Change> BY_MERGE_TIME = (a, b) -> {
        int byTime = a.mergedAt().compareTo(b.mergedAt());
        return byTime != 0 ? byTime : compareIds(a.id(), b.id());
    };

    private BranchOrder() {
    }

    static List<Change> sort(List<Change> changes) {
        List<Change> placed = new ArrayList<>();
        List<Change> loose = new ArrayList<>();
        for (Change c : changes) {
            (c.position() != null ? placed : loose).add(c);
        }
        placed.sort(Comparator.comparing(Change::position));
        loose.sort(BY_MERGE_TIME);
        if (loose.isEmpty()) {
            return placed;
        }
        if (placed.isEmpty()) {
            return loose;
        }
        List<Change> out = new ArrayList<>(changes.size());
        int i = 0;
        int j = 0;
        while (i < placed.size() || j < loose.size()) {
            if (j == loose.size() || i < placed.size() && !loose.get(j).mergedAt().isBefore(placed.get(i).mergedAt())) {
                out.add(placed.get(i++));
            } else {
                out.add(loose.get(j++));
            }
        }
        return out;
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
}
