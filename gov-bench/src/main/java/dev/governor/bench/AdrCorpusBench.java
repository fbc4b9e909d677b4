package dev.governor.bench;

import dev.governor.adapters.change.AdrReader;
import dev.governor.api.Adr;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading a corpus of ADRs: {@code adrs} generated files, a third in each form (Nygard with adr-tools'
 * supersession lines, MADR with YAML front matter, the three-line form with a boundary), each with a few
 * paragraphs. Governor's {@link AdrReader} against the baseline of the same run: CommonMark parsing the
 * same texts and nothing else, the least any Markdown reader of them must do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class AdrCorpusBench {

    /** The number of ADRs in the corpus. */
    @Param({"1000"})
    public int adrs;

    private List<String> paths;
    private List<String> texts;
    private final Parser commonmark = Parser.builder().build();

    @Setup
    public void corpus() {
        Random random = new Random(42);
        paths = new ArrayList<>();
        texts = new ArrayList<>();
        for (int n = 1; n <= adrs; n++) {
            paths.add(String.format("docs/adr/%04d-decision-%d.md", n, n));
            texts.add(text(n, random));
        }
    }

    static String text(int n, Random random) {
        String para = "We weigh option " + random.nextInt(100) + " against the others. It costs a day a week to run, "
                + "and the team that owns it releases weekly. ";
        String body = para.repeat(2 + random.nextInt(4));
        return switch (n % 3) {
            case 0 -> "# " + n + ". Decision " + n + "\n\nDate: 2025-01-0" + (1 + n % 9) + "\n\n## Status\n\n"
                    + (n > 3 && n % 7 == 0 ? "Superceded by [" + (n + 1) + ". Next](" + String.format("%04d", n + 1)
                    + "-next.md)" : "Accepted\n\nSupercedes [" + (n - 1) + ". Prev](" + String.format("%04d", n - 1)
                    + "-prev.md)") + "\n\n## Context\n\n" + body + "\n\n## Decision\n\nWe choose " + n
                    + ".\n\n## Consequences\n\n" + body + "\n";
            case 1 -> "---\nstatus: " + (n % 5 == 0 ? "\"superseded by ADR-" + (n + 3) + "\"" : "accepted")
                    + "\ndate: 2025-02-1" + (n % 9) + "\ndecision-makers: team " + n % 4 + "\n---\n# Decision " + n
                    + "\n\n## Context and Problem Statement\n\n" + body + "\n\n## Considered Options\n\n* one\n* two\n\n"
                    + "## Decision Outcome\n\nChosen option: \"one\", because " + body + "\n\n### Consequences\n\n"
                    + "* Good, because it is simple.\n";
            default -> "---\nstatus: accepted\nboundary:\n  removed: [\"services/s" + n + "/**\"]\n  moved-to: "
                    + "\"github.com/acme/s" + n + "\"\n---\n# Extract s" + n + "\n\n## Decision\n\nMove s" + n
                    + " out.\n\n## Reason\n\n" + body + "\n";
        };
    }

    /** Governor: every ADR read into its fact (front matter, sections, supersession, boundary). */
    @Benchmark
    public void adrReader(Blackhole bh) {
        for (int i = 0; i < texts.size(); i++) {
            Adr adr = AdrReader.read(paths.get(i), texts.get(i));
            bh.consume(adr);
        }
    }

    /** The baseline: CommonMark parsing the same texts, nothing read from them. */
    @Benchmark
    public void commonmarkParseOnly(Blackhole bh) {
        for (String text : texts) {
            Node doc = commonmark.parse(text);
            bh.consume(doc);
        }
    }
}
