package dev.governor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.Evaluation;
import dev.governor.Governor;
import dev.governor.Scope;
import dev.governor.api.Change;
import dev.governor.api.Fact;
import dev.governor.api.Facts;
import dev.governor.api.FileChange;
import dev.governor.api.GateResult;
import dev.governor.api.Policy;
import dev.governor.api.Review;
import dev.governor.api.SignOff;
import dev.governor.api.policy.HotspotPolicy;
import dev.governor.api.policy.ReleasePolicy;
import dev.governor.fixtures.ReferenceIntent;
import dev.governor.fixtures.ReferenceRelease;
import dev.governor.packs.release.ReleasePack;
import dev.governor.packs.release.SignOffEvidence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The Release rules and the plain-Java reference (gov-fixtures) agree on generated sign-offs: the range since
 * the last passing sign-off of the environment (recorded ones of both verdicts and environments around it),
 * and every failing predicate: gates missing or failing, blocking hotspots in the range, high-risk changes
 * without an independent approval (reviews and Reviewed-by, one person under several names), self sign-offs.
 */
class ReleaseRulesProperties {
    private static final Instant START = Instant.parse("2026-11-02T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String[] PEOPLE = {"ada@x.io", "Ada <ADA@x.io>", "bob@x.io", "12+carol@users.noreply.github.com",
            "carol"};
    private static final String[] TYPES = {"tactical-fix", "tactical-fix", "tactical-fix", "strategic-fix", "feature"};
    private static final String[] RISKS = {"low", "medium", "high", "critical", null};
    private static final String[] GATES = {"lint", "typecheck", "security-scan", "contract-diff"};
    private static final String[] ENVS = {"prod", "staging"};
    private static final Policy POLICY = Policy.builder().layers(Set.of("intent", "contract", "release")).build();

    record Case(List<Change> changes, List<Review> reviews, List<SignOff> recorded, SignOff requested,
                List<GateResult> gates) {}

    @Property(tries = 300)
    void rules_agree_with_the_reference(@ForAll("signOffs") Case c) {
        List<Fact> facts = new ArrayList<>(c.changes());
        facts.addAll(c.reviews());
        facts.addAll(c.recorded());
        facts.add(c.requested());
        facts.addAll(c.gates());
        Governor governor = Governor.builder().facts(Facts.builder().addAll(facts).build()).policy(POLICY)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).since(Instant.MIN).withoutServiceLoadedSources().build();
        Evaluation run = governor.evaluate(Scope.all(), ReleasePack.RANGES, ReleasePack.GATES);
        SignOffEvidence evidence = SignOffEvidence.of(c.requested(), run.report().findings(), run.view(ReleasePack.RANGES),
                run.view(ReleasePack.GATES), governor.policy(), "test");

        ReferenceRelease.Verdict expected = new ReferenceRelease(ReleasePolicy.DEFAULT, true).signOff(c.changes(),
                c.recorded(), c.requested(), c.gates(), c.reviews(),
                new ReferenceIntent(HotspotPolicy.DEFAULT).run(c.changes()));

        TreeSet<String> actual = new TreeSet<>();
        evidence.findings().forEach(f -> actual.add(f.ruleId() + " " + f.subject().id()));
        assertThat(actual).isEqualTo(expected.findings());
        assertThat(evidence.range().since()).isEqualTo(expected.since());
        assertThat(evidence.range().changes().stream().map(Change::id).toList()).isEqualTo(expected.range());
        assertThat(evidence.passed()).isEqualTo(expected.findings().stream().allMatch(f -> f.startsWith("release.self-signoff")));
    }

    @Provide
    Arbitrary<Case> signOffs() {
        return Arbitraries.longs().map(seed -> generate(new Random(seed)));
    }

    private static String sha(int i) {
        return String.format("%040x", 0xabc000L + i);
    }

    private static <T> T pick(Random r, T[] from) {
        return from[r.nextInt(from.length)];
    }

    static Case generate(Random r) {
        int n = 1 + r.nextInt(10);
        List<Change> changes = new ArrayList<>();
        List<Review> reviews = new ArrayList<>();
        Instant at = START;
        for (int i = 0; i < n; i++) {
            at = at.plus(Duration.ofHours(6 + r.nextInt(60)));
            Change.Builder b = Change.builder("#" + (i + 1)).sha(sha(i)).mergedAt(at).position(i)
                    .author(pick(r, PEOPLE)).declaredType(pick(r, TYPES)).risk(pick(r, RISKS))
                    .file(FileChange.modified(r.nextBoolean() ? "src/pay/Ledger.java" : "src/shop/Cart.java"));
            if (r.nextInt(5) == 0) {
                b.trailer("Reviewed-by", pick(r, PEOPLE));
            }
            changes.add(b.build());
            if (r.nextInt(3) == 0) {
                reviews.add(new Review("#" + (i + 1), pick(r, PEOPLE), r.nextBoolean() ? "APPROVED" : "COMMENTED", null,
                        null, at));
            }
        }
        List<SignOff> recorded = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            int p = r.nextInt(n);
            recorded.add(new SignOff(sha(p), pick(r, ENVS), changes.get(p).mergedAt().plusSeconds(60 + k), pick(r, PEOPLE),
                    r.nextInt(4) == 0 ? SignOff.Status.FAILED : SignOff.Status.PASSED));
        }
        int target = r.nextInt(n);
        SignOff requested = SignOff.requested(sha(target), pick(r, ENVS), NOW, pick(r, PEOPLE));
        List<GateResult> gates = new ArrayList<>();
        for (String gate : GATES) {
            for (int k = r.nextInt(10) < 8 ? 1 + r.nextInt(2) : 0; k > 0; k--) {
                gates.add(new GateResult(gate, sha(r.nextInt(8) == 0 ? (target + 1) % n : target), r.nextInt(8) != 0,
                        null));
            }
        }
        return new Case(changes, reviews, recorded, requested, gates);
    }
}
