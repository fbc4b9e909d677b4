package dev.governor.bench;

import dev.governor.Context;
import dev.governor.Governor;
import dev.governor.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * {@code Governor.context(paths)} on a real git repository of generated history ({@link GitRepoGenerator}: the
 * {@link IntentBench} history written with {@code git fast-import}), inside one warm Governor as the MCP server
 * keeps it: the per-commit fact cache is filled in set-up, so each call reads the history from the cache. The
 * baseline is one full {@code check()} of the same Governor in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ContextRepoBench {

    @Param({"10000"})
    public int commits;

    private Path generated;
    private Governor governor;
    private List<String> paths;

    @Setup(Level.Trial)
    public void repository() throws IOException, InterruptedException {
        Instant end = Instant.parse("2026-11-26T12:00:00Z");
        generated = Files.createTempDirectory("gov-bench-context-");
        Path repo = generated.resolve("repo");
        GitRepoGenerator.write(repo, commits, 42, end);
        governor = Governor.builder().repository(repo).clock(Clock.fixed(end.plusSeconds(3600), ZoneOffset.UTC)).build();
        paths = List.of(HistoryGenerator.pathOf(0), "modules/m1/src/main/java/p12", "modules/new/File.java");
        governor.check(); // fills the fact cache, as the first call of a session does
    }

    @TearDown(Level.Trial)
    public void removeGenerated() throws IOException {
        try (Stream<Path> all = Files.walk(generated)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
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
