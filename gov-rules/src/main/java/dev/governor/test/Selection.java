package dev.governor.test;

import dev.governor.Report;
import dev.governor.api.Change;
import dev.governor.api.FileChange;
import dev.governor.api.Finding;
import dev.governor.api.Glob;
import dev.governor.api.Layer;
import dev.governor.api.Ref;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which findings a rule is about: of one rule id, of one layer, blocking only, touching paths. Each part
 * narrows; none at all is every finding. Immutable.
 *
 * @param ruleId       only findings of this rule, or {@code null}
 * @param layer        only findings of this layer, or {@code null}
 * @param blockingOnly only blocking findings
 * @param globs        only findings touching a path that matches every one of these
 */
record Selection(String ruleId, Layer layer, boolean blockingOnly, List<String> globs) {
    static final Selection ALL = new Selection(null, null, false, List.of());

    Selection {
        globs = List.copyOf(globs);
    }

    Selection ofRule(String id) {
        if (ruleId != null && !ruleId.equals(id)) {
            throw new IllegalStateException("the findings are already those of rule " + ruleId);
        }
        return new Selection(id, layer, blockingOnly, globs);
    }

    Selection inLayer(Layer l) {
        if (layer != null && layer != l) {
            throw new IllegalStateException("the findings are already those of layer " + layer.id());
        }
        return new Selection(ruleId, l, blockingOnly, globs);
    }

    Selection blocking() {
        return new Selection(ruleId, layer, true, globs);
    }

    Selection touching(String glob) {
        List<String> more = new ArrayList<>(globs);
        more.add(glob);
        return new Selection(ruleId, layer, blockingOnly, more);
    }

    /** A predicate bound to one report: the files of each change are looked up once. */
    Predicate<Finding> in(Report report) {
        Map<String, List<FileChange>> files = new HashMap<>();
        if (!globs.isEmpty()) {
            for (Change c : report.changes()) {
                files.put(c.id(), c.files());
            }
        }
        return f -> (ruleId == null || f.ruleId().equals(ruleId))
                && (layer == null || f.layer() == layer)
                && (!blockingOnly || f.isBlocking())
                && globs.stream().allMatch(g -> touches(f, Glob.of(g), files));
    }

    /**
     * Whether a finding touches a path: its subject or evidence is a matching file or directory, or the change
     * it is attributed to touched a matching file (before or after a rename).
     */
    private static boolean touches(Finding f, Glob glob, Map<String, List<FileChange>> files) {
        if (touches(f.subject(), glob)) {
            return true;
        }
        for (Ref ref : f.evidence()) {
            if (touches(ref, glob)) {
                return true;
            }
        }
        return f.change() != null && files.getOrDefault(f.change(), List.of()).stream().anyMatch(fc -> touches(fc, glob));
    }

    private static boolean touches(Ref ref, Glob glob) {
        return ref.kind() == Ref.Kind.FILE && glob.matches(ref.id())
                || ref.kind() == Ref.Kind.DIRECTORY && (glob.matches(ref.id()) || glob.matches(ref.id() + "/"));
    }

    private static boolean touches(FileChange file, Glob glob) {
        return glob.matches(file.path()) || file.oldPath() != null && glob.matches(file.oldPath());
    }

    /** The first glob that no change of the report touched and no finding names, or {@code null}. */
    String untouched(Report report) {
        for (String g : globs) {
            Glob glob = Glob.of(g);
            boolean seen = report.changes().stream().anyMatch(c -> c.files().stream().anyMatch(fc -> touches(fc, glob)))
                    || report.findings().stream().anyMatch(f -> touches(f.subject(), glob)
                    || f.evidence().stream().anyMatch(r -> touches(r, glob)));
            if (!seen) {
                return g;
            }
        }
        return null;
    }

    /** The selection as the words of a rule: {@code "findings that touch src/pay/** and are blocking"}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        globs.forEach(g -> parts.add("touch " + g));
        if (ruleId != null) {
            parts.add("are of rule " + ruleId);
        }
        if (layer != null) {
            parts.add("are in layer " + layer.id());
        }
        if (blockingOnly) {
            parts.add("are blocking");
        }
        return parts.isEmpty() ? "findings" : "findings that " + String.join(" and ", parts);
    }
}
