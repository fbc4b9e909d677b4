package dev.governor.bench;

import dev.governor.Governor;
import dev.governor.api.Change;
import dev.governor.api.Facts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code Governor.context(paths)} and {@code Governor.check()} taken in turn on one warm Governor, as the MCP
 * server keeps it, so that both meet the same load: on a machine other work shares, two JMH benchmarks run one
 * after the other can see different loads, and their ratio says more about the neighbours than about the code.
 * Prints the median and p95 of each, in milliseconds, and the ratio of the medians. The history is
 * {@link IntentBench}'s, given in memory ({@code memory}) or written as a git repository ({@code git}, read
 * through the fact cache, which the first check fills).
 *
 * <pre>{@code
 * java -cp gov-bench/target/benchmarks.jar dev.governor.bench.ContextTimer git 10000 30
 * }</pre>
 */
public final class ContextTimer {

    private ContextTimer() {
    }

    /** {@code memory|git CHANGES ROUNDS}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3 || !List.of("memory", "git").contains(args[0])) {
            System.err.println("usage: ContextTimer memory|git CHANGES ROUNDS");
            System.exit(2);
        }
        int changes = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Instant end = Instant.parse("2026-11-26T12:00:00Z");
        Governor governor;
        Path generated = null;
        if (args[0].equals("memory")) {
            List<Change> history = HistoryGenerator.history(42, changes);
            governor = Governor.builder().facts(Facts.builder().addAll(history).build())
                    .clock(Clock.fixed(HistoryGenerator.nowAfter(history), ZoneOffset.UTC))
                    .withoutServiceLoadedSources().build();
        } else {
            generated = Files.createTempDirectory("gov-context-timer-");
            Path repo = generated.resolve("repo");
            GitRepoGenerator.write(repo, changes, 42, end);
            governor = Governor.builder().repository(repo).clock(Clock.fixed(end.plusSeconds(3600), ZoneOffset.UTC))
                    .build();
        }
        List<String> paths = List.of(HistoryGenerator.pathOf(0), "modules/m1/src/main/java/p12", "modules/new/File.java");
        for (int i = 0; i < 5; i++) { // warm-up: class loading, the fact cache, the JIT
            governor.check();
            governor.context(paths);
        }
        List<Long> check = new ArrayList<>();
        List<Long> context = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            governor.check();
            check.add((System.nanoTime() - start) / 1_000_000);
            start = System.nanoTime();
            governor.context(paths);
            context.add((System.nanoTime() - start) / 1_000_000);
        }
        check.sort(null);
        context.sort(null);
        long checkMedian = check.get(rounds / 2);
        long contextMedian = context.get(rounds / 2);
        System.out.printf(Locale.ROOT, "source %s, %d changes, %d rounds%n", args[0], changes, rounds);
        System.out.printf(Locale.ROOT, "check   median %d ms, p95 %d ms%n", checkMedian, check.get(p95(rounds)));
        System.out.printf(Locale.ROOT, "context median %d ms, p95 %d ms%n", contextMedian, context.get(p95(rounds)));
        System.out.printf(Locale.ROOT, "context / check (medians) %.2f%n", (double) contextMedian / checkMedian);
        if (generated != null) {
            try (var all = Files.walk(generated)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int p95(int n) {
        return Math.min(n - 1, (int) Math.ceil(n * 0.95) - 1);
    }
}
