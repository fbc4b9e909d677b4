package dev.governor.bench;

import dev.governor.Context;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Governor.context(paths)} inside a warm Governor (what the MCP server's {@code context} tool calls), on
 * the generated history of {@link IntentBench}, every layer in force (the default policy). The baseline is one full
 * {@code check()} of the same Governor in the same run: a context runs the rules once, then asks each pack for its
 * part, so the ratio says what the packs' answers cost on top of the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ContextBench {

    @Param({"10000"})
    public int changes;

    private Governor governor;
    private List<String> paths;

    @Setup(Level.Trial)
    public void generate() {
        List<Change> history = HistoryGenerator.history(42, changes);
        governor = Governor.builder()
                .facts(Facts.builder().addAll(history).build())
                .clock(Clock.fixed(HistoryGenerator.nowAfter(history), ZoneOffset.UTC))
                .withoutServiceLoadedSources()
                .build();
        // a file, the package beside it and a file no change touched: what a session asks before an edit
        paths = List.of(HistoryGenerator.pathOf(0), "modules/m1/src/main/java/p12", "modules/new/File.java");
    }

    /** The baseline: one full check. */
    @Benchmark
    public Report check() {
        return governor.check();
    }

    /** The context of three paths. */
    @Benchmark
    public Context context() {
        return governor.context(paths);
    }
}
