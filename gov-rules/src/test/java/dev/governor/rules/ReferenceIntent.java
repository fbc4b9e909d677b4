package dev.governor.rules;

import dev.governor.api.Change;
import dev.governor.api.ChangeType;
import dev.governor.api.FileChange;
import dev.governor.api.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hotspot and lock algorithm of spec/rules.md written as a plain-Java single pass, independently
 * of the engine (its own rename following, its own ordering): the rules must agree with it.
 */
final class ReferenceIntent {

    /** A finding as the reference sees it. */
    record Expected(String rule, String subject, String change, Instant at, List<String> evidence) {}

    /** @param standings each subject's final state as {@code path locked=… recent=…}, sorted */
    record Result(List<Expected> findings, List<String> standings) {}

    private static final class State {
        final List<Change> counted = new ArrayList<>();
        List<String> lockedBy;
        int recent;
        String path;
    }

    static Result run(List<Change> changes, Policy.Hotspot policy, Instant now) {
        List<Change> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparing(Change::mergedAt).thenComparing(ReferenceIntent::idOrder));
        Map<String, State> live = new HashMap<>();
        List<State> all = new ArrayList<>();
        List<Expected> findings = new ArrayList<>();
        for (Change c : ordered) {
            Map<State, String> touched = new LinkedHashMap<>();
            if (policy.byDirectory()) {
                for (FileChange f : c.files()) {
                    for (String p : new String[] {f.oldPath(), f.newPath()}) {
                        if (p != null) {
                            String dir = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : ".";
                            touched.putIfAbsent(live.computeIfAbsent(dir, d -> track(all, new State())), dir);
                        }
                    }
                }
            } else {
                Map<String, State> renamed = new HashMap<>();
                for (FileChange f : c.files()) {
                    if (f.kind() == FileChange.Kind.RENAMED) {
                        State s = live.remove(f.oldPath());
                        renamed.put(f.newPath(), s != null ? s : track(all, new State()));
                    }
                }
                live.putAll(renamed);
                for (FileChange f : c.files()) {
                    String p = f.path();
                    State s;
                    switch (f.kind()) {
                        case ADDED, COPIED -> {
                            s = track(all, new State());
                            live.put(p, s);
                        }
                        case DELETED -> {
                            State gone = live.remove(p);
                            s = gone != null ? gone : track(all, new State());
                        }
                        default -> s = live.computeIfAbsent(p, x -> track(all, new State()));
                    }
                    touched.putIfAbsent(s, p);
                }
            }
            for (Map.Entry<State, String> t : touched.entrySet()) {
                State s = t.getKey();
                s.path = t.getValue();
                ChangeType type = c.type();
                if (type == ChangeType.STRATEGIC_FIX) {
                    s.lockedBy = null;
                    s.counted.clear();
                } else if (type == ChangeType.TACTICAL_FIX) {
                    if (c.mergedAt().isAfter(now.minus(policy.window()))) {
                        s.recent++;
                    }
                    if (s.lockedBy != null) {
                        findings.add(new Expected("intent.strategic-fix-required", s.path, c.id(), c.mergedAt(), s.lockedBy));
                        continue;
                    }
                    s.counted.add(c);
                    int n = s.counted.size();
                    if (n >= policy.count()) {
                        Change first = s.counted.get(n - policy.count());
                        if (Duration.between(first.mergedAt(), c.mergedAt()).compareTo(policy.window()) < 0) {
                            List<String> evidence = s.counted.subList(n - policy.count(), n).stream().map(Change::id).toList();
                            findings.add(new Expected("intent.tactical-hotspot", s.path, c.id(), c.mergedAt(), evidence));
                            s.lockedBy = evidence;
                            s.counted.clear();
                        }
                    }
                }
            }
        }
        List<String> standings = new ArrayList<>();
        for (State s : all) {
            if (s.path != null) {
                standings.add(standing(s.path, s.lockedBy != null, s.recent));
            }
        }
        standings.sort(Comparator.naturalOrder());
        return new Result(findings, standings);
    }

    static String standing(String path, boolean locked, int recent) {
        return path + " locked=" + locked + " recent=" + recent;
    }

    private static State track(List<State> all, State s) {
        all.add(s);
        return s;
    }

    /** Ties in merge time: pull requests by number, anything else by its text. */
    private static int idOrder(Change a, Change b) {
        String x = a.id();
        String y = b.id();
        if (x.matches("#\\d+") && y.matches("#\\d+")) {
            return Long.compare(Long.parseLong(x.substring(1)), Long.parseLong(y.substring(1)));
        }
        return x.compareTo(y);
    }
}
