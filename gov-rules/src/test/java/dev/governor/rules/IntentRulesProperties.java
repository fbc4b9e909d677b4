package dev.governor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.Governor;
import dev.governor.HotspotStatus;
import dev.governor.Report;
import dev.governor.api.Change;
import dev.governor.api.Facts;
import dev.governor.api.FileChange;
import dev.governor.api.Finding;
import dev.governor.api.Policy;
import dev.governor.api.Ref;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The Intent rules and the plain-Java reference agree on generated histories. */
class IntentRulesProperties {

    private static final Instant START = Instant.parse("2026-09-01T00:00:00Z");
    private static final String[] PATHS = {"a/A.java", "a/B.java", "b/C.java", "b/D.java", "E.java", "c/d/F.java"};
    private static final String[] TYPES = {"tactical-fix", "tactical-fix", "tactical-fix", "strategic-fix", "feature", null};
    /** Gaps that hit the window's edges: ties, exactly 7 days, just under and over. */
    private static final Duration[] GAPS = {Duration.ZERO, Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(2),
            Duration.ofDays(3).plusHours(12), Duration.ofDays(7), Duration.ofDays(7).minusSeconds(1), Duration.ofDays(8)};

    record Case(List<Change> changes, Policy.Hotspot policy, Instant now) {}

    @Property(tries = 1500)
    void rules_agree_with_the_reference(@ForAll("histories") Case c) {
        ReferenceIntent.Result expected = ReferenceIntent.run(c.changes(), c.policy(), c.now());
        Governor governor = Governor.builder()
                .facts(Facts.builder().addAll(c.changes()).build())
                .policy(Policy.defaults().withHotspot(c.policy()))
                .clock(Clock.fixed(c.now(), ZoneOffset.UTC))
                .withoutServiceLoadedSources()
                .build();
        Report report = governor.check();

        assertThat(actual(report)).containsExactlyInAnyOrderElementsOf(expected.findings());
        List<String> standings = new ArrayList<>();
        for (HotspotStatus s : governor.hotspots()) {
            standings.add(ReferenceIntent.standing(s.path(), s.locked(), s.recentTactical()));
        }
        standings.sort(Comparator.naturalOrder());
        assertThat(standings).isEqualTo(expected.standings());
    }

    private static List<ReferenceIntent.Expected> actual(Report report) {
        Map<String, Finding> byFingerprint = new HashMap<>();
        report.findings().forEach(f -> byFingerprint.put(f.fingerprint(), f));
        List<ReferenceIntent.Expected> out = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.ruleId().equals("intent.tactical-hotspot")) {
                out.add(new ReferenceIntent.Expected(f.ruleId(), f.subject().id(), f.change(), f.at(),
                        f.evidence().stream().map(Ref::id).toList()));
            } else if (f.ruleId().equals("intent.strategic-fix-required")) {
                Finding lock = byFingerprint.get(f.evidence().get(0).id());
                out.add(new ReferenceIntent.Expected(f.ruleId(), f.subject().id(), f.change(), f.at(),
                        lock.evidence().stream().map(Ref::id).toList()));
            }
        }
        return out;
    }

    @Provide
    Arbitrary<Case> histories() {
        Arbitrary<Long> seeds = Arbitraries.longs();
        Arbitrary<Integer> sizes = Arbitraries.integers().between(0, 40);
        Arbitrary<Policy.Hotspot> policies = Combinators.combine(
                Arbitraries.integers().between(1, 4),
                Arbitraries.of(Duration.ofDays(7), Duration.ofDays(3), Duration.ofHours(36)),
                Arbitraries.of(Policy.Hotspot.Scope.class)
        ).as(Policy.Hotspot::new);
        return Combinators.combine(seeds, sizes, policies).as(IntentRulesProperties::generate);
    }

    private static Case generate(long seed, int size, Policy.Hotspot policy) {
        Random random = new Random(seed);
        Instant at = START;
        List<Change> changes = new ArrayList<>();
        Set<Integer> usedIds = new HashSet<>();
        for (int i = 0; i < size; i++) {
            at = at.plus(GAPS[random.nextInt(GAPS.length)]);
            int number;
            do {
                number = 1 + random.nextInt(500);
            } while (!usedIds.add(number));
            Change.Builder b = Change.builder("#" + number).mergedAt(at).risk("low");
            String type = TYPES[random.nextInt(TYPES.length)];
            if (type != null) {
                b.declaredType(type);
            }
            // distinct paths per change, as in a real diff
            Set<String> taken = new LinkedHashSet<>();
            int files = 1 + random.nextInt(3);
            for (int f = 0; f < files; f++) {
                String path = PATHS[random.nextInt(PATHS.length)];
                if (!taken.add(path)) {
                    continue;
                }
                int op = random.nextInt(10);
                if (op < 6) {
                    b.file(FileChange.modified(path));
                } else if (op == 6) {
                    b.file(FileChange.added(path));
                } else if (op == 7) {
                    b.file(FileChange.deleted(path));
                } else {
                    String from = PATHS[random.nextInt(PATHS.length)];
                    if (taken.add(from)) {
                        b.file(FileChange.renamed(from, path));
                    } else {
                        b.file(FileChange.modified(path));
                    }
                }
            }
            changes.add(b.build());
        }
        java.util.Collections.shuffle(changes, random); // the engine must order them itself
        Instant now = at.plus(GAPS[random.nextInt(GAPS.length)]);
        return new Case(changes, policy, now);
    }
}
