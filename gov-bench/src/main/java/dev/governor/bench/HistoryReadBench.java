package dev.governor.bench;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.adapters.git.GitHistory;
import dev.governor.api.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * (b) Reading a generated repository's first-parent history: the git adapter (JGit, without and with
 * its fact cache), {@code gov check} end to end (Governor on the repository, every layer, the
 * adapter's cache as a second CI run has it), and C git doing the same walk
 * ({@code git log --first-parent --name-status -M}, run as a subprocess with its output drained).
 *
 * <p>The repository is {@code -Dgov.bench.repo=DIR} (run-benchmarks.sh generates it once), or else one
 * generated in a temporary directory at set-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class HistoryReadBench {

    @Param({"50000"})
    public int commits;

    private Path repo;
    private Path generated;

    @Setup(Level.Trial)
    public void repository() throws IOException, InterruptedException {
        String given = System.getProperty("gov.bench.repo");
        if (given != null) {
            repo = Path.of(given);
        } else {
            generated = Files.createTempDirectory("gov-bench-");
            repo = generated.resolve("repo");
            GitRepoGenerator.write(repo, commits, 42, Instant.now().truncatedTo(ChronoUnit.MINUTES));
        }
        // the cached benchmarks read a warm cache: fill it once
        try (GitHistory git = GitHistory.open(repo)) {
            git.read(null, null, Policy.defaults());
        }
    }

    @org.openjdk.jmh.annotations.TearDown(Level.Trial)
    public void removeGenerated() throws IOException {
        if (generated != null) {
            try (Stream<Path> paths = Files.walk(generated)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Benchmark
    public int adapterCold() {
        try (GitHistory git = GitHistory.open(repo, false)) {
            return git.read(null, null, Policy.defaults()).changes().size();
        }
    }

    @Benchmark
    public int adapterCached() {
        try (GitHistory git = GitHistory.open(repo, true)) {
            return git.read(null, null, Policy.defaults()).changes().size();
        }
    }

    @Benchmark
    public Report govCheck() {
        return Governor.builder().repository(repo).since(Instant.EPOCH).build().check();
    }

    @Benchmark
    public long cGitLog() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "log", "--first-parent", "--name-status", "-M", "main")
                .directory(repo.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream out = p.getInputStream()) {
            for (int n = out.read(buffer); n >= 0; n = out.read(buffer)) {
                bytes += n;
            }
        }
        if (p.waitFor() != 0) {
            throw new UncheckedIOException(new IOException("git log failed in " + repo + " (exit " + p.exitValue() + ")"));
        }
        return bytes;
    }
}
