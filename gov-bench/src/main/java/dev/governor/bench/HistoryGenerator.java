package dev.governor.bench;

import dev.governor.api.Change;
import dev.governor.api.FileChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic change histories for the Intent benchmarks: the same seed and size give
 * the same changes, so runs compare like with like.
 *
 * <p>The shape aims at a busy monorepo rather than at a worst case: about 40% tactical fixes, 10%
 * strategic fixes, the rest features, tech debt, compliance work and untagged changes (a few with an
 * unknown type, a few without a risk level); 1 to 4 files per change, drawn from about {@code n/20}
 * files in nested directories with a Zipf-like popularity (a few files take most of the fixes, which
 * is what makes hotspots); about 1% of changes rename one of their files; merge times increase with
 * exponential gaps (mean 30 minutes, some ties).
 */
public final class HistoryGenerator {

    /** Where every generated history starts. */
    public static final Instant START = Instant.parse("2020-01-06T09:00:00Z");

    private static final String[] TYPES = {"feature", "tech-debt", "compliance"};
    private static final String[] RISKS = {"low", "low", "low", "medium", "medium", "high", "critical"};
    private static final double MEAN_GAP_SECONDS = 30 * 60;

    private final SplittableRandom random;
    private final int changes;
    private final String[] paths;
    private final double[] cumulative;
    private int renames;

    private HistoryGenerator(long seed, int changes) {
        this.random = new SplittableRandom(seed);
        this.changes = changes;
        int files = Math.max(20, changes / 20);
        this.paths = new String[files];
        for (int i = 0; i < files; i++) {
            paths[i] = pathOf(i);
        }
        // Zipf (s = 1) over a shuffled rank, so popular files are spread over the directories
        int[] rank = new int[files];
        for (int i = 0; i < files; i++) {
            rank[i] = i + 1;
        }
        for (int i = files - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rank[i];
            rank[i] = rank[j];
            rank[j] = t;
        }
        this.cumulative = new double[files];
        double sum = 0;
        for (int i = 0; i < files; i++) {
            sum += 1.0 / rank[i];
            cumulative[i] = sum;
        }
    }

    /** {@code n} changes from {@code seed}, in merge order, with ids {@code #1 … #n}. */
    public static List<Change> history(long seed, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a history needs a size of zero or more changes, got " + n);
        }
        return new HistoryGenerator(seed, n).generate();
    }

    /** The instant after the last change of any history: a fixed "now" for reproducible checks. */
    public static Instant nowAfter(List<Change> history) {
        return history.isEmpty() ? START : history.get(history.size() - 1).mergedAt().plusSeconds(3600);
    }

    private List<Change> generate() {
        List<Change> out = new ArrayList<>(changes);
        long at = START.getEpochSecond();
        for (int i = 1; i <= changes; i++) {
            if (random.nextInt(20) != 0) { // one in twenty merges in the same second as the one before
                at += 1 + (long) (-Math.log(1 - random.nextDouble()) * MEAN_GAP_SECONDS);
            }
            Change.Builder b = Change.builder("#" + i).mergedAt(Instant.ofEpochSecond(at)).author(author());
            String type = type();
            if (type != null) {
                b.declaredType(type);
            }
            if (random.nextInt(20) != 0) {
                b.risk(RISKS[random.nextInt(RISKS.length)]);
            }
            b.files(files());
            out.add(b.build());
        }
        return out;
    }

    private String author() {
        return "dev" + random.nextInt(40) + "@example.com";
    }

    private String type() {
        int p = random.nextInt(100);
        if (p < 40) {
            return "tactical-fix";
        }
        if (p < 50) {
            return "strategic-fix";
        }
        if (p < 85) {
            return TYPES[random.nextInt(TYPES.length)];
        }
        if (p < 87) {
            return "hotfix"; // an unknown type
        }
        return null;
    }

    private List<FileChange> files() {
        int p = random.nextInt(100);
        int count = p < 50 ? 1 : p < 75 ? 2 : p < 90 ? 3 : 4;
        List<FileChange> out = new ArrayList<>(count);
        int[] chosen = new int[count];
        int n = 0;
        for (int k = 0; k < count * 4 && n < count; k++) {
            int f = popular();
            boolean seen = false;
            for (int j = 0; j < n; j++) {
                seen |= chosen[j] == f;
            }
            if (!seen) {
                chosen[n++] = f;
            }
        }
        boolean renameOne = random.nextInt(100) == 0;
        for (int j = 0; j < n; j++) {
            int f = chosen[j];
            if (renameOne && j == 0) {
                String from = paths[f];
                String to = pathOf(random.nextInt(paths.length)).replace(".java", "R" + (++renames) + ".java");
                paths[f] = to;
                out.add(FileChange.renamed(from, to));
            } else {
                out.add(FileChange.modified(paths[f]));
            }
        }
        return out;
    }

    private int popular() {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** File {@code i}: ten files a package, ten packages a module. */
    static String pathOf(int i) {
        int pkg = i / 10;
        return "modules/m" + (pkg / 10) + "/src/main/java/p" + pkg + "/File" + i + ".java";
    }
}
