package dev.governor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.Evaluation;
import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.Scope;
import dev.governor.api.Change;
import dev.governor.api.ChangeType;
import dev.governor.api.Deployment;
import dev.governor.api.Fact;
import dev.governor.api.Facts;
import dev.governor.api.Finding;
import dev.governor.api.GovernanceException;
import dev.governor.api.Incident;
import dev.governor.api.IsoWeek;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.api.Ref;
import dev.governor.api.Review;
import dev.governor.api.Severity;
import dev.governor.api.policy.LearningPolicy;
import dev.governor.packs.learning.LearningPack;
import dev.governor.packs.learning.Metric;
import dev.governor.packs.learning.WeekValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Learning rules on records given in memory: weekly values, degraded weeks and the week-three blocker, with
 * gaps, thin weeks, year boundaries and the policy's thresholds.
 */
class LearningRulesTest {

    static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    /** Deployments to prod in {@code week}: {@code total} of them, the first {@code rolledBack} rolled back. */
    static List<Deployment> deployments(String week, int total, int rolledBack) {
        Instant monday = IsoWeek.parse(week).start();
        List<Deployment> out = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            out.add(new Deployment(week + "-d" + i, "a1b2c3d" + week.substring(6) + i, "prod",
                    monday.plus(Duration.ofHours(10 + i)),
                    i < rolledBack ? Deployment.Status.ROLLED_BACK : Deployment.Status.SUCCESS));
        }
        return out;
    }

    @SafeVarargs
    static Report check(Policy policy, List<? extends Fact>... facts) {
        return governor(policy, facts).check();
    }

    @SafeVarargs
    static Governor governor(Policy policy, List<? extends Fact>... facts) {
        Facts.Builder b = Facts.builder();
        for (List<? extends Fact> f : facts) {
            b.addAll(f);
        }
        return Governor.builder().facts(b.build()).policy(policy).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withoutServiceLoadedSources().build();
    }

    static List<Finding> learning(Report report) {
        return report.findings().stream().filter(f -> f.layer() == Layer.LEARNING).toList();
    }

    static Ref week(String id) {
        return IsoWeek.parse(id).ref();
    }

    @Test
    void change_failure_rate_rising_two_weeks_in_a_row_blocks_releases_in_week_three() {
        Report report = check(Policy.defaults(), deployments("2026-W45", 10, 1), deployments("2026-W46", 10, 2),
                deployments("2026-W47", 10, 3));

        assertThat(learning(report)).containsExactly(
                new Finding("learning.metric-degraded", Layer.LEARNING, Severity.WARNING,
                        week("2026-W46").withDetail("change-failure-rate"), null,
                        "change failure rate degraded in 2026-W46: 20.0% (10 deployments), up from 10.0% (10 deployments)"
                                + " in 2026-W45",
                        IsoWeek.parse("2026-W46").start(),
                        List.of(Ref.of(Ref.Kind.METRIC, "change-failure-rate"), week("2026-W45"), week("2026-W46"))),
                new Finding("learning.metric-degraded", Layer.LEARNING, Severity.WARNING,
                        week("2026-W47").withDetail("change-failure-rate"), null,
                        "change failure rate degraded in 2026-W47: 30.0% (10 deployments), up from 20.0% (10 deployments)"
                                + " in 2026-W46",
                        IsoWeek.parse("2026-W47").start(),
                        List.of(Ref.of(Ref.Kind.METRIC, "change-failure-rate"), week("2026-W46"), week("2026-W47"))),
                new Finding("learning.release-blocker", Layer.LEARNING, Severity.BLOCKING,
                        new Ref(Ref.Kind.WEEK, "2026-W48", Instant.parse("2026-11-23T00:00:00Z"), "change-failure-rate"),
                        null, "change failure rate degraded two weeks in a row (2026-W46, 2026-W47): releases are"
                                + " blocked in 2026-W48",
                        Instant.parse("2026-11-23T00:00:00Z"),
                        List.of(Ref.of(Ref.Kind.METRIC, "change-failure-rate"), week("2026-W46"), week("2026-W47"))));
        assertThat(report.passed()).isFalse();
    }

    @Test
    void a_gap_week_in_between_breaks_the_run_and_blocks_nothing() {
        Report report = check(Policy.defaults(), deployments("2026-W45", 10, 1), deployments("2026-W46", 10, 2),
                deployments("2026-W48", 10, 3), deployments("2026-W49", 10, 4));

        assertThat(learning(report)).extracting(f -> f.ruleId() + " " + f.subject().id()).containsExactly(
                "learning.metric-degraded 2026-W46", "learning.metric-degraded 2026-W49");
        assertThat(report.passed()).isTrue();
    }

    @Test
    void a_week_with_fewer_data_points_than_min_samples_has_no_value_and_breaks_the_run() {
        Policy five = Policy.defaults().with(LearningPolicy.SECTION, new LearningPolicy(0, 5));
        Report report = check(five, deployments("2026-W45", 10, 1), deployments("2026-W46", 4, 2),
                deployments("2026-W47", 10, 3), deployments("2026-W48", 10, 4));

        assertThat(learning(report)).extracting(f -> f.ruleId() + " " + f.subject().id())
                .containsExactly("learning.metric-degraded 2026-W48");
    }

    @Test
    void a_rise_within_min_relative_change_is_not_a_degradation() {
        Policy tenPercent = Policy.defaults().with(LearningPolicy.SECTION, new LearningPolicy(0.5, 1));
        // 10% -> 15% is +50%: not more than 50%; 15% -> 30% is +100%
        Report report = check(tenPercent, deployments("2026-W45", 20, 2), deployments("2026-W46", 20, 3),
                deployments("2026-W47", 20, 6));

        assertThat(learning(report)).extracting(f -> f.ruleId() + " " + f.subject().id())
                .containsExactly("learning.metric-degraded 2026-W47");
    }

    @Test
    void any_rise_from_zero_is_a_degradation_whatever_min_relative_change() {
        Policy strict = Policy.defaults().with(LearningPolicy.SECTION, new LearningPolicy(10, 1));
        Report report = check(strict, deployments("2026-W45", 10, 0), deployments("2026-W46", 10, 1));

        assertThat(learning(report)).extracting(Finding::message).containsExactly(
                "change failure rate degraded in 2026-W46: 10.0% (10 deployments), up from 0.0% (10 deployments) in 2026-W45");
    }

    @Test
    void runs_cross_the_year_boundary_through_week_53() {
        Report report = check(Policy.defaults(), deployments("2026-W52", 10, 1), deployments("2026-W53", 10, 2),
                deployments("2027-W01", 10, 3));

        Finding blocker = learning(report).get(learning(report).size() - 1);
        assertThat(blocker.ruleId()).isEqualTo("learning.release-blocker");
        assertThat(blocker.subject()).isEqualTo(new Ref(Ref.Kind.WEEK, "2027-W02", Instant.parse("2027-01-11T00:00:00Z"),
                "change-failure-rate"));
        assertThat(blocker.evidence()).containsExactly(Ref.of(Ref.Kind.METRIC, "change-failure-rate"),
                week("2026-W53"), week("2027-W01"));
    }

    @Test
    void the_blocker_stands_when_the_degraded_warning_is_turned_off() {
        Policy quiet = Policy.builder().rule("learning.metric-degraded", Policy.RuleSetting.OFF).build();
        Report report = check(quiet, deployments("2026-W45", 10, 1), deployments("2026-W46", 10, 2),
                deployments("2026-W47", 10, 3));

        assertThat(learning(report)).extracting(f -> f.ruleId() + " " + f.subject().id())
                .containsExactly("learning.release-blocker 2026-W48");
    }

    @Test
    void mttr_counts_incidents_in_the_week_they_were_resolved() {
        Instant w45 = IsoWeek.parse("2026-W45").start();
        Instant w46 = IsoWeek.parse("2026-W46").start();
        Instant w47 = IsoWeek.parse("2026-W47").start();
        List<Incident> incidents = List.of(
                new Incident("i1", "prod", w45.plus(Duration.ofHours(1)), w45.plus(Duration.ofHours(3)), null),
                // opened in W45, resolved in W46: 7 days and 2 hours
                new Incident("i2", "prod", w45.plus(Duration.ofDays(6)), w46.plus(Duration.ofDays(6)).plus(Duration.ofHours(2)), null),
                new Incident("i3", "prod", w47.plus(Duration.ofHours(1)), w47.plus(Duration.ofHours(200)), null),
                new Incident("i4", "prod", w47, null, null));
        Evaluation run = governor(Policy.defaults(), incidents).evaluate(Scope.all(), LearningPack.WEEKS);

        assertThat(run.view(LearningPack.WEEKS)).containsExactlyInAnyOrder(
                WeekValue.of(Metric.MTTR, IsoWeek.parse("2026-W45"), 2.0, 1),
                WeekValue.of(Metric.MTTR, IsoWeek.parse("2026-W46"), 170.0, 1),
                WeekValue.of(Metric.MTTR, IsoWeek.parse("2026-W48"), 199.0, 1));
        assertThat(learning(run.report())).extracting(Finding::message).containsExactly(
                "MTTR degraded in 2026-W46: 170.0h (1 incident resolved), up from 2.0h (1 incident resolved) in 2026-W45");
    }

    @Test
    void an_incident_names_its_deployment_by_id_or_by_sha_in_its_environment() {
        Instant w45 = IsoWeek.parse("2026-W45").start();
        List<Deployment> deployments = List.of(
                new Deployment("d1", "0123456789abcdef", "staging", w45.plusSeconds(10), Deployment.Status.SUCCESS),
                new Deployment("d2", "0123456789abcdef", "prod", w45.plusSeconds(20), Deployment.Status.SUCCESS),
                new Deployment("d3", "fedcba9876543210", "prod", w45.plusSeconds(30), Deployment.Status.SUCCESS),
                new Deployment("d4", "aaaaaaaaaaaa", "prod", w45.plusSeconds(40), Deployment.Status.SUCCESS));
        List<Incident> incidents = List.of(
                new Incident("i1", "prod", w45.plusSeconds(100), null, "0123456"),   // d2: prod, not staging
                new Incident("i2", null, w45.plusSeconds(100), null, "d3"),
                new Incident("i3", "prod", w45.plusSeconds(100), null, "bbbbbbb"));  // no such deployment
        Evaluation run = governor(Policy.defaults(), deployments, incidents).evaluate(Scope.all(), LearningPack.WEEKS);

        assertThat(run.view(LearningPack.WEEKS)).filteredOn(v -> v.metric() == Metric.CHANGE_FAILURE_RATE)
                .containsExactlyInAnyOrder(WeekValue.of(Metric.CHANGE_FAILURE_RATE, IsoWeek.parse("2026-W45"), 0.5, 4));
    }

    @Test
    void revert_rate_and_cross_team_waits_come_from_changes_and_their_reviews() {
        Instant w45 = IsoWeek.parse("2026-W45").start();
        List<Change> changes = List.of(
                Change.builder("#1").mergedAt(w45.plus(Duration.ofHours(30))).author("ada@example.com").position(0).build(),
                Change.builder("#2").mergedAt(w45.plus(Duration.ofHours(40))).author("ada@example.com").reverts("#1")
                        .position(1).build(),
                Change.builder("#3").mergedAt(w45.plus(Duration.ofHours(50))).author("grace").position(2).build(),
                Change.builder("#4").mergedAt(w45.plus(Duration.ofHours(60))).author("grace").position(3).build());
        List<Review> reviews = List.of(
                // #1 waited 6 hours for payments
                new Review("#1", null, null, "payments", w45.plus(Duration.ofHours(2)), w45.plus(Duration.ofHours(8))),
                // #3 waited 4 hours for platform's first review, asked twice
                new Review("#3", "linus", "COMMENTED", "platform", w45.plus(Duration.ofHours(10)), w45.plus(Duration.ofHours(20))),
                new Review("#3", "ken", "APPROVED", "Platform", w45.plus(Duration.ofHours(12)), w45.plus(Duration.ofHours(14))),
                // grace is in payments: her own team's review is no cross-team wait
                new Review("#4", null, null, "payments", w45.plus(Duration.ofHours(1)), w45.plus(Duration.ofHours(50))),
                // never answered: no data point
                new Review("#4", null, null, "security", w45.plus(Duration.ofHours(1)), null),
                // a change the history does not have
                new Review("#99", null, null, "payments", w45.plus(Duration.ofHours(1)), w45.plus(Duration.ofHours(2))));
        Policy teams = Policy.defaults().with(LearningPolicy.SECTION,
                new LearningPolicy(0, 1, Map.of("Payments", List.of("Grace"))));
        Evaluation run = governor(teams, changes, reviews).evaluate(Scope.all(), LearningPack.WEEKS);

        assertThat(run.view(LearningPack.WEEKS)).filteredOn(v -> v.metric().isGated()).containsExactlyInAnyOrder(
                WeekValue.of(Metric.REVERT_RATE, IsoWeek.parse("2026-W45"), 0.25, 4),
                WeekValue.of(Metric.CROSS_TEAM_BLOCKING_TIME, IsoWeek.parse("2026-W45"), 5.0, 2));
    }

    @Test
    void deployments_deliver_changes_for_lead_time_rework_rate_and_frequency() {
        Instant w45 = IsoWeek.parse("2026-W45").start();
        Instant w46 = IsoWeek.parse("2026-W46").start();
        List<Change> changes = List.of(
                Change.builder("#1").sha("1111111111aa").mergedAt(w45.plus(Duration.ofHours(1))).type(ChangeType.TACTICAL_FIX).position(0).build(),
                Change.builder("#2").sha("2222222222bb").mergedAt(w45.plus(Duration.ofHours(2))).type(ChangeType.FEATURE).position(1).build(),
                // work on #3 began a day before it was merged
                Change.builder("#3").sha("3333333333cc").mergedAt(w45.plus(Duration.ofHours(3))).type(ChangeType.TACTICAL_FIX)
                        .firstCommitAt(w45.minus(Duration.ofHours(21))).position(2).build());
        List<Deployment> deployments = List.of(
                // delivers #1 and #2 (lead times 9h and 8h)
                new Deployment("d1", "2222222", "prod", w45.plus(Duration.ofHours(10)), Deployment.Status.SUCCESS),
                // failed: delivers nothing
                new Deployment("d2", "3333333333cc", "prod", w45.plus(Duration.ofHours(11)), Deployment.Status.FAILED),
                // an older commit again: nothing new
                new Deployment("d3", "1111111111aa", "prod", w46.plus(Duration.ofHours(1)), Deployment.Status.SUCCESS),
                // delivers #3 (lead time: from its first commit, 21 hours before W45, to W46 + 2h)
                new Deployment("d4", "3333333333cc", "prod", w46.plus(Duration.ofHours(2)), Deployment.Status.SUCCESS));
        Evaluation run = governor(Policy.defaults(), changes, deployments).evaluate(Scope.all(), LearningPack.WEEKS);

        assertThat(run.view(LearningPack.WEEKS)).filteredOn(v -> !v.metric().isGated()).containsExactlyInAnyOrder(
                WeekValue.of(Metric.DEPLOYMENT_FREQUENCY, IsoWeek.parse("2026-W45"), 1, 1),
                WeekValue.of(Metric.DEPLOYMENT_FREQUENCY, IsoWeek.parse("2026-W46"), 2, 2),
                WeekValue.of(Metric.LEAD_TIME, IsoWeek.parse("2026-W45"), 8.5, 2),
                WeekValue.of(Metric.LEAD_TIME, IsoWeek.parse("2026-W46"), 191.0, 1),
                WeekValue.of(Metric.REWORK_RATE, IsoWeek.parse("2026-W45"), 0.5, 2),
                WeekValue.of(Metric.REWORK_RATE, IsoWeek.parse("2026-W46"), 1.0, 1));
    }

    @Test
    void governance_yml_names_the_teams_and_their_members(@TempDir Path dir) throws IOException {
        Path policy = dir.resolve("governance.yml");
        Files.writeString(policy, """
                learning:
                  minSamples: 2
                  teams:
                    payments: [ada@example.com, Grace]
                    platform: [linus]
                """);

        LearningPolicy learning = Governor.builder().policy(policy).build().policy().section(LearningPolicy.SECTION);

        assertThat(learning).isEqualTo(new LearningPolicy(0, 2,
                Map.of("payments", List.of("ada@example.com", "grace"), "platform", List.of("linus"))));
        assertThat(learning.crossTeam("Payments", "GRACE")).isFalse();
        assertThat(learning.crossTeam("platform", "grace")).isTrue();
        assertThat(learning.crossTeam("security", "grace")).isTrue();
        assertThat(learning.crossTeam("payments", null)).isTrue();
    }

    @Test
    void teams_written_as_a_list_is_an_error_with_file_and_line(@TempDir Path dir) throws IOException {
        Path policy = dir.resolve("governance.yml");
        Files.writeString(policy, """
                learning:
                  teams: [payments, platform]
                """);

        assertThatThrownBy(() -> Governor.builder().policy(policy).build())
                .isInstanceOf(GovernanceException.class)
                .hasMessage(policy + ":2: learning.teams must be a map of keys, found a list");
    }
}
