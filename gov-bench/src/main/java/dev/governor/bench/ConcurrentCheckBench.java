package dev.governor.bench;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.api.Change;
import dev.governor.api.Facts;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@code check} on one shared {@link Governor} from 1, 2 and 4 threads ("many threads may call
 * check at once", spec/api.md): the same generated history as {@link IntentBench}, every layer in force (the
 * default policy). The baseline is the one-thread figure of the same run; the ratio of the others to it is how
 * far checks scale. Each check has a session of its own, so they share only the immutable knowledge base.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ConcurrentCheckBench {

    @Param({"10000"})
    public int changes;

    private Governor governor;

    @Setup(Level.Trial)
    public void generate() {
        List<Change> history = HistoryGenerator.history(42, changes);
        governor = Governor.builder()
                .facts(Facts.builder().addAll(history).build())
                .clock(Clock.fixed(HistoryGenerator.nowAfter(history), ZoneOffset.UTC))
                .withoutServiceLoadedSources()
                .build();
    }

    @Benchmark
    @Threads(1)
    public Report oneThread() {
        return governor.check();
    }

    @Benchmark
    @Threads(2)
    public Report twoThreads() {
        return governor.check();
    }

    @Benchmark
    @Threads(4)
    public Report fourThreads() {
        return governor.check();
    }
}
