package dev.governor.packs.intent;

import dev.governor.api.Finding;
import dev.governor.api.Ref;
import dev.governor.api.policy.HotspotPolicy;
import dev.governor.api.policy.IntentPolicy;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.pack.ContextEntry;
import dev.governor.pack.ContextRequest;
import dev.governor.pack.Derivation;
import dev.governor.pack.Findings;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import dev.governor.pack.View;
import java.util.ArrayList;
import java.util.List;

/**
 * Intent: why are we changing this, and how risky is it? Change types and risk levels, and the hotspot
 * lock: {@code hotspot.count} tactical fixes on one file within {@code hotspot.window} lock it until a
 * strategic fix (rules.md, "Intent"). Rules: {@code rules/intent.drl}.
 */
public final class IntentPack implements Pack {

    /** Per file (or directory): tactical fixes in the last window, and the lock ({@code gov hotspots}). */
    public static final View<HotspotStatus> HOTSPOTS = View.of("intent", "intent.hotspot-states", "$state",
            state -> status((FileState) state));

    /** The states themselves, for {@link #context}: the lock's finding carries its evidence with times. */
    private static final View<FileState> STATES = View.of("intent", "intent.hotspot-states", "$state",
            FileState.class::cast);

    @Override
    public String id() {
        return "intent";
    }

    @Override
    public List<String> rules() {
        return List.of("dev/governor/rules/intent.drl");
    }

    @Override
    public List<SectionReader<?>> sections() {
        return List.of(SectionReader.of(IntentPolicy.SECTION, IntentPack::intent),
                SectionReader.of(HotspotPolicy.SECTION, IntentPack::hotspot));
    }

    /** Each subject's state, its changes in branch order, so the rules take them one at a time. */
    @Override
    public void derive(Derivation derivation) {
        HotspotPolicy hotspot = derivation.policy().section(HotspotPolicy.SECTION);
        if (derivation.changes().isEmpty()) {
            return;
        }
        for (FileState state : Touches.states(derivation.changes(), hotspot, derivation.now().minus(hotspot.window()))) {
            derivation.insert(state);
        }
    }

    /**
     * For each hotspot subject the paths cover: its lock with the hotspot that set it (evidence: the changes, with
     * their times), else its tactical fixes within the window and those counted towards the next lock. Under
     * {@code hotspot.scope: directory} a file's subject is its directory.
     */
    @Override
    public List<ContextEntry> context(ContextRequest request) {
        HotspotPolicy hotspot = request.policy().section(HotspotPolicy.SECTION);
        String window = Findings.duration(hotspot.window());
        List<ContextEntry> out = new ArrayList<>();
        for (FileState s : request.rows(STATES)) {
            String subject = s.getPath();
            boolean asked = request.covers(subject) || hotspot.byDirectory()
                    && request.paths().stream().anyMatch(p -> Touches.parent(p).equals(subject));
            if (!asked) {
                continue;
            }
            Finding lock = s.getLockFinding();
            if (lock != null) {
                out.add(ContextEntry.of("lock", subject, subject + " is locked since " + day(lock.at()) + " by a hotspot ("
                                + Findings.listed(lock.evidence()) + "): a tactical fix to it is refused "
                                + "(intent.strategic-fix-required); make the next change to it a strategic fix "
                                + "(Change-Type: strategic-fix), which unlocks it")
                        .with("locked", true)
                        .with("lockedAt", lock.at())
                        .with("lockedBy", lock.evidence().stream().map(Ref::id).toList())
                        .with("tacticalFixesInWindow", s.getRecentTactical())
                        .with("window", window)
                        .withEvidence(evidence(lock)));
            } else {
                // only counted fixes within the window before now can join a fix made now in a lock
                java.time.Instant from = request.now().minus(hotspot.window());
                List<Touch> live = s.getCounted().stream().filter(t -> t.at().isAfter(from)).toList();
                if (s.getRecentTactical() == 0 && live.isEmpty()) {
                    continue; // old fixes only: nothing a change made now must know
                }
                List<Ref> refs = live.stream().map(t -> t.change().ref()).toList();
                String next = "";
                if (live.size() == hotspot.count() - 1) {
                    next = ": one more tactical fix before " + live.get(0).at().plus(hotspot.window())
                            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            + " locks it until a strategic fix";
                } else if (!live.isEmpty()) {
                    next = " (" + hotspot.count() + " within " + window + " lock it until a strategic fix)";
                }
                out.add(ContextEntry.of("hotspot", subject, subject + ": " + fixes(s.getRecentTactical())
                                + " within the last " + window + (live.isEmpty() ? ""
                                : "; " + live.size() + " of " + hotspot.count() + " towards a lock ("
                                        + Findings.listed(refs) + ")") + next)
                        .with("locked", false)
                        .with("tacticalFixesInWindow", s.getRecentTactical())
                        .with("counted", live.stream().map(t -> t.change().id()).toList())
                        .with("lockAt", hotspot.count())
                        .with("window", window)
                        .withEvidence(refs));
            }
        }
        return out;
    }

    private static List<Ref> evidence(Finding lock) {
        List<Ref> refs = new ArrayList<>(lock.evidence());
        refs.add(Ref.of(lock));
        return refs;
    }

    private static String fixes(int n) {
        return n == 1 ? "1 tactical fix" : n + " tactical fixes";
    }

    private static String day(java.time.Instant at) {
        return at.toString().substring(0, 10);
    }

    static IntentPolicy intent(Node node) {
        MapNode map = node.asMap().only(List.of("inferFromConventionalCommits"));
        Node infer = map.get("inferFromConventionalCommits");
        return infer == null ? IntentPolicy.DEFAULT : new IntentPolicy(infer.asBoolean());
    }

    static HotspotPolicy hotspot(Node node) {
        MapNode map = node.asMap().only(List.of("count", "window", "scope", "ignore"));
        HotspotPolicy d = HotspotPolicy.DEFAULT;
        return new HotspotPolicy(
                SectionReader.value(map, "count", n -> n.asInt(1, Integer.MAX_VALUE), d.count()),
                SectionReader.value(map, "window", Node::asDuration, d.window()),
                SectionReader.value(map, "scope",
                        n -> n.asChoice("scope", HotspotPolicy.Scope.class, HotspotPolicy.Scope::id), d.scope()),
                SectionReader.value(map, "ignore", Node::asStrings, d.ignore()));
    }

    private static HotspotStatus status(FileState s) {
        Finding lock = s.getLockFinding();
        return new HotspotStatus(s.getPath(), s.getRecentTactical(),
                s.getCounted().stream().map(t -> t.change().id()).toList(), s.isLocked(),
                lock == null ? null : lock.at(),
                lock == null ? List.of() : lock.evidence().stream().map(r -> r.id()).toList(),
                s.getTacticalFixes());
    }
}
