package dev.governor.packs.release;

import dev.governor.api.Change;
import dev.governor.api.Policy;
import dev.governor.api.Review;
import dev.governor.api.Risk;
import dev.governor.api.SignOff;
import dev.governor.api.policy.ReleasePolicy;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.api.Finding;
import dev.governor.api.Ref;
import dev.governor.pack.ContextEntry;
import dev.governor.pack.ContextRequest;
import dev.governor.pack.Derivation;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import dev.governor.pack.View;
import dev.governor.api.GateResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Release: is this verified, or just merged? Static gates, sign-off, independent review where risk
 * demands it (rules.md, "Release"). It reads the findings of the other layers, so it runs after them.
 * Rules: {@code rules/release.drl}.
 *
 * <pre>{@code
 * Evaluation run = governor.evaluate(Scope.all(), ReleasePack.RANGES, ReleasePack.GATES);
 * SignOffEvidence evidence = SignOffEvidence.of(signOff, run.report().findings(), run.view(ReleasePack.RANGES),
 *         run.view(ReleasePack.GATES), governor.policy(), "governor 1.0");
 * }</pre>
 */
public final class ReleasePack implements Pack {

    /** What each sign-off releases (its range since the last sign-off of its environment). */
    public static final View<ReleaseRange> RANGES = View.of("release", "release.ranges", "$range",
            range -> (ReleaseRange) range);

    /** Every gate result the rules saw: those read from files, and those computed from the contract layer. */
    public static final View<GateResult> GATES = View.of("release", "release.gates", "$gate",
            gate -> (GateResult) gate);

    @Override
    public String id() {
        return "release";
    }

    @Override
    public List<String> rules() {
        return List.of("dev/governor/rules/release.drl");
    }

    @Override
    public Set<String> after() {
        return Set.of("intent", "contract", "change", "learning");
    }

    @Override
    public List<SectionReader<?>> sections() {
        return List.of(SectionReader.of(ReleasePolicy.SECTION, ReleasePack::release));
    }

