package dev.governor.packs.change;

import dev.governor.api.Adr;
import dev.governor.api.Ref;
import java.util.ArrayList;
import java.util.List;

/** The wording of the Change pack's findings, called from its DRL consequences and by its view. */
public final class ChangeFindings {

    private ChangeFindings() {
    }

    /** What {@code change.adr-incomplete} reports about an ADR; empty when it is complete and well-formed. */
    public static List<String> problems(Adr adr) {
        List<String> out = new ArrayList<>();
        if (adr.title() == null) {
            out.add("no title");
        }
        if (adr.decision() == null) {
            out.add("no decision");
        }
        if (adr.reason() == null) {
            out.add("no reason");
        }
        for (Adr.Problem p : adr.problems()) {
            out.add(p.line() > 0 ? "line " + p.line() + ": " + p.message() : p.message());
        }
        return out;
    }

    /**
     * The message of {@code change.adr-incomplete}: what is missing, with the sections that would hold it, and
     * each problem of the file at its {@code file:line}.
     */
    public static String incomplete(Adr adr) {
        List<String> missing = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        if (adr.title() == null) {
            missing.add("a title");
            sections.add("'# Title'");
        }
        if (adr.decision() == null) {
            missing.add("a decision");
            sections.add("'## Decision'");
        }
        if (adr.reason() == null) {
            missing.add("a reason");
            sections.add("'## Reason' (or '## Context')");
        }
        StringBuilder out = new StringBuilder();
        if (!missing.isEmpty()) {
            out.append(adr.path()).append(" lacks ").append(and(missing)).append(": add ").append(and(sections))
                    .append(missing.size() == 1 ? " with a sentence" : ", a sentence each");
        }
        for (Adr.Problem p : adr.problems()) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(adr.path()).append(p.line() > 0 ? ":" + p.line() : "").append(": ").append(p.message());
        }
        return out.toString();
    }

    /** How an ADR reads in a message: {@code ADR 7 (docs/adr/0007-extract-billing.md)}. */
    public static String name(Adr adr) {
        return adr.number() != null ? "ADR " + adr.number() + " (" + adr.path() + ")" : "ADR " + adr.path();
    }

    /** The evidence of a boundary regression: the ADR, with where its code went. */
    public static Ref boundary(Adr adr) {
        Ref ref = adr.ref();
        return ref.withDetail(adr.path() + (adr.movedTo() != null ? "; moved to " + adr.movedTo() : ""));
    }

    /** The paths among {@code paths} that an ADR's boundary lists as removed. */
    public static List<String> removed(Adr adr, List<String> paths) {
        return paths.stream().filter(adr::removes).toList();
    }

    /** Whether an ADR's boundary lists any of {@code paths} as removed. */
    public static boolean removesAny(Adr adr, List<String> paths) {
        for (String p : paths) {
            if (adr.removes(p)) {
                return true;
            }
        }
        return false;
    }

    /** A list as a sentence says it: {@code a, b and c}. */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** The message of {@code change.boundary-regression}. */
    public static String regression(String change, Adr adr, List<String> paths) {
        List<String> hit = removed(adr, paths);
        String files = hit.size() == 1 ? hit.get(0) : hit.size() + " files under " + String.join(", ", adr.removed())
                + " (" + hit.get(0) + " …)";
        return change + " adds " + files + ", which " + name(adr) + " removed from this repository"
                + (adr.movedTo() != null ? " (moved to " + adr.movedTo() + ")" : "")
                + ": make the change there, or supersede the ADR with one that brings the code back";
    }

    /** The message of {@code change.adr-required}. */
    public static String adrRequired(dev.governor.api.Change change, DecisionPoint point) {
        return change.id() + " " + point.what() + " and adds or updates no ADR: add a three-sentence ADR (title,"
                + " decision, reason) to the change, or name one with an 'ADR:' trailer";
    }

    /** Whether any of {@code references} names {@code adr}. */
    public static boolean namesAny(List<String> references, Adr adr) {
        for (String r : references) {
            if (adr.isNamedBy(r)) {
                return true;
            }
        }
        return false;
    }
}
