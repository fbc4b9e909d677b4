package dev.governor.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * (c) Start-up: the wall time from starting a command (a fresh JVM) to the first line of its output
 * that names a finding, over several runs; prints the median and every run in milliseconds.
 *
 * <pre>{@code
 * java -cp gov-bench/target/benchmarks.jar dev.governor.bench.StartupTimer 7 java -jar gov-cli/target/gov.jar check --repo DIR
 * }</pre>
 *
 * A line names a finding when it holds a rule id ({@code intent.tactical-hotspot}, …). The time is
 * taken when the line arrives, not when the command ends; the command is still run to its end, and
 * a run whose output holds no finding fails the measurement (the repository must have one).
 */
public final class StartupTimer {

    private static final Pattern FINDING = Pattern.compile(".*\\b(intent|contract|change|release|learning)\\.[a-z-]+.*");

    private StartupTimer() {
    }

    /** {@code RUNS COMMAND…}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: StartupTimer RUNS COMMAND [ARG…]");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[0]);
        List<String> command = Arrays.asList(args).subList(1, args.length);
        List<Long> firsts = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long[] run = once(command);
            firsts.add(run[0]);
            totals.add(run[1]);
        }
        System.out.printf(Locale.ROOT, "first-finding-median-ms %d%n", median(firsts));
        System.out.printf(Locale.ROOT, "exit-median-ms %d%n", median(totals));
        System.out.printf(Locale.ROOT, "first-finding-runs-ms %s%n", firsts);
    }

    private static long[] once(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long first = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (first < 0 && FINDING.matcher(line).matches()) {
                    first = System.nanoTime() - start;
                }
            }
        }
        p.waitFor();
        long total = System.nanoTime() - start;
        if (first < 0) {
            throw new IllegalStateException("no line of '" + String.join(" ", command)
                    + "' named a finding (exit " + p.exitValue() + "): give it a repository with findings");
        }
        return new long[] {first / 1_000_000, total / 1_000_000};
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
