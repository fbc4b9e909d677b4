package dev.governor.packs.change;

import dev.governor.api.Adr;
import dev.governor.api.AdrChange;
import dev.governor.api.Change;
import dev.governor.api.FileChange;
import dev.governor.api.Glob;
import dev.governor.api.policy.AdrPolicy;
import dev.governor.api.policy.ServicesPolicy;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.pack.ContextEntry;
import dev.governor.pack.ContextRequest;
import dev.governor.pack.Derivation;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import dev.governor.pack.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Change: what changed, and can someone roll it back? Template fields, ADRs, service boundaries and
 * boundary regressions (rules.md, "Change"). Rules: {@code rules/change.drl}. Its facts come from the
 * history through the Change fact source of gov-adapters ({@code Adr}, {@code AdrChange},
 * {@code BoundaryChange}) or from a host; this pack derives what its rules join: the required fields, each
 * ADR version with the span of history it was in force, the changes that revert others, the ADRs that
 * {@code ADR:} trailers name, and the files changes bring under a removed boundary.
 */
public final class ChangePack implements Pack {

    /** Every ADR at the head: status, supersession both ways, boundary, problems ({@code gov adr}). */
    public static final View<AdrStatus> ADRS = View.of("change", "change.adrs", "$adr", row -> (AdrStatus) row);

    @Override
    public String id() {
        return "change";
    }

    @Override
    public List<String> rules() {
        return List.of("dev/governor/rules/change.drl");
    }

    @Override
    public List<SectionReader<?>> sections() {
        return List.of(SectionReader.of(ServicesPolicy.SECTION, node -> new ServicesPolicy(node.asStrings())),
                SectionReader.of(AdrPolicy.SECTION, ChangePack::adr));
    }

    static AdrPolicy adr(Node node) {
        MapNode map = node.asMap().only(List.of("dirs"));
        return SectionReader.value(map, "dirs",
                n -> new AdrPolicy(n.asList().items().stream().map(Node::asRelativePath).toList()), AdrPolicy.DEFAULT);
    }

