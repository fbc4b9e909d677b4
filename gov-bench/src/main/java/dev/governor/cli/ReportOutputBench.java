package dev.governor.cli;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.api.Change;
import dev.governor.api.Facts;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code gov check} spends after the rules ran: the text and JSON (and SARIF) output of a report of
 * 100,000 findings, the first full-history check of a repository that never used trailers (every change
 * lacks a type and a risk: two warnings each). The baselines, measured in the same run: the rules themselves
 * ({@link #rules}), and the way output was written before issue 12 ({@code …AsString}: the whole document
 * built as one string, then printed). Output goes through a UTF-8 encoder to a discarding stream, as to a
 * pipe, so the encoding is paid and the disk is not. On a shared, busy machine read the CPU time of the
 * benchmark thread ({@code cpuMsPerOp}, summed over the measured iterations by JMH: divide by their number)
 * and the allocation per operation ({@code -prof gc}, {@code gc.alloc.rate.norm}) beside the wall time.
 *
 * <p>In package {@code dev.governor.cli} (of this module) to reach the command line's package-private
 * renderers: they are the command's internals, not API, and the benchmark measures exactly them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class ReportOutputBench {

    /** Half as many changes as findings: each change has two (intent.tag-missing, intent.risk-missing). */
    @Param({"100000"})
    public int findings;

    private Governor governor;
    private Report report;
    private RuleCatalog catalog;

    @Setup(Level.Trial)
    public void check() {
        Instant start = Instant.parse("2020-01-06T09:00:00Z");
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < findings / 2; i++) {
            changes.add(Change.builder("#" + (i + 1)).sha(String.format("%040x", i + 1))
                    .mergedAt(start.plus(Duration.ofMinutes(10L * i))).author("dev" + i % 7 + "@example.com")
                    .position(i).build());
        }
        governor = Governor.builder()
                .facts(Facts.builder().addAll(changes).repository("0123456789abcdef0123456789abcdef01234567", "main").build())
                .clock(Clock.fixed(start.plus(Duration.ofMinutes(10L * changes.size())), ZoneOffset.UTC))
                .withoutServiceLoadedSources()
                .build();
        report = governor.check();
        if (report.findings().size() != findings) {
            throw new IllegalStateException("expected " + findings + " findings, the check gave " + report.findings().size());
        }
        catalog = new RuleCatalog(governor.rules(), report.findings());
    }

    /**
     * CPU time of the benchmark thread per operation (GC and JIT threads excluded): a reading that other
     * processes on the machine disturb much less than wall time. JMH sums event counters over the measured
     * iterations.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private long nanos;
        private long ops;

        @Setup(Level.Iteration)
        public void reset() {
            nanos = 0;
            ops = 0;
        }

        long start() {
            return THREADS.getCurrentThreadCpuTime();
        }

        void stop(long started) {
            nanos += THREADS.getCurrentThreadCpuTime() - started;
            ops++;
        }

        public double cpuMsPerOp() {
            return ops == 0 ? 0 : nanos / 1e6 / ops;
        }
    }

    /** A pipe that reads everything: the UTF-8 encoding is paid, the disk is not. */
    private static Writer pipe() {
        return new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
    }

    /** As gov check's Output does: a 64 KiB buffer over the encoder. */
    private static Writer buffered() {
        return new BufferedWriter(pipe(), 1 << 16);
    }

    /** The baseline: the rules over 50,000 changes, what a check costs before any output. */
    @Benchmark
    public Report rules(Cpu cpu) {
        long started = cpu.start();
        Report checked = governor.check();
        cpu.stop(started);
        return checked;
    }

    /** Before: the JSON document built as one string (some 60 MB), then printed. */
    @Benchmark
    public int jsonAsString(Cpu cpu) throws IOException {
        long started = cpu.start();
        String json = report.toJson();
        try (Writer out = pipe()) {
            out.write(json);
        }
        cpu.stop(started);
        return json.length();
    }

    /** Now: {@code gov check --format json}, written as it is produced. */
    @Benchmark
    public void jsonStreamed(Cpu cpu) throws IOException {
        long started = cpu.start();
        try (Writer out = buffered()) {
            report.writeJson(out);
        }
        cpu.stop(started);
    }

    /** Before: every finding as text, built as one string, then printed. */
    @Benchmark
    public int textAllAsString(Cpu cpu) throws IOException {
        long started = cpu.start();
        String text = TextReport.render(report, catalog, 0);
        try (Writer out = pipe()) {
            out.write(text);
        }
        cpu.stop(started);
        return text.length();
    }

    /** {@code gov check --max-per-rule 0}: every finding as text, written as it is produced. */
    @Benchmark
    public void textAllStreamed(Cpu cpu) throws IOException {
        long started = cpu.start();
        try (Writer out = buffered()) {
            TextReport.write(report, catalog, 0, out);
        }
        cpu.stop(started);
    }

    /** Now: {@code gov check}, three findings a rule and a line for the rest. */
    @Benchmark
    public void textGrouped(Cpu cpu) throws IOException {
        long started = cpu.start();
        try (Writer out = buffered()) {
            TextReport.write(report, catalog, TextReport.DEFAULT_PER_RULE, out);
        }
        cpu.stop(started);
    }

    /** {@code gov check --format sarif}: every finding, written as it is produced. */
    @Benchmark
    public void sarifStreamed(Cpu cpu) throws IOException {
        long started = cpu.start();
        try (Writer out = buffered()) {
            SarifReport.write(report, catalog, out);
        }
        cpu.stop(started);
    }
}
