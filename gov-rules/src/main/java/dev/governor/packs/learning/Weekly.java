package dev.governor.packs.learning;

import dev.governor.api.Change;
import dev.governor.api.ChangeType;
import dev.governor.api.Deployment;
import dev.governor.api.Incident;
import dev.governor.api.IsoWeek;
import dev.governor.api.Review;
import dev.governor.api.policy.LearningPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The Learning pack's derivation: each metric's value in each ISO week that has data for it, from the
 * deployment, incident and review records and the changes (docs/learning.md defines each data point). Sums are
 * kept in whole milliseconds and counts, and divided once at the end, so that a value does not depend on the
 * order the records came in.
 */
final class Weekly {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,40}");
    private static final double HOUR_MS = 3_600_000.0;

    private Weekly() {
    }

    /** One metric's data points in one week. */
    private static final class Week {
        int samples;
        long sum;
        long[] values; // only for a median

        void add(long v) {
            samples++;
            sum += v;
        }

        void keep(long v) {
            if (values == null) {
                values = new long[4];
            } else if (samples == values.length) {
                values = Arrays.copyOf(values, samples * 2);
            }
            values[samples++] = v;
        }
    }

    /** Each metric's data points, by week index. */
    private static final class Points {
        private final Map<Metric, TreeMap<Long, Week>> byMetric = new EnumMap<>(Metric.class);
        // records mostly come in time order: the week of the last point of each metric is looked up once
        private final long[] lastIndex = new long[Metric.values().length];
        private final Week[] last = new Week[Metric.values().length];

        Week at(Metric metric, Instant when) {
            long index = IsoWeek.indexOf(when);
            int m = metric.ordinal();
            if (last[m] == null || lastIndex[m] != index) {
                last[m] = byMetric.computeIfAbsent(metric, k -> new TreeMap<>()).computeIfAbsent(index, i -> new Week());
                lastIndex[m] = index;
            }
            return last[m];
        }

        List<WeekValue> values() {
            List<WeekValue> out = new ArrayList<>();
            byMetric.forEach((metric, weeks) -> weeks.forEach((index, w) ->
                    out.add(WeekValue.of(metric, IsoWeek.ofIndex(index), value(metric, w), w.samples))));
            return out;
        }

        private static double value(Metric metric, Week w) {
            return switch (metric) {
                case CHANGE_FAILURE_RATE, REVERT_RATE, REWORK_RATE -> (double) w.sum / w.samples;
                case MTTR, CROSS_TEAM_BLOCKING_TIME -> w.sum / HOUR_MS / w.samples;
                case DEPLOYMENT_FREQUENCY -> w.samples;
                case LEAD_TIME -> median(w) / HOUR_MS;
            };
        }

        private static double median(Week w) {
            long[] v = Arrays.copyOf(w.values, w.samples);
            Arrays.sort(v);
            int mid = v.length / 2;
            return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + (double) v[mid]) / 2;
        }
    }

    /**
     * Every metric's weekly values.
     *
     * @param changes     the changes in branch order
     * @param deployments the deployment records
     * @param incidents   the incident records
     * @param reviews     the reviews (PR records, {@code .gov/reviews.yml})
     * @param policy      the {@code learning:} section (which teams the authors are in)
     */
    static List<WeekValue> values(List<Change> changes, List<Deployment> deployments, List<Incident> incidents,
                                  List<Review> reviews, LearningPolicy policy) {
        Points points = new Points();
        changeFailures(deployments, incidents, points);
        for (Incident i : incidents) {
            if (i.resolved() != null) {
                points.at(Metric.MTTR, i.resolved()).add(i.resolved().toEpochMilli() - i.opened().toEpochMilli());
            }
        }
        for (Change c : changes) {
            points.at(Metric.REVERT_RATE, c.mergedAt()).add(c.reverts() != null ? 1 : 0);
        }
        crossTeamWaits(changes, reviews, policy, points);
        deliveries(changes, deployments, points);
        return points.values();
    }

    /** Each deployment is a data point in its week: a failure when it failed, was rolled back or caused an incident. */
    private static void changeFailures(List<Deployment> deployments, List<Incident> incidents, Points points) {
        boolean[] failed = new boolean[deployments.size()];
        Causes causes = new Causes(deployments);
        for (Incident i : incidents) {
            int d = causes.of(i);
            if (d >= 0) {
                failed[d] = true;
            }
        }
        for (int d = 0; d < deployments.size(); d++) {
            Deployment dep = deployments.get(d);
            boolean failure = failed[d] || dep.status() != Deployment.Status.SUCCESS;
            points.at(Metric.CHANGE_FAILURE_RATE, dep.at()).add(failure ? 1 : 0);
        }
    }

    /**
     * Which deployment an incident's {@code cause} names: the deployment with that id; else, for a SHA of 7 or
     * more hex digits, the latest deployment of that commit (to the incident's environment, when it names one)
     * at or before the incident was opened.
     */
    static final class Causes {
        private final List<Deployment> deployments;
        private final Map<String, Integer> byId = new HashMap<>();
        private final Map<String, List<Integer>> bySha7 = new HashMap<>();

        Causes(List<Deployment> deployments) {
            this.deployments = deployments;
            for (int d = 0; d < deployments.size(); d++) {
                Deployment dep = deployments.get(d);
                byId.putIfAbsent(dep.id(), d);
                String sha = dep.sha().toLowerCase(Locale.ROOT);
                if (sha.length() >= 7) {
                    bySha7.computeIfAbsent(sha.substring(0, 7), k -> new ArrayList<>(1)).add(d);
                }
            }
        }

        /** The index of the deployment the incident names as its cause, or -1. */
        int of(Incident incident) {
            String cause = incident.cause();
            if (cause == null) {
                return -1;
            }
            Integer byIdentity = byId.get(cause);
            if (byIdentity != null) {
                return byIdentity;
            }
            String sha = cause.toLowerCase(Locale.ROOT);
            if (!SHA.matcher(sha).matches()) {
                return -1;
            }
            int best = -1;
            for (int d : bySha7.getOrDefault(sha.substring(0, 7), List.of())) {
                Deployment dep = deployments.get(d);
                String deployed = dep.sha().toLowerCase(Locale.ROOT);
                boolean same = deployed.startsWith(sha) || sha.startsWith(deployed);
                boolean env = incident.env() == null || incident.env().equals(dep.env());
                if (same && env && !dep.at().isAfter(incident.opened())
                        && (best < 0 || later(dep, deployments.get(best)))) {
                    best = d;
                }
            }
            return best;
        }

        private static boolean later(Deployment a, Deployment b) {
            int byTime = a.at().compareTo(b.at());
            return byTime > 0 || byTime == 0 && a.id().compareTo(b.id()) > 0;
        }
    }

    /**
     * Each review requested from a team other than the author's, and answered, is a data point in the week its
     * change was merged: the hours from the (first) request to that team's first review after it.
     */
    private static void crossTeamWaits(List<Change> changes, List<Review> reviews, LearningPolicy policy,
                                       Points points) {
        if (reviews.isEmpty()) {
            return;
        }
        Map<String, Change> byId = new HashMap<>(changes.size() * 2);
        for (Change c : changes) {
            byId.putIfAbsent(c.id(), c);
        }
        // change id -> team -> [first request, first review], in the order the changes' reviews came
        Map<String, Map<String, Instant[]>> waits = new LinkedHashMap<>();
        for (Review r : reviews) {
            if (r.team() == null || r.requested() == null || !byId.containsKey(r.change())) {
                continue;
            }
            Instant[] w = waits.computeIfAbsent(r.change(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.team().toLowerCase(Locale.ROOT), k -> new Instant[2]);
            if (w[0] == null || r.requested().isBefore(w[0])) {
                w[0] = r.requested();
            }
        }
        for (Review r : reviews) {
            Map<String, Instant[]> teams = r.team() == null || r.reviewed() == null ? null : waits.get(r.change());
            Instant[] w = teams == null ? null : teams.get(r.team().toLowerCase(Locale.ROOT));
            if (w != null && !r.reviewed().isBefore(w[0]) && (w[1] == null || r.reviewed().isBefore(w[1]))) {
                w[1] = r.reviewed();
            }
        }
        waits.forEach((changeId, teams) -> {
            Change c = byId.get(changeId);
            teams.forEach((team, w) -> {
                if (w[1] != null && policy.crossTeam(team, c.author())) {
                    points.at(Metric.CROSS_TEAM_BLOCKING_TIME, c.mergedAt()).add(w[1].toEpochMilli() - w[0].toEpochMilli());
                }
            });
        });
    }

    /**
     * Deployment frequency, lead time and rework rate. Successful deployments, in time order, deliver the changes
     * up to the deployed commit's place in branch order that no earlier one delivered: each such change is a data
     * point in the deployment's week.
     */
    private static void deliveries(List<Change> changes, List<Deployment> deployments, Points points) {
        List<Deployment> successful = new ArrayList<>();
        for (Deployment d : deployments) {
            if (d.status() == Deployment.Status.SUCCESS) {
                successful.add(d);
                points.at(Metric.DEPLOYMENT_FREQUENCY, d.at()).add(1);
            }
        }
        if (changes.isEmpty() || successful.isEmpty()) {
            return;
        }
        successful.sort(Comparator.comparing(Deployment::at).thenComparing(Deployment::id));
        TreeMap<String, Integer> bySha = new TreeMap<>();
        for (int p = 0; p < changes.size(); p++) {
            if (changes.get(p).sha() != null) {
                bySha.put(changes.get(p).sha().toLowerCase(Locale.ROOT), p);
            }
        }
        int delivered = -1;
        for (Deployment d : successful) {
            int p = place(bySha, d.sha());
            for (int q = delivered + 1; q <= p; q++) {
                Change c = changes.get(q);
                points.at(Metric.LEAD_TIME, d.at()).keep(d.at().toEpochMilli() - c.startedAt().toEpochMilli());
                points.at(Metric.REWORK_RATE, d.at()).add(c.type() == ChangeType.TACTICAL_FIX ? 1 : 0);
            }
            delivered = Math.max(delivered, p);
        }
    }

    /** A deployed commit's place in branch order: its full SHA, or a prefix of 7 or more digits; else -1. */
    private static int place(TreeMap<String, Integer> bySha, String deployed) {
        String sha = deployed.toLowerCase(Locale.ROOT);
        Integer exact = bySha.get(sha);
        if (exact != null) {
            return exact;
        }
        if (sha.length() < 7) {
            return -1;
        }
        Map.Entry<String, Integer> next = bySha.ceilingEntry(sha);
        return next != null && next.getKey().startsWith(sha) ? next.getValue() : -1;
    }
}
