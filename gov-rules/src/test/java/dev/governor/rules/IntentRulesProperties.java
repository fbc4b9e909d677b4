package dev.governor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.Evaluation;
import dev.governor.Governor;
import dev.governor.Scope;
import dev.governor.api.Change;
import dev.governor.api.Facts;
import dev.governor.api.FileChange;
import dev.governor.api.Finding;
import dev.governor.api.Policy;
import dev.governor.api.policy.HotspotPolicy;
import dev.governor.fixtures.ReferenceIntent;
import dev.governor.packs.intent.HotspotStatus;
import dev.governor.packs.intent.IntentPack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The Intent rules and the plain-Java reference (gov-fixtures) agree on generated histories: findings with
 * their messages and evidence, and each subject's standing. The histories hit what real ones showed:
 * many changes on one merge second (a rebase-and-merge) with renames among them, files deleted and added
 * again, lockfiles, changes with and without a branch position, directory scope.
 */
class IntentRulesProperties {

    private static final Instant START = Instant.parse("2026-09-01T00:00:00Z");
    private static final String[] PATHS = {"a/A.java", "a/B.java", "b/C.java", "b/D.java", "E.java", "c/d/F.java",
            "web/pnpm-lock.yaml"};
    private static final String[] TYPES = {"tactical-fix", "tactical-fix", "tactical-fix", "strategic-fix", "feature", null};
    /** Gaps that hit the window's edges: ties, exactly 7 days, just under and over. */
    private static final Duration[] GAPS = {Duration.ZERO, Duration.ZERO, Duration.ofHours(1), Duration.ofDays(1),
            Duration.ofDays(2), Duration.ofDays(3).plusHours(12), Duration.ofDays(7), Duration.ofDays(7).minusSeconds(1),
            Duration.ofDays(8)};

    record Case(List<Change> changes, HotspotPolicy policy, Instant now) {}

    @Property(tries = 1500)
    void rules_agree_with_the_reference(@ForAll("histories") Case c) {
        ReferenceIntent.Result expected = new ReferenceIntent(c.policy()).run(c.changes(), c.now());
        Governor governor = Governor.builder()
                .facts(Facts.builder().addAll(c.changes()).build())
                .policy(Policy.defaults().with(HotspotPolicy.SECTION, c.policy()))
                .clock(Clock.fixed(c.now(), ZoneOffset.UTC))
                .withoutServiceLoadedSources()
                .build();
        Evaluation run = governor.evaluate(Scope.all(), IntentPack.HOTSPOTS);

        // the reference is Intent's: the other layers' findings (template fields …) are theirs to check
        assertThat(described(run.report().findings().stream().filter(f -> f.layer() == dev.governor.api.Layer.INTENT)
                .toList())).isEqualTo(described(expected.findings()));
        List<String> standings = new ArrayList<>();
        for (HotspotStatus s : run.view(IntentPack.HOTSPOTS)) {
            standings.add(ReferenceIntent.standing(s.path(), s.locked(), s.recentTactical()));
        }
        standings.sort(Comparator.naturalOrder());
        assertThat(standings).isEqualTo(expected.standings());
    }

    /** A finding as far as the comparison goes: everything but the order they come in. */
    static List<String> described(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.ruleId() + " " + f.severity() + " " + f.change() + " " + f.subject() + " " + f.at()
                        + " " + f.evidence() + " " + f.message())
                .sorted()
                .toList();
    }

    @Provide
    Arbitrary<Case> histories() {
        Arbitrary<Long> seeds = Arbitraries.longs();
        Arbitrary<Integer> sizes = Arbitraries.integers().between(0, 40);
        Arbitrary<HotspotPolicy> policies = Combinators.combine(
                Arbitraries.integers().between(1, 4),
                Arbitraries.of(Duration.ofDays(7), Duration.ofDays(3), Duration.ofHours(36)),
                Arbitraries.of(HotspotPolicy.Scope.class),
                Arbitraries.of(HotspotPolicy.LOCKFILES, List.<String>of(), List.of("b/**"))
        ).as(HotspotPolicy::new);
        Arbitrary<Boolean> positioned = Arbitraries.of(true, true, false);
        return Combinators.combine(seeds, sizes, policies, positioned).as(IntentRulesProperties::generate);
    }

    private static Case generate(long seed, int size, HotspotPolicy policy, boolean positioned) {
        Random random = new Random(seed);
        Instant at = START;
        List<Change> changes = new ArrayList<>();
        Set<Integer> usedIds = new HashSet<>();
        Set<String> present = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
            // branch order need not follow merge time: a rebase-and-merge gives one second to many changes,
            // and a change may even carry an earlier time than the one before it
            if (random.nextInt(8) == 0) {
                at = at.minus(Duration.ofHours(1 + random.nextInt(30)));
            } else {
                at = at.plus(GAPS[random.nextInt(GAPS.length)]);
            }
            int number;
            do {
                number = 1 + random.nextInt(500);
            } while (!usedIds.add(number));
            Change.Builder b = Change.builder("#" + number).mergedAt(at).risk("low");
            if (positioned || random.nextInt(3) == 0) {
                b.position(i);
            }
            String type = TYPES[random.nextInt(TYPES.length)];
            if (type != null) {
                b.declaredType(type);
            }
            // distinct paths per change, as in a real diff, consistent with the files present
            Set<String> taken = new LinkedHashSet<>();
            int files = 1 + random.nextInt(3);
            for (int f = 0; f < files; f++) {
                String path = PATHS[random.nextInt(PATHS.length)];
                if (!taken.add(path)) {
                    continue;
                }
                int op = random.nextInt(10);
                if (!present.contains(path)) {
                    b.file(FileChange.added(path)); // new, or added again after a delete
                    present.add(path);
                } else if (op < 6) {
                    b.file(FileChange.modified(path));
                } else if (op < 8) {
                    b.file(FileChange.deleted(path));
                    present.remove(path);
                } else {
                    String to = PATHS[random.nextInt(PATHS.length)];
                    if (!present.contains(to) && taken.add(to)) {
                        b.file(FileChange.renamed(path, to));
                        present.remove(path);
                        present.add(to);
                    } else {
                        b.file(FileChange.modified(path));
                    }
                }
            }
            changes.add(b.build());
        }
        Collections.shuffle(changes, random); // the engine must order them itself
        Instant now = at.plus(GAPS[random.nextInt(GAPS.length)]).plus(Duration.ofDays(1));
        return new Case(changes, policy, now);
    }
}
