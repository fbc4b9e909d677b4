package dev.governor.bench;

import dev.governor.adapters.change.ChangeFactSource;
import dev.governor.adapters.git.GitHistory;
import dev.governor.adapters.git.GitHistoryProvider;
import dev.governor.api.BoundaryChange;
import dev.governor.api.FactContext;
import dev.governor.api.Facts;
import dev.governor.api.History;
import dev.governor.api.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Change layer's facts over a long history: {@link ChangeFactSource} on an already-open history of
 * {@code commits} commits of Maven services ({@link ServiceRepoGenerator}: a boundary reshaped every 250th
 * commit, an ADR every 500th), that is, ADRs read at every change that touches one and every change with a
 * rename or delete classified from its trees. The baseline of the same run is reading that history itself
 * (every commit's diff with renames, from the fact cache as a second run of {@code gov check} does): what
 * the Change layer adds is the ratio of the two.
 *
 * <p>The repository is {@code -Dgov.bench.servicesRepo=DIR}, or one generated under gov-bench/target.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class BoundaryBench {

    /** The number of commits generated when no repository is given. */
    @Param({"50000"})
    public int commits;

    private Path repo;
    private History history;
    private FactContext context;

    @Setup
    public void repository() throws IOException, InterruptedException {
        String given = System.getProperty("gov.bench.servicesRepo");
        repo = given != null ? Path.of(given) : Path.of("gov-bench/target/bench-data/services-" + commits);
        if (!Files.exists(repo)) {
            ServiceRepoGenerator.write(repo, commits, 42);
        }
        history = read();
        context = new FactContext(repo, null, null, Instant.now(), Policy.defaults(), history);
        Facts facts = new ChangeFactSource().read(context);
        if (facts.of(BoundaryChange.class).isEmpty()) {
            throw new IllegalStateException(repo + " has no boundary changes: generate it with ServiceRepoGenerator");
        }
    }

    private History read() {
        History h = new GitHistoryProvider().open(repo, null, null, Policy.defaults());
        h.changes();
        return h;
    }

    /**
     * The baseline: the governed history read from the repository (every commit's files with renames), its
     * fact cache warm as on a second run of {@code gov check}; the shared in-memory history is bypassed.
     */
    @Benchmark
    public int historyRead() {
        try (GitHistory git = GitHistory.open(repo, true)) {
            return git.read(null, null, Policy.defaults()).changes().size();
        }
    }

    /** The Change layer's facts on the open history: ADRs at each change, boundaries classified. */
    @Benchmark
    public Facts changeFacts() {
        return new ChangeFactSource().read(context);
    }
}
