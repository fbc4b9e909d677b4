package dev.governor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.Evaluation;
import dev.governor.Governor;
import dev.governor.Scope;
import dev.governor.api.Change;
import dev.governor.api.ChangeType;
import dev.governor.api.Deployment;
import dev.governor.api.Facts;
import dev.governor.api.Finding;
import dev.governor.api.Incident;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.api.Review;
import dev.governor.api.policy.LearningPolicy;
import dev.governor.fixtures.ReferenceLearning;
import dev.governor.packs.learning.LearningPack;
import dev.governor.packs.learning.WeekValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The Learning rules and the plain-Java reference (gov-fixtures) agree on generated record sets: every metric's
 * weekly values, and the degraded weeks and blockers with their messages and evidence. The record sets hit what
 * the weekly computation must get right: weeks without data, runs across 2026-W53/2027-W01 (and 2020-W53, and
 * 2027's 52 weeks), incidents opened in one week and resolved in another or never, causes named by id, by full
 * or abbreviated SHA or not at all, reviews asked twice or of one's own team, deployments of older commits.
 */
class LearningRulesProperties {

    /** Mondays to start from: two years with a week 53 and one without. */
    private static final Instant[] STARTS = {Instant.parse("2026-12-07T00:00:00Z"), Instant.parse("2020-12-07T00:00:00Z"),
            Instant.parse("2027-12-06T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z")};
    private static final String[] TEAMS = {"payments", "platform", "Security"};
    private static final String[] AUTHORS = {"ada", "grace", null};
    private static final Deployment.Status[] STATUSES = {Deployment.Status.SUCCESS, Deployment.Status.SUCCESS,
            Deployment.Status.SUCCESS, Deployment.Status.ROLLED_BACK, Deployment.Status.FAILED};

    record Case(List<Change> changes, List<Deployment> deployments, List<Incident> incidents, List<Review> reviews,
                LearningPolicy policy) {}

    @Property(tries = 800)
    void rules_agree_with_the_reference(@ForAll("records") Case c) {
        ReferenceLearning.Result expected = new ReferenceLearning(c.policy())
                .run(c.changes(), c.deployments(), c.incidents(), c.reviews());
        Governor governor = Governor.builder()
                .facts(Facts.builder().addAll(c.changes()).addAll(c.deployments()).addAll(c.incidents())
                        .addAll(c.reviews()).build())
                .policy(Policy.defaults().with(LearningPolicy.SECTION, c.policy()))
                .clock(Clock.fixed(Instant.parse("2029-01-01T00:00:00Z"), ZoneOffset.UTC))
                .withoutServiceLoadedSources()
                .build();
        Evaluation run = governor.evaluate(Scope.all(), LearningPack.WEEKS);

        List<Finding> findings = run.report().findings().stream().filter(f -> f.layer() == Layer.LEARNING).toList();
        assertThat(described(findings)).isEqualTo(described(expected.findings()));
        List<String> values = new ArrayList<>();
        for (WeekValue v : run.view(LearningPack.WEEKS)) {
            values.add(value(v.metric().id(), v.week().id(), v.value(), v.samples()));
        }
        Collections.sort(values);
        assertThat(values).isEqualTo(expected.values().stream()
                .map(v -> value(v.metric(), v.week(), v.value(), v.samples())).sorted().toList());
        Statistics.label("blockers").collect(findings.stream().anyMatch(f -> f.ruleId().equals("learning.release-blocker")));
        Statistics.label("a run across a new year").collect(findings.stream().anyMatch(
                f -> !f.evidence().get(1).id().substring(0, 4).equals(f.evidence().get(2).id().substring(0, 4))));
        // the property must keep testing what it is for, whatever the generator becomes
        Statistics.label("blockers").coverage(cover -> cover.check(true).percentage(p -> p >= 5));
        Statistics.label("a run across a new year").coverage(cover -> cover.check(true).percentage(p -> p >= 5));
    }

    /** A value, exactly: the rules and the reference must compute the same double. */
    private static String value(String metric, String week, double value, int samples) {
        return metric + " " + week + " " + Double.toHexString(value) + " " + samples;
    }

    static List<String> described(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.ruleId() + " " + f.severity() + " " + f.change() + " " + f.subject() + " " + f.at()
                        + " " + f.evidence() + " " + f.message())
                .sorted()
                .toList();
    }

    @Provide
    Arbitrary<Case> records() {
        Arbitrary<LearningPolicy> policies = Combinators.combine(
                Arbitraries.of(0.0, 0.0, 0.1, 0.5),
                Arbitraries.of(1, 1, 2, 3),
                Arbitraries.of(Map.<String, List<String>>of(), Map.of("Payments", List.of("ADA", "linus")))
        ).as(LearningPolicy::new);
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 9), policies)
                .as(LearningRulesProperties::generate);
    }

    private static Case generate(long seed, int weeks, LearningPolicy policy) {
        Random random = new Random(seed);
        Instant start = STARTS[random.nextInt(STARTS.length)];
        HexFormat hex = HexFormat.of();
        // changes in branch order, merge times rising (several may share one second)
        List<Change> changes = new ArrayList<>();
        List<String> shas = new ArrayList<>();
        Instant at = start.plus(Duration.ofHours(random.nextInt(48)));
        Instant end = start.plus(Duration.ofDays(7L * weeks));
        int position = 0;
        while (at.isBefore(end)) {
            if (random.nextInt(6) == 0) {
                at = at.plus(Duration.ofDays(7 + random.nextInt(7))); // a week with no changes
            }
            byte[] bytes = new byte[20];
            random.nextBytes(bytes);
            String sha = hex.formatHex(bytes);
            shas.add(sha);
            Change.Builder b = Change.builder("#" + (position + 1)).sha(sha).mergedAt(at).position(position++)
                    .author(AUTHORS[random.nextInt(AUTHORS.length)]);
            if (random.nextInt(4) == 0) {
                b.reverts("#" + (1 + random.nextInt(position)));
            }
            if (random.nextBoolean()) {
                b.firstCommitAt(at.minusSeconds(random.nextInt(5 * 86_400))); // else lead time runs from the merge
            }
            ChangeType[] types = ChangeType.values();
            if (random.nextInt(5) > 0) {
                b.type(types[random.nextInt(types.length)]);
            }
            changes.add(b.build());
            at = at.plus(Duration.ofMinutes(random.nextInt(3) == 0 ? 0 : random.nextInt(60 * 30)));
        }
        List<Deployment> deployments = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            if (random.nextInt(5) == 0) {
                continue; // no deployments this week
            }
            int n = random.nextInt(7);
            for (int i = 0; i < n; i++) {
                Instant when = start.plus(Duration.ofDays(7L * w)).plusSeconds(random.nextInt(7 * 86_400));
                String sha = shas.isEmpty() || random.nextInt(8) == 0 ? "0000000" + random.nextInt(10)
                        : shas.get(random.nextInt(shas.size()));
                if (random.nextInt(3) == 0 && sha.length() > 12) {
                    sha = sha.substring(0, 7 + random.nextInt(6)); // recorded abbreviated
                }
                deployments.add(new Deployment("d" + deployments.size(), sha, random.nextBoolean() ? "prod" : "staging",
                        when, STATUSES[random.nextInt(STATUSES.length)]));
            }
        }
        List<Incident> incidents = new ArrayList<>();
        int incidentCount = random.nextInt(2 * weeks + 1);
        for (int i = 0; i < incidentCount; i++) {
            Instant opened = start.plusSeconds(random.nextInt(7 * 86_400 * weeks));
            Instant resolved = random.nextInt(6) == 0 ? null
                    : opened.plusSeconds(random.nextInt(random.nextBoolean() ? 86_400 : 12 * 86_400));
            String cause = null;
            if (!deployments.isEmpty() && random.nextInt(3) > 0) {
                Deployment d = deployments.get(random.nextInt(deployments.size()));
                cause = switch (random.nextInt(4)) {
                    case 0 -> d.id();
                    case 1 -> d.sha();
                    case 2 -> d.sha().length() >= 7 ? d.sha().substring(0, 7) : d.sha();
                    default -> "d999";
                };
            }
            String env = switch (random.nextInt(3)) {
                case 0 -> "prod";
                case 1 -> "staging";
                default -> null;
            };
            incidents.add(new Incident("i" + i, env, opened, resolved, cause));
        }
        List<Review> reviews = new ArrayList<>();
        for (Change c : changes) {
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                Instant requested = random.nextInt(6) == 0 ? null : c.mergedAt().minusSeconds(random.nextInt(3 * 86_400));
                Instant reviewed = random.nextInt(4) == 0 || requested == null && random.nextBoolean() ? null
                        : c.mergedAt().minusSeconds(random.nextInt(4 * 86_400));
                String team = random.nextInt(8) == 0 ? null : TEAMS[random.nextInt(TEAMS.length)];
                reviews.add(new Review(random.nextInt(20) == 0 ? "#999" : c.id(), null, null,
                        team != null && random.nextBoolean() ? team.toUpperCase() : team, requested, reviewed));
            }
        }
        Collections.shuffle(changes, random); // the engine must put them in branch order itself
        Collections.shuffle(reviews, random);
        return new Case(changes, deployments, incidents, reviews, policy);
    }
}
