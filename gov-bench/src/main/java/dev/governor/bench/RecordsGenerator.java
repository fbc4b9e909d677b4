package dev.governor.bench;

import dev.governor.api.Change;
import dev.governor.api.ChangeType;
import dev.governor.api.Deployment;
import dev.governor.api.Incident;
import dev.governor.api.Review;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic Learning records for the Learning benchmarks: the same seed and sizes give the same
 * records. The shape is a busy organisation over ten years (520 weeks from {@link #START}): changes merged in
 * branch order, each started up to three days before its merge; deployments spread evenly over the weeks, each of
 * the latest merged commit (to prod or staging), with a week's share of rollbacks and failures drawn per week so
 * that metrics rise and fall and some weeks degrade two in a row; incidents naming their deployment by id, by
 * abbreviated SHA or not at all, most resolved within three days; one cross-team review request in ten changes.
 *
 * @param changes     the changes, in branch order
 * @param deployments the deployments, in time order
 * @param incidents   the incidents
 * @param reviews     the review requests
 */
public record RecordsGenerator(List<Change> changes, List<Deployment> deployments, List<Incident> incidents,
                               List<Review> reviews) {

    /** Monday of the first generated week. */
    public static final Instant START = Instant.parse("2016-01-04T00:00:00Z");
    /** Ten years of weeks. */
    public static final int WEEKS = 520;
    private static final long SPAN_SECONDS = WEEKS * 7L * 86_400;
    private static final String[] TEAMS = {"payments", "platform", "security", "data", "mobile"};
    private static final String[] AUTHORS = {"ada", "grace", "linus", "ken", "barbara", "edsger"};

    /** Records with these sizes, from {@code seed}. */
    public static RecordsGenerator generate(long seed, int changes, int deployments, int incidents) {
        SplittableRandom random = new SplittableRandom(seed);
        HexFormat hex = HexFormat.of();
        List<Change> cs = new ArrayList<>(changes);
        Instant[] merged = new Instant[changes];
        for (int i = 0; i < changes; i++) {
            merged[i] = START.plusSeconds(SPAN_SECONDS * i / changes + random.nextInt(600));
            byte[] sha = new byte[20];
            random.nextBytes(sha);
            Change.Builder b = Change.builder("#" + (i + 1)).sha(hex.formatHex(sha)).mergedAt(merged[i]).position(i)
                    .author(AUTHORS[random.nextInt(AUTHORS.length)])
                    .firstCommitAt(merged[i].minusSeconds(random.nextInt(3 * 86_400)))
                    .type(random.nextInt(10) < 3 ? ChangeType.TACTICAL_FIX : ChangeType.FEATURE);
            if (i > 0 && random.nextInt(50) == 0) {
                b.reverts("#" + (1 + random.nextInt(i)));
            }
            cs.add(b.build());
        }
        // each week's share of rolled-back deployments, so that weeks differ and runs of rises occur
        double[] failing = new double[WEEKS];
        for (int w = 0; w < WEEKS; w++) {
            failing[w] = 0.02 + random.nextDouble() * 0.2;
        }
        List<Deployment> ds = new ArrayList<>(deployments);
        int latest = -1;
        for (int i = 0; i < deployments; i++) {
            Instant at = START.plusSeconds(SPAN_SECONDS * i / deployments + 300);
            while (latest + 1 < changes && !merged[latest + 1].isAfter(at)) {
                latest++;
            }
            String sha = latest < 0 ? "0000000" : cs.get(Math.max(0, latest - random.nextInt(3))).sha();
            int week = (int) Math.min(WEEKS - 1, Duration.between(START, at).toDays() / 7);
            double roll = random.nextDouble();
            Deployment.Status status = roll < failing[week] ? Deployment.Status.ROLLED_BACK
                    : roll < failing[week] + 0.03 ? Deployment.Status.FAILED : Deployment.Status.SUCCESS;
            ds.add(new Deployment("d" + i, sha, random.nextBoolean() ? "prod" : "staging", at, status));
        }
        List<Incident> is = new ArrayList<>(incidents);
        for (int i = 0; i < incidents; i++) {
            Deployment d = ds.get(random.nextInt(ds.size()));
            Instant opened = d.at().plusSeconds(random.nextInt(6 * 3600));
            Instant resolved = random.nextInt(20) == 0 ? null : opened.plusSeconds(600 + random.nextInt(3 * 86_400));
            String cause = switch (random.nextInt(10)) {
                case 0, 1, 2, 3, 4 -> d.id();
                case 5, 6, 7 -> d.sha().substring(0, 7);
                default -> null;
            };
            is.add(new Incident("INC-" + i, d.env(), opened, resolved, cause));
        }
        List<Review> rs = new ArrayList<>(changes / 10 + 1);
        for (int i = 0; i < changes; i += 10) {
            Change c = cs.get(i);
            Instant requested = c.mergedAt().minusSeconds(3600 + random.nextInt(2 * 86_400));
            Instant reviewed = random.nextInt(10) == 0 ? null : requested.plusSeconds(random.nextInt(30 * 3600));
            rs.add(new Review(c.id(), null, null, TEAMS[random.nextInt(TEAMS.length)], requested,
                    reviewed != null && reviewed.isAfter(c.mergedAt()) ? c.mergedAt() : reviewed));
        }
        return new RecordsGenerator(List.copyOf(cs), List.copyOf(ds), List.copyOf(is), List.copyOf(rs));
    }

    /** An instant after every generated record: the benchmark's clock. */
    public static Instant now() {
        return START.plusSeconds(SPAN_SECONDS + 7 * 86_400);
    }
}
