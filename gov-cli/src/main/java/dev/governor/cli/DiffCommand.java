package dev.governor.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.governor.adapters.contract.SpecDiff;
import dev.governor.adapters.contract.SpecDiffs;
import dev.governor.api.ContractDiff;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gov diff BASE REVISION}: the breaking-change diff of two contract files (OpenAPI 2.0/3.x or JSON
 * Schema, YAML or JSON), the standalone check that users of oasdiff and openapi-diff expect. Exit 1 when a
 * difference breaks clients (or any differs, with {@code --fail-on any}), 0 when none, 2 when a file does not
 * parse.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Diff two versions of a contract (OpenAPI 2.0/3.x or JSON Schema, YAML or JSON): each difference"
                + " with its JSON pointer, kind and whether it breaks clients.",
        footer = {"", "Exit codes: 0 nothing breaks, 1 a difference breaks clients (any difference with --fail-on any),"
                + " 2 a file does not parse.",
                "Ignore file lines: KIND POINTER [until YYYY-MM-DD] -- reason   (# comments; the reason is required)",
                "", "Example:", "  gov diff main/contracts/orders.yaml contracts/orders.yaml --ignore contracts/accepted.txt"})
final class DiffCommand implements Callable<Integer> {

    enum Format { TEXT, JSON, MARKDOWN }

    enum FailOn { BREAKING, ANY }

    @ParentCommand
    private GovCommand gov;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE", description = "The spec as it was (the contract clients hold).")
    private Path base;