    @Override
    public void derive(Derivation derivation) {
        List<Change> changes = derivation.changes();
        Map<String, Integer> index = new HashMap<>();
        Map<String, Change> byId = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            index.put(changes.get(i).id(), i);
            byId.put(changes.get(i).id(), changes.get(i));
        }
        RequiredField.ALL.forEach(derivation::insert);
        List<Adr> adrs = derivation.facts().of(Adr.class);
        List<AdrChange> adrChanges = new ArrayList<>(derivation.facts().of(AdrChange.class));
        adrChanges.sort(Comparator.comparingInt(c -> index.getOrDefault(c.change(), Integer.MAX_VALUE)));
        for (Adr adr : adrs) {
            derivation.insert(new AdrEntry(adr, adr.lastChange() == null ? null : byId.get(adr.lastChange())));
            derivation.insert(status(adr, adrs));
        }
        List<AdrVersion> versions = versions(adrs, adrChanges, index);
        versions.forEach(derivation::insert);
        Set<String> writing = new LinkedHashSet<>();
        for (AdrChange c : adrChanges) {
            if (index.containsKey(c.change())) {
                writing.add(c.change());
            }
        }
        for (String id : writing) {
            derivation.insert(new Step(byId.get(id), index.get(id)));
        }
        reverts(changes, derivation);
        named(changes, adrs, adrChanges, derivation);
        arrivals(changes, versions, derivation);
    }

    /**
     * Each ADR version with its span: walking the ADR changes in branch order, the version before a path's
     * first change was in force from the start, each change's after-version until the path's next change,
     * and an ADR no change touched was in force throughout.
     */
    static List<AdrVersion> versions(List<Adr> head, List<AdrChange> ordered, Map<String, Integer> index) {
        record Open(Adr adr, int from) {}
        List<AdrVersion> out = new ArrayList<>();
        Map<String, Open> open = new HashMap<>();
        Set<String> touched = new TreeSet<>();
        for (AdrChange c : ordered) {
            Integer at = index.get(c.change());
            if (at == null) {
                continue; // a change this check does not know: no place in the history to pin it to
            }
            if (c.before() != null) {
                Open o = open.remove(c.oldPath());
                out.add(o == null ? new AdrVersion(c.before(), -1, at) : new AdrVersion(o.adr(), o.from(), at));
                touched.add(c.oldPath());
            }
            if (c.after() != null) {
                open.put(c.path(), new Open(c.after(), at));
                touched.add(c.path());
            }
        }
        Map<String, Adr> atHead = new HashMap<>();
        head.forEach(a -> atHead.put(a.path(), a));
        for (Map.Entry<String, Open> o : new java.util.TreeMap<>(open).entrySet()) {
            Adr adr = atHead.getOrDefault(o.getKey(), o.getValue().adr());
            out.add(new AdrVersion(adr, o.getValue().from(), Integer.MAX_VALUE));
        }
        for (Adr adr : head) {
            if (!touched.contains(adr.path())) {
                out.add(new AdrVersion(adr, -1, Integer.MAX_VALUE));
            }
        }
        return out;
    }

    /**
     * The ADRs that cover the paths: by their boundary (a removed glob matches the path: that code moved out,
     * and where), by being named ({@code ADR:} trailer) by a change to the path, or by naming the path or a
     * directory above it in their text; and the recent reverts of changes that touched the paths. An ADR merely
     * written in the same change as the path is not counted: a first commit writes everything at once.
     */
    @Override
    public List<ContextEntry> context(ContextRequest request) {
        List<ContextEntry> out = new ArrayList<>();
        List<Adr> adrs = request.facts().of(Adr.class);
        for (String path : request.paths()) {
            // the changes to the path that name ADRs: one pass over the history, not one per ADR
            List<Change> naming = new ArrayList<>();
            for (Change c : request.changes()) {
                if (!c.trailers("ADR").isEmpty() && ContextRequest.touches(c, path)) {
                    naming.add(c);
                }
            }
            for (Adr adr : adrs) {
                if (covers(adr, path)) {
                    out.add(boundary(adr, status(adr, adrs), path));
                }
                List<String> how = new ArrayList<>();
                for (Change c : naming) {
                    if (c.trailers("ADR").stream().anyMatch(adr::isNamedBy)) {
                        how.add("named by " + c.id());
                    }
                }
                String mentioned = CoveringText.mentioned(adr, path);
                if (mentioned != null) {
                    how.add("names " + mentioned);
                }
                if (!how.isEmpty()) {
                    AdrStatus status = status(adr, adrs);
                    out.add(ContextEntry.of("adr", path, "ADR " + name(adr) + " " + quoted(adr.title()) + " ("
                                    + (adr.status() == null ? "no status" : adr.status()) + superseded(status) + ", "
                                    + adr.path() + ") covers " + path + ": " + String.join(", ", how)
                                    + (adr.decision() == null ? "" : "; decided: " + CoveringText.firstSentence(adr.decision())))
                            .with("adr", adr.path())
                            .with("number", adr.number())
                            .with("title", adr.title())
                            .with("status", adr.status())
                            .with("supersededBy", status.supersededBy())
                            .with("how", how)
                            .withEvidence(List.of(adr.ref())));
                }
            }
        }
        for (Revert r : reverts(request.changes())) {
            boolean recent = !r.change().mergedAt().isBefore(request.recentSince());
            if (!recent || !(request.touches(r.change()) || request.touches(r.reverted()))) {
                continue;
            }
            for (String path : request.paths()) {
                if (ContextRequest.touches(r.change(), path) || ContextRequest.touches(r.reverted(), path)) {
                    out.add(ContextEntry.of("revert", path, r.change().id() + " (" + day(r.change().mergedAt())
                                    + ") reverted " + r.reverted().id() + " (" + day(r.reverted().mergedAt()) + ", "
                                    + (r.reverted().type() == null ? "no change type" : r.reverted().type().id())
                                    + "), which touched " + path + ": read why before doing it again")
                            .with("revert", r.change().id())
                            .with("reverted", r.reverted().id())
                            .with("at", r.change().mergedAt())
                            .withEvidence(List.of(r.change().ref(), r.reverted().ref())));
                }
            }
        }
        return out;
    }

    /** Whether the path (a file, or a directory asked about) lies under one of the ADR's removed globs. */
    private static boolean covers(Adr adr, String path) {
        if (adr.removes(path)) {
            return true;
        }
        for (String glob : adr.removed()) {
            if (glob.startsWith(path + "/")) {
                return true;
            }
        }
        return false;
    }

    private static ContextEntry boundary(Adr adr, AdrStatus status, String path) {
        boolean inForce = adr.accepted();
        return ContextEntry.of("boundary", path, path + " is under the boundary of ADR " + name(adr) + " "
                        + quoted(adr.title()) + " (" + (adr.status() == null ? "no status" : adr.status())
                        + superseded(status) + "): removed " + String.join(", ", adr.removed())
                        + (adr.movedTo() == null ? "" : ", moved to " + adr.movedTo())
                        + (inForce ? ": code added here again is a change.boundary-regression; change it "
                                + (adr.movedTo() == null ? "where it went" : "in " + adr.movedTo()) + ", or supersede the ADR"
                                : ": the decision is not in force"))
                .with("adr", adr.path())
                .with("number", adr.number())
                .with("status", adr.status())
                .with("removed", adr.removed())
                .with("movedTo", adr.movedTo())
                .withEvidence(List.of(adr.ref()));
    }

    private static String name(Adr adr) {
        return adr.number() != null ? String.valueOf(adr.number()) : adr.path();
    }

    private static String quoted(String title) {
        return title == null ? "(no title)" : "'" + title + "'";
    }

    private static String superseded(AdrStatus status) {
        return status.supersededBy().isEmpty() ? "" : ", superseded by " + String.join(", ", status.supersededBy());
    }

    private static String day(java.time.Instant at) {
        return at.toString().substring(0, 10);
    }

    /** Each revert whose target is a change of the history, by id or (abbreviated) SHA. */
    private static void reverts(List<Change> changes, Derivation derivation) {
        reverts(changes).forEach(derivation::insert);
    }

    /** Each revert whose target is a change of the history, by id or (abbreviated) SHA. */
    static List<Revert> reverts(List<Change> changes) {
        List<Revert> out = new ArrayList<>();
        Map<String, Change> bySha = new HashMap<>();
        Map<String, Change> byId = new HashMap<>();
        for (Change c : changes) {
            byId.put(c.id(), c);
            if (c.sha() != null) {
                bySha.put(c.sha(), c);
            }
        }
        for (Change c : changes) {
            String target = c.reverts();
            if (target == null || target.isBlank()) {
                continue;
            }
            String t = target.strip();
            Change reverted = byId.get(t) != null ? byId.get(t) : bySha.get(t);
            if (reverted == null && t.length() >= 7) {
                for (Change other : changes) {
                    if (other.sha() != null && other.sha().startsWith(t)) {
                        reverted = other;
                        break;
                    }
                }
            }
            if (reverted != null && reverted != c) {
                out.add(new Revert(c, reverted));
            }
        }
        return out;
    }

    /** The ADRs that {@code ADR:} trailers name, resolved against the ADRs at the head and in the history. */
    private static void named(List<Change> changes, List<Adr> adrs, List<AdrChange> adrChanges, Derivation derivation) {
        List<Adr> known = new ArrayList<>(adrs);
        for (AdrChange c : adrChanges) {
            if (c.after() != null) {
                known.add(c.after());
            }
        }
        for (Change c : changes) {
            for (String reference : c.trailers("ADR")) {
                Adr found = null;
                for (Adr a : known) {
                    if (a.isNamedBy(reference)) {
                        found = a;
                        break;
                    }
                }
                derivation.insert(new NamedAdr(c, reference.strip(), found));
            }
        }
    }

    /** The files changes bring to paths some ADR version lists as removed: the candidates of a regression. */
    private static void arrivals(List<Change> changes, List<AdrVersion> versions, Derivation derivation) {
        Set<String> globs = new LinkedHashSet<>();
        for (AdrVersion v : versions) {
            globs.addAll(v.adr().removed());
        }
        if (globs.isEmpty()) {
            return;
        }
        List<Glob> compiled = globs.stream().map(Glob::of).toList();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            TreeSet<String> paths = null;
            for (FileChange f : c.files()) {
                if (f.kind() == FileChange.Kind.ADDED || f.kind() == FileChange.Kind.RENAMED
                        || f.kind() == FileChange.Kind.COPIED) {
                    for (Glob g : compiled) {
                        if (g.matches(f.newPath())) {
                            if (paths == null) {
                                paths = new TreeSet<>();
                            }
                            paths.add(f.newPath());
                            break;
                        }
                    }
                }
            }
            if (paths != null) {
                derivation.insert(new Arrival(c, i, List.copyOf(paths)));
            }
        }
    }

    /** An ADR as {@code gov adr} lists it, with supersession read both ways. */
    static AdrStatus status(Adr adr, List<Adr> all) {
        Set<String> supersedes = new LinkedHashSet<>(adr.supersedes());
        Set<String> supersededBy = new LinkedHashSet<>(adr.supersededBy());
        for (Adr other : all) {
            if (other == adr) {
                continue;
            }
            String name = other.number() != null ? String.valueOf(other.number()) : other.path();
            if (other.supersedes(adr) && !namedIn(adr, supersededBy, other)) {
                supersededBy.add(name);
            }
            if (namesIn(other.supersededBy(), adr) && !namedIn(adr, supersedes, other)) {
                supersedes.add(name);
            }
        }
        return new AdrStatus(adr.path(), adr.number(), adr.title(), adr.status(), adr.date(), List.copyOf(supersedes),
                List.copyOf(supersededBy), adr.removed(), adr.movedTo(), ChangeFindings.problems(adr));
    }

    private static boolean namesIn(List<String> references, Adr adr) {
        for (String r : references) {
            if (adr.isNamedBy(r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean namedIn(Adr self, Set<String> references, Adr other) {
        for (String r : references) {
            if (other.isNamedBy(r)) {
                return true;
            }
        }
        return false;
    }
}
