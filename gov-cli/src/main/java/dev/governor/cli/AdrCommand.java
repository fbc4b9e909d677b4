package dev.governor.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.governor.Governor;
import dev.governor.Scope;
import dev.governor.api.Policy;
import dev.governor.packs.change.AdrStatus;
import dev.governor.packs.change.ChangePack;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gov adr}: the ADRs at the branch's head with their status, supersession chain and boundaries, the
 * durable memory an AI session reads before it moves code across a boundary.
 *
 * <pre>{@code
 * gov adr --format json
 * }</pre>
 */
@Command(name = "adr", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "List the ADRs with their status, supersession chain and boundaries.")
final class AdrCommand implements Callable<Integer> {

    @ParentCommand
    private GovCommand gov;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RepoOption repo;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: text).")
    private CheckCommand.Format format;

    @Override
    @SuppressWarnings("try") // the status line lives exactly as long as the work
    public Integer call() {
        if (format != CheckCommand.Format.TEXT && format != CheckCommand.Format.JSON) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format: gov adr prints text or json");
        }
        Clock clock = gov.environment().clock();
        Path root = repo.repository();
        List<AdrStatus> adrs;
        try (Progress progress = Progress.start(gov.environment(), spec.commandLine().getErr(),
                "reading the ADRs of " + root)) {
            Policy policy = Governor.builder().repository(root).clock(clock).build().policy();
            // the listing is the Change layer's view, whatever layers the policy has adopted so far
            Governor governor = Governor.builder().repository(root).clock(clock)
                    .policy(policy.toBuilder().layers(Set.of("change")).build()).build();
            adrs = governor.evaluate(Scope.all(), ChangePack.ADRS).view(ChangePack.ADRS);
        }
        List<AdrStatus> sorted = new ArrayList<>(adrs);
        sorted.sort((a, b) -> a.path().compareTo(b.path()));
        String document = format == CheckCommand.Format.JSON ? json(sorted) : text(sorted);
        Output.write(document, null, spec.commandLine().getOut());
        return Main.ExitCodes.OK;
    }

    /** One block per ADR, then a count by status. */
    static String text(List<AdrStatus> adrs) {
        StringBuilder out = new StringBuilder();
        Map<String, AdrStatus> byName = new HashMap<>();
        for (AdrStatus a : adrs) {
            byName.put(name(a), a);
        }
        for (AdrStatus a : adrs) {
            out.append(a.number() == null ? "-" : String.format("%04d", a.number())).append("  ")
                    .append(String.format("%-11s", a.status() == null ? "(no status)" : a.status())).append(' ')
                    .append(a.title() == null ? "(no title)" : a.title()).append("  ").append(a.path()).append('\n');
            if (!a.supersedes().isEmpty()) {
                out.append("      supersedes ").append(String.join(", ", a.supersedes())).append('\n');
            }
            if (!a.supersededBy().isEmpty()) {
                out.append("      superseded by ").append(chain(a, byName)).append('\n');
            }
            if (a.hasBoundary()) {
                out.append("      boundary: removed ").append(a.removed().isEmpty() ? "(nothing)" : String.join(", ", a.removed()));
                if (a.movedTo() != null) {
                    out.append(", moved to ").append(a.movedTo());
                }
                out.append('\n');
            }
            if (!a.problems().isEmpty()) {
                out.append("      problems: ").append(String.join("; ", a.problems())).append('\n');
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (AdrStatus a : adrs) {
            counts.merge(a.status() == null ? "no status" : a.status(), 1, Integer::sum);
        }
        out.append(adrs.size()).append(adrs.size() == 1 ? " ADR" : " ADRs");
        counts.forEach((status, n) -> out.append(" · ").append(n).append(' ').append(status));
        out.append('\n');
        return out.toString();
    }

    /** The chain of supersession from an ADR to the one in force: {@code 4 → 5}. */
    private static String chain(AdrStatus start, Map<String, AdrStatus> byName) {
        List<String> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(name(start));
        AdrStatus at = start;
        while (at != null && !at.supersededBy().isEmpty()) {
            String next = at.supersededBy().get(0);
            steps.add(at == start ? String.join(", ", at.supersededBy()) : next);
            if (!seen.add(next)) {
                break; // a cycle: say it once
            }
            at = byName.get(next);
        }
        return String.join(" → ", steps);
    }

    private static String name(AdrStatus a) {
        return a.number() != null ? String.valueOf(a.number()) : a.path();
    }

    /** {@code {"adrs": [ … ]}}, as cli.md fixes it: one object per ADR file in path order. */
    static String json(List<AdrStatus> adrs) {
        StringWriter out = new StringWriter();
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator json = new JsonFactory().createGenerator(out).setPrettyPrinter(pretty)) {
            json.writeStartObject();
            json.writeArrayFieldStart("adrs");
            for (AdrStatus a : adrs) {
                json.writeStartObject();
                json.writeStringField("path", a.path());
                if (a.number() == null) {
                    json.writeNullField("number");
                } else {
                    json.writeNumberField("number", a.number());
                }
                json.writeStringField("title", a.title());
                json.writeStringField("status", a.status());
                json.writeStringField("date", a.date() == null ? null : a.date().toString());
                references(json, "supersedes", a.supersedes());
                references(json, "supersededBy", a.supersededBy());
                if (a.hasBoundary()) {
                    json.writeObjectFieldStart("boundary");
                    json.writeArrayFieldStart("removed");
                    for (String glob : a.removed()) {
                        json.writeString(glob);
                    }
                    json.writeEndArray();
                    json.writeStringField("moved-to", a.movedTo());
                    json.writeEndObject();
                } else {
                    json.writeNullField("boundary");
                }
                json.writeArrayFieldStart("problems");
                for (String p : a.problems()) {
                    json.writeString(p);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /** ADR numbers as numbers, paths as strings. */
    private static void references(JsonGenerator json, String field, List<String> refs) throws IOException {
        json.writeArrayFieldStart(field);
        for (String r : new LinkedHashSet<>(refs)) {
            if (r.matches("[0-9]{1,9}")) {
                json.writeNumber(Integer.parseInt(r));
            } else {
                json.writeString(r);
            }
        }
        json.writeEndArray();
    }
}