    @Parameters(index = "1", paramLabel = "REVISION", description = "The spec as it will be.")
    private Path revision;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or markdown (default: text).")
    private Format format;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "breaking",
            description = "Exit 1 on a breaking difference (breaking, the default) or on any difference (any).")
    private FailOn failOn;

    @Option(names = "--ignore", paramLabel = "FILE",
            description = "Accepted differences, one a line: KIND POINTER [until YYYY-MM-DD] -- reason.")
    private Path ignore;

    /** One difference with the ignore line that accepts it, if any. */
    record Difference(ContractDiff.Item item, DiffIgnores.Line waiver) {}

    /** What the diff found, after the ignore file. */
    record Outcome(SpecDiff diff, List<Difference> differences, List<DiffIgnores.Line> expired,
                   List<DiffIgnores.Line> stale) {
        boolean breaking() {
            return differences.stream().anyMatch(d -> d.waiver() == null && d.item().breaking());
        }

        boolean any() {
            return differences.stream().anyMatch(d -> d.waiver() == null);
        }
    }

    @Override
    public Integer call() {
        DiffIgnores ignores = ignore == null ? DiffIgnores.NONE : DiffIgnores.read(ignore);
        LocalDate today = LocalDate.ofInstant(gov.environment().clock().instant(), ZoneOffset.UTC);
        Outcome outcome = outcome(SpecDiffs.diff(base, revision), ignores, today);
        String document = switch (format) {
            case JSON -> json(outcome);
            case MARKDOWN -> markdown(outcome);
            case TEXT -> text(outcome);
        };
        Output.write(document, null, spec.commandLine().getOut());
        boolean fails = failOn == FailOn.ANY ? outcome.any() : outcome.breaking();
        return fails ? Main.ExitCodes.BLOCKING : Main.ExitCodes.OK;
    }

    static Outcome outcome(SpecDiff diff, DiffIgnores ignores, LocalDate today) {
        List<Difference> differences = new ArrayList<>();
        List<DiffIgnores.Line> used = new ArrayList<>();
        for (ContractDiff.Item item : diff.items()) {
            DiffIgnores.Line waiver = ignores.waiver(item, today);
            if (waiver != null && !used.contains(waiver)) {
                used.add(waiver);
            }
            differences.add(new Difference(item, waiver));
        }
        List<DiffIgnores.Line> expired = new ArrayList<>();
        List<DiffIgnores.Line> stale = new ArrayList<>();
        for (DiffIgnores.Line line : ignores.lines()) {
            if (line.expired(today)) {
                expired.add(line);
            } else if (!used.contains(line)) {
                stale.add(line);
            }
        }
        return new Outcome(diff, differences, expired, stale);
    }

    static String text(Outcome o) {
        StringBuilder out = new StringBuilder();
        int breaking = 0;
        int compatible = 0;
        int ignored = 0;
        for (Difference d : o.differences()) {
            ContractDiff.Item item = d.item();
            String label = d.waiver() != null ? "IGNORED" : item.breaking() ? "BREAKING" : "ok";
            if (d.waiver() != null) {
                ignored++;
            } else if (item.breaking()) {
                breaking++;
            } else {
                compatible++;
            }
            out.append(String.format("%-8s  %s  %s%n", label, item.kind(), pointer(item.pointer())));
            out.append("    ").append(item.message()).append('\n');
            if (d.waiver() != null) {
                out.append("    ignored: ").append(d.waiver().reason())
                        .append(d.waiver().until() == null ? "" : " (until " + d.waiver().until() + ")").append('\n');
            }
        }
        for (DiffIgnores.Line line : o.expired()) {
            out.append("expired ignore line ").append(line.number()).append(": ").append(line.text())
                    .append(" (no longer applies: renew or remove it)\n");
        }
        for (DiffIgnores.Line line : o.stale()) {
            out.append("stale ignore line ").append(line.number()).append(": ").append(line.text())
                    .append(" (matches no difference: remove it)\n");
        }
        SpecDiff diff = o.diff();
        out.append(breaking).append(" breaking, ").append(compatible).append(" compatible, ").append(ignored)
                .append(" ignored · ").append(diff.format()).append(' ').append(version(diff.oldVersion())).append(" → ")
                .append(version(diff.newVersion())).append('\n');
        return out.toString().replace("\r\n", "\n");
    }

    static String markdown(Outcome o) {
        StringBuilder out = new StringBuilder();
        SpecDiff diff = o.diff();
        out.append(o.breaking() ? "**Breaking:** " : "**Not breaking:** ").append('`').append(diff.base()).append("` → `")
                .append(diff.revision()).append("` (").append(diff.format()).append(' ').append(version(diff.oldVersion()))
                .append(" → ").append(version(diff.newVersion())).append(")\n\n");
        if (o.differences().isEmpty()) {
            out.append("No differences.\n");
        } else {
            out.append("| | kind | pointer | what |\n| --- | --- | --- | --- |\n");
            for (Difference d : o.differences()) {
                String mark = d.waiver() != null ? "ignored" : d.item().breaking() ? "**breaking**" : "ok";
                out.append("| ").append(mark).append(" | `").append(d.item().kind()).append("` | `")
                        .append(cell(pointer(d.item().pointer()))).append("` | ").append(cell(d.item().message()))
                        .append(d.waiver() == null ? "" : " (ignored: " + cell(d.waiver().reason()) + ")").append(" |\n");
            }
        }
        for (DiffIgnores.Line line : o.expired()) {
            out.append("\n- expired ignore line ").append(line.number()).append(": `").append(line.text()).append('`');
        }
        for (DiffIgnores.Line line : o.stale()) {
            out.append("\n- stale ignore line ").append(line.number()).append(": `").append(line.text()).append('`');
        }
        if (!o.expired().isEmpty() || !o.stale().isEmpty()) {
            out.append('\n');
        }
        return out.toString();
    }

    /** The document of spec/cli.md, with the ignore file's expired and stale lines after it. */
    static String json(Outcome o) {
        StringWriter out = new StringWriter();
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator json = new JsonFactory().createGenerator(out).setPrettyPrinter(pretty)) {
            json.writeStartObject();
            json.writeStringField("base", o.diff().base());
            json.writeStringField("revision", o.diff().revision());
            json.writeBooleanField("breaking", o.breaking());
            json.writeArrayFieldStart("differences");
            for (Difference d : o.differences()) {
                json.writeStartObject();
                json.writeStringField("kind", d.item().kind());
                json.writeStringField("pointer", d.item().pointer());
                json.writeBooleanField("breaking", d.item().breaking());
                json.writeStringField("message", d.item().message());
                if (d.waiver() == null) {
                    json.writeNullField("waiver");
                } else {
                    json.writeObjectFieldStart("waiver");
                    json.writeStringField("reason", d.waiver().reason());
                    json.writeStringField("until", d.waiver().until() == null ? null : d.waiver().until().toString());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            lines(json, "expired", o.expired());
            lines(json, "stale", o.stale());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void lines(JsonGenerator json, String field, List<DiffIgnores.Line> lines) throws IOException {
        json.writeArrayFieldStart(field);
        for (DiffIgnores.Line line : lines) {
            json.writeStartObject();
            json.writeNumberField("line", line.number());
            json.writeStringField("kind", line.kind());
            json.writeStringField("pointer", line.pointer());
            json.writeStringField("until", line.until() == null ? null : line.until().toString());
            json.writeStringField("reason", line.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static String pointer(String pointer) {
        return pointer.isEmpty() ? "/" : pointer;
    }

    private static String version(String v) {
        return v == null ? "(none)" : v;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