    /**
     * Each sign-off's range (since the last SHA signed off for its environment) and the approvals of the
     * changes whose risk calls for an independent review.
     */
    @Override
    public void derive(Derivation derivation) {
        List<Change> changes = derivation.changes();
        List<SignOff> signOffs = derivation.facts().of(SignOff.class);
        ReleasePolicy release = derivation.policy().section(ReleasePolicy.SECTION);
        Map<String, List<Review>> reviews = new HashMap<>();
        for (Review r : derivation.facts().of(Review.class)) {
            reviews.computeIfAbsent(r.change(), k -> new ArrayList<>()).add(r);
        }
        for (Change c : changes) {
            if (!Release.atLeast(c.riskLevel(), release.independentReviewFrom())) {
                continue;
            }
            for (Review r : reviews.getOrDefault(c.id(), List.of())) {
                if (r.approved() && r.reviewer() != null) {
                    derivation.insert(new Approval(c.id(), r.reviewer(), "review"));
                }
            }
            for (String by : c.trailers("reviewed-by")) {
                derivation.insert(new Approval(c.id(), by, "Reviewed-by"));
            }
        }
        if (signOffs.isEmpty()) {
            return;
        }
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).sha() != null) {
                position.put(changes.get(i).sha(), i);
            }
        }
        Set<String> disabled = disabled(derivation.policy());
        boolean contractLayer = derivation.policy().inForce("contract");
        List<SignOff> requested = signOffs.stream().filter(SignOff::isRequested).toList();
        for (SignOff s : signOffs) {
            Integer at = position.get(s.sha());
            if (at == null || s.status() == SignOff.Status.FAILED || !s.isRequested() && repeats(s, requested)) {
                continue; // not on the branch, not a sign-off, or the very sign-off being made again
            }
            Integer since = null;
            String sinceSha = null;
            for (SignOff earlier : signOffs) {
                Integer p = position.get(earlier.sha());
                if (earlier == s || !earlier.isPassed() || !earlier.env().equals(s.env()) || p == null || p > at
                        || !s.isRequested() && !earlier.at().isBefore(s.at())) {
                    continue;
                }
                if (since == null || p > since) {
                    since = p;
                    sinceSha = earlier.sha();
                }
            }
            List<Change> range = changes.subList(since == null ? 0 : since + 1, at + 1);
            Set<String> ids = new LinkedHashSet<>();
            Set<String> people = new LinkedHashSet<>();
            for (Change c : range) {
                ids.add(c.id());
                add(people, c.author());
                c.trailers("reviewed-by").forEach(by -> add(people, by));
                reviews.getOrDefault(c.id(), List.of()).forEach(r -> add(people, r.reviewer()));
            }
            derivation.insert(new ReleaseRange(s, changes.get(at), sinceSha, range, ids, people, disabled,
                    contractLayer));
        }
    }

    /**
     * The open blockers of the paths: blocking findings of any layer on recent changes that touched them and that
     * no passed sign-off has released yet (they come after the newest SHA signed off in any environment). Such a
     * change stops the next sign-off ({@code release.unresolved-blocking}) until the finding is resolved.
     */
    @Override
    public List<ContextEntry> context(ContextRequest request) {
        List<Change> changes = request.changes();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            position.put(changes.get(i).id(), i);
            if (changes.get(i).sha() != null) {
                position.put(changes.get(i).sha(), i);
            }
        }
        int released = -1;
        for (SignOff s : request.facts().of(SignOff.class)) {
            Integer at = position.get(s.sha());
            if (s.isPassed() && at != null && at > released) {
                released = at;
            }
        }
        // one entry per path and rule: a history without trailers gives four template findings a change
        // the recent changes not yet released that touch the paths, with the paths each touches: once per change,
        // not once per finding (a history without trailers has four blocking findings a change)
        Map<String, List<String>> candidates = new HashMap<>();
        for (int i = released + 1; i < changes.size(); i++) {
            Change change = changes.get(i);
            if (!change.mergedAt().isBefore(request.recentSince()) && request.touches(change)) {
                candidates.put(change.id(), request.paths().stream().filter(p -> ContextRequest.touches(change, p)).toList());
            }
        }
        Map<String, Map<String, List<Finding>>> open = new java.util.TreeMap<>();
        for (Finding f : request.findings()) {
            List<String> paths = f.isBlocking() && f.change() != null ? candidates.get(f.change()) : null;
            if (paths == null) {
                continue;
            }
            for (String path : paths) {
                open.computeIfAbsent(path, p -> new java.util.TreeMap<>())
                        .computeIfAbsent(f.ruleId(), r -> new ArrayList<>()).add(f);
            }
        }
        List<ContextEntry> out = new ArrayList<>();
        open.forEach((path, byRule) -> byRule.forEach((rule, found) -> {
            found.sort(java.util.Comparator.comparing((Finding f) -> position.get(f.change()))
                    .thenComparing(Finding::message));
            Set<String> ids = new LinkedHashSet<>();
            List<Ref> evidence = new ArrayList<>();
            for (Finding f : found) {
                if (ids.add(f.change())) {
                    evidence.add(changes.get(position.get(f.change())).ref());
                }
            }
            found.forEach(f -> evidence.add(Ref.of(f)));
            String text = (ids.size() == 1 ? ids.iterator().next() + ", a recent change to " + path + ","
                    : ids.size() + " recent changes to " + path + " (" + String.join(", ", ids) + ")")
                    + " carr" + (ids.size() == 1 ? "ies " : "y ")
                    + (found.size() == 1 ? "a blocking " + rule + " finding" : found.size() + " blocking " + rule
                    + " findings") + " not yet signed off, which block" + (found.size() == 1 ? "s" : "")
                    + " the next release until resolved; " + (found.size() == 1 ? "it says: " : "the first says: ")
                    + found.get(0).message();
            out.add(ContextEntry.of("blocker", path, text)
                    .with("rule", rule)
                    .with("changes", List.copyOf(ids))
                    .with("findings", found.size())
                    .withEvidence(evidence));
        }));
        return out;
    }

    private static boolean repeats(SignOff recorded, List<SignOff> requested) {
        return requested.stream().anyMatch(r -> r.sha().equals(recorded.sha()) && r.env().equals(recorded.env())
                && r.at().equals(recorded.at()));
    }

    private static void add(Set<String> people, String who) {
        String key = Identity.of(who);
        if (key != null) {
            people.add(key);
        }
    }

    private static Set<String> disabled(Policy policy) {
        Set<String> off = new LinkedHashSet<>();
        policy.rules().forEach((id, setting) -> {
            if (!setting.enabled()) {
                off.add(id);
            }
        });
        return off;
    }

    /** A risk level, in any case as trailers write it ({@code High}). */
    static Risk risk(Node node) {
        Risk risk = Risk.parse(node.asString());
        if (risk == null) {
            throw node.error("bad risk '" + node.asString() + "' for " + node.path()
                    + ": use low, medium, high or critical");
        }
        return risk;
    }

    static ReleasePolicy release(Node node) {
        MapNode map = node.asMap().only(List.of("requiredGates", "independentReviewFrom"));
        ReleasePolicy d = ReleasePolicy.DEFAULT;
        return new ReleasePolicy(
                SectionReader.value(map, "requiredGates", Node::asStrings, d.requiredGates()),
                SectionReader.value(map, "independentReviewFrom", ReleasePack::risk, d.independentReviewFrom()));
    }
}
