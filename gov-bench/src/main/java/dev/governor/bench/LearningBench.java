package dev.governor.bench;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.api.Facts;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.api.policy.LearningPolicy;
import dev.governor.fixtures.ReferenceLearning;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 * The Learning layer over a million deployments and a hundred thousand incidents (with 100k changes and 10k review
 * requests, ten years of weeks): the rules (a whole {@code Governor.check()} with only the Learning layer in force:
 * every record into the session, the pack's weekly derivation, the rules over the weekly values) against the
 * plain-Java reference ({@link ReferenceLearning}) on the same records, and the same check with no pack in force
 * (what the engine spends taking the records into its session). Average time over time-boxed iterations,
 * as {@link IntentBench} does; {@link IntentBench.Cpu} gives the checking thread's CPU time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class LearningBench {

    @Param({"1000000"})
    public int deployments;

    @Param({"100000"})
    public int incidents;

    private RecordsGenerator records;
    private Governor governor;
    private Governor noPack;
    private ReferenceLearning reference;

    /** The default policy with only the Learning layer in force. */
    public static Policy learningOnly() {
        return Policy.builder().layers(Set.of(Layer.LEARNING.id())).build();
    }

    @Setup(Level.Trial)
    public void generate() {
        records = RecordsGenerator.generate(42, 100_000, deployments, incidents);
        governor = Governor.builder()
                .facts(Facts.builder().addAll(records.changes()).addAll(records.deployments())
                        .addAll(records.incidents()).addAll(records.reviews()).build())
                .policy(learningOnly())
                .clock(Clock.fixed(RecordsGenerator.now(), ZoneOffset.UTC))
                .withoutServiceLoadedSources()
                .build();
        // no pack in force: what a check costs before any layer does anything (the records into the session)
        noPack = Governor.builder()
                .facts(Facts.builder().addAll(records.changes()).addAll(records.deployments())
                        .addAll(records.incidents()).addAll(records.reviews()).build())
                .policy(Policy.builder().layers(Set.of("no-such-pack")).build())
                .clock(Clock.fixed(RecordsGenerator.now(), ZoneOffset.UTC))
                .withoutServiceLoadedSources()
                .build();
        reference = new ReferenceLearning(learningOnly().section(LearningPolicy.SECTION));
    }

    @TearDown(Level.Trial)
    public void heapAfter() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%nheap-after deployments=%d used=%d MiB%n", deployments, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    @Benchmark
    public Report rules(IntentBench.Cpu cpu) {
        long started = cpu.start();
        Report report = governor.check();
        cpu.stop(started);
        return report;
    }

    /** The share of {@link #rules} that is the engine's, not the Learning pack's: the same check with no pack in force. */
    @Benchmark
    public Report sessionOnly(IntentBench.Cpu cpu) {
        long started = cpu.start();
        Report report = noPack.check();
        cpu.stop(started);
        return report;
    }

    @Benchmark
    public ReferenceLearning.Result plainJava(IntentBench.Cpu cpu) {
        long started = cpu.start();
        ReferenceLearning.Result result = reference.run(records.changes(), records.deployments(), records.incidents(),
                records.reviews());
        cpu.stop(started);
        return result;
    }
}
