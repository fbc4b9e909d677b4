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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * What {@code gov check} spends after the rules ran: the text and JSON (and SARIF) output of a report of
 * 100,000 findings, the first full-history check of a repository that never used trailers (every change
 * lacks a type and a risk: two warnings each). The baselines, measured in the same run: the rules themselves
 * ({@link #rules}), and the way output was written before issue 12 ({@code …AsString}: the whole document
 * built as one string, then printed). Output goes through a UTF-8 encoder to a discarding stream, as to a
 * pipe, so the encoding is paid and the disk is not.
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
    public Report rules() {
        return governor.check();
    }

    /** Before: the JSON document built as one string (some 60 MB), then printed. */
    @Benchmark
    public int jsonAsString() throws IOException {
        String json = report.toJson();
        try (Writer out = pipe()) {
            out.write(json);
        }
        return json.length();
    }

    /** Now: {@code gov check --format json}, written as it is produced. */
    @Benchmark
    public void jsonStreamed() throws IOException {
        try (Writer out = buffered()) {
            report.writeJson(out);
        }
    }

    /** Before: every finding as text, built as one string, then printed. */
    @Benchmark
    public int textAllAsString() throws IOException {
        String text = TextReport.render(report, catalog, 0);
        try (Writer out = pipe()) {
            out.write(text);
        }
        return text.length();
    }

    /** {@code gov check --max-per-rule 0}: every finding as text, written as it is produced. */
    @Benchmark
    public void textAllStreamed() throws IOException {
        try (Writer out = buffered()) {
            TextReport.write(report, catalog, 0, out);
        }
    }

    /** Now: {@code gov check}, three findings a rule and a line for the rest. */
    @Benchmark
    public void textGrouped() throws IOException {
        try (Writer out = buffered()) {
            TextReport.write(report, catalog, TextReport.DEFAULT_PER_RULE, out);
        }
    }

    /** {@code gov check --format sarif}: every finding, written as it is produced. */
    @Benchmark
    public void sarifStreamed() throws IOException {
        try (Writer out = buffered()) {
            SarifReport.write(report, catalog, out);
        }
    }
}
