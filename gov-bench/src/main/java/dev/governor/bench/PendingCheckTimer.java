package dev.governor.bench;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.adapters.git.GitHistoryProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times {@code check_pending} as {@code gov mcp} runs it: one {@link Governor} kept warm for the session,
 * {@link Governor#checkPending} called again and again on a repository whose index has a staged change.
 * The baseline, measured in the same run on the same warm Governor, is a whole-history {@link Governor#check()}.
 * Prints one line of figures; {@code pending-check-bench.sh} stages the change and calls it.
 *
 * <pre>{@code
 * java -cp gov-bench/target/benchmarks.jar dev.governor.bench.PendingCheckTimer REPO 30
 * }</pre>
 */
public final class PendingCheckTimer {

    private PendingCheckTimer() {
    }

    public static void main(String[] args) {
        Path repo = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        String message = "fix: round the totals\n\nRisk: low\n";
        long start = System.nanoTime();
        Governor governor = Governor.builder().repository(repo).build();
        Report first = governor.checkPending(message);
        double firstMs = (System.nanoTime() - start) / 1e6;
        long readsAfterFirst = GitHistoryProvider.historiesRead();
        for (int i = 0; i < Math.min(5, runs); i++) {
            governor.checkPending(message); // warm-up: JIT and the Drools session's classes
        }
        List<Double> pending = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            governor.checkPending(message);
            pending.add((System.nanoTime() - t) / 1e6);
        }
        long readsAfterRuns = GitHistoryProvider.historiesRead();
        List<Double> full = new ArrayList<>();
        for (int i = 0; i < Math.max(3, runs / 5); i++) {
            long t = System.nanoTime();
            governor.check();
            full.add((System.nanoTime() - t) / 1e6);
        }
        System.out.printf(Locale.ROOT, "changes=%d stagedFindings=%d first(cold session)=%.0fms pending p50=%.0fms"
                        + " p95=%.0fms max=%.0fms | baseline full check p50=%.0fms | pending/full=%.2fx"
                        + " | histories read: %d after the first call, %d after %d more%n",
                first.changes().size(), first.findings().size(), firstMs, pct(pending, 50), pct(pending, 95),
                Collections.max(pending), pct(full, 50), pct(pending, 50) / pct(full, 50), readsAfterFirst,
                readsAfterRuns, runs + Math.min(5, runs));
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
