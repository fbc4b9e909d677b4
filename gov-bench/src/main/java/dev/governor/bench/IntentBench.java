package dev.governor.bench;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.api.Change;
import dev.governor.api.Facts;
import dev.governor.api.Finding;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.api.policy.HotspotPolicy;
import dev.governor.fixtures.ReferenceIntent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (a) The Intent rules against the plain-Java pass ({@link ReferenceIntent}) on the same generated
 * history. Each invocation is one whole check; the mode is average time over time-boxed iterations,
 * not single shots, because a single shot of a 10k-change check runs before the JIT has compiled it.
 * At a million changes an iteration is one check; two warm-up and three measured keep a full run short.
 *
 * <p>Only the Intent layer is in force, so that the comparison is rules against hand-written code
 * for the same work; the other layers have nothing to do on changes without files of theirs.
 * Memory: run with {@code -prof gc} for allocation per check; the heap still in use after a check
 * is printed at tear-down ({@code heap-after}) for each trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class IntentBench {

    @Param({"10000", "100000", "1000000"})
    public int changes;

    private List<Change> history;
    private Governor governor;
    private ReferenceIntent reference;

    /** The default policy with only the Intent layer in force. */
    public static Policy intentOnly() {
        return Policy.builder().layers(Set.of(Layer.INTENT.id())).build();
    }

    @Setup(Level.Trial)
    public void generate() {
        history = HistoryGenerator.history(42, changes);
        governor = Governor.builder()
                .facts(Facts.builder().addAll(history).build())
                .policy(intentOnly())
                .clock(Clock.fixed(HistoryGenerator.nowAfter(history), ZoneOffset.UTC))
                .withoutServiceLoadedSources()
                .build();
        reference = new ReferenceIntent(intentOnly().section(HotspotPolicy.SECTION));
    }

    @TearDown(Level.Trial)
    public void heapAfter() {
        // what a check leaves behind once its garbage is gone: the facts and the knowledge base
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        System.out.printf("%nheap-after changes=%d used=%d MiB%n", changes, used >> 20);
    }

    /**
     * CPU time of the benchmark thread per check (GC and JIT threads excluded): a second reading that
     * shared, busy machines disturb much less than wall time. JMH sums event counters over the
     * measured iterations: divide the reported figure by their number (run-benchmarks.sh does).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private long nanos;
        private long checks;

        @Setup(Level.Iteration)
        public void reset() {
            nanos = 0;
            checks = 0;
        }

        long start() {
            return THREADS.getCurrentThreadCpuTime();
        }

        void stop(long started) {
            nanos += THREADS.getCurrentThreadCpuTime() - started;
            checks++;
        }

        public double cpuMsPerCheck() {
            return checks == 0 ? 0 : nanos / 1e6 / checks;
        }
    }

    @Benchmark
    public Report rules(Cpu cpu) {
        long started = cpu.start();
        Report report = governor.check();
        cpu.stop(started);
        return report;
    }

    @Benchmark
    public List<Finding> plainJava(Cpu cpu) {
        long started = cpu.start();
        List<Finding> findings = reference.run(history);
        cpu.stop(started);
        return findings;
    }
}
