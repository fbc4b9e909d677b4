package dev.governor.bench;

import dev.governor.cli.CliEnvironment;
import dev.governor.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code gov sign-off} many times inside one JVM, as a server or a long-lived CI agent would run it: the first
 * run pays class loading and the rule base, the later ones are warm. Prints each run's wall time and the
 * median of the warm ones, in milliseconds. The environment (GITHUB_*) is the process's own.
 *
 * <pre>{@code
 * java -cp gov-bench/target/benchmarks.jar dev.governor.bench.SignOffTimer 20 sign-off --repo R --sha S --env prod …
 * }</pre>
 */
public final class SignOffTimer {

    private SignOffTimer() {
    }

    /** {@code RUNS ARG…}: the arguments of {@code gov}. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: SignOffTimer RUNS sign-off ARG…");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[0]);
        String[] gov = Arrays.copyOfRange(args, 1, args.length);
        List<Long> times = new ArrayList<>();
        int code = -1;
        for (int i = 0; i < runs; i++) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            long start = System.nanoTime();
            code = Main.run(new CliEnvironment(System.getenv(), false), new PrintWriter(out), new PrintWriter(err), gov);
            times.add((System.nanoTime() - start) / 1_000_000);
            if (code == 2) {
                System.err.println(err);
                System.exit(2);
            }
        }
        List<Long> warm = new ArrayList<>(times.subList(Math.min(1, times.size()), times.size()));
        warm.sort(null);
        System.out.printf(Locale.ROOT, "first-run-ms %d%n", times.get(0));
        System.out.printf(Locale.ROOT, "warm-median-ms %d%n", warm.isEmpty() ? -1 : warm.get(warm.size() / 2));
        System.out.printf(Locale.ROOT, "exit-code %d%n", code);
        System.out.printf(Locale.ROOT, "runs-ms %s%n", times);
    }
}
