package dev.governor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.governor.api.Facts;
import dev.governor.api.Ref;
import dev.governor.pack.ContextEntry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a change to some paths must know, before it is made: each pack in force tells its part (the Intent
 * pack the locks and hotspot counts, the Change pack the covering ADRs, boundaries and recent reverts, the
 * Contract pack the contracts and their consumers, the Release pack the open blockers, the Learning pack a
 * release blocker of the week; a pack of one's own its own). The cross-session memory a person or an AI coding
 * session reads before editing; {@code gov context} prints it, the MCP {@code context} tool returns its JSON.
 *
 * <pre>{@code
 * Context context = governor.context(List.of("src/pay/Ledger.java"));
 * System.out.print(context.toText());
 * String forTools = context.toJson();       // deterministic: same repository, policy and clock, same bytes
 * }</pre>
 */
public final class Context {
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * One path asked about, as the branch's head has it.
     *
     * @param path the path, relative to the repository root
     * @param head {@code file}, {@code directory}, {@code missing} (not in the head: it may be about to be created)
     *             or {@code unknown} (no repository read)
     */
    public record Path(String path, String head) {
        public Path {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(head, "head");
        }

        /** Whether the head has a file or directory at this path. */
        public boolean exists() {
            return head.equals("file") || head.equals("directory");
        }
    }

    private final List<Path> paths;
    private final Map<String, List<ContextEntry>> byPack;
    private final Instant evaluatedAt;
    private final Instant recentSince;
    private final Facts.Origin repository;

    Context(List<Path> paths, Map<String, List<ContextEntry>> byPack, Instant evaluatedAt, Instant recentSince,
            Facts.Origin repository) {
        this.paths = List.copyOf(paths);
        Map<String, List<ContextEntry>> copy = new LinkedHashMap<>();
        byPack.forEach((pack, entries) -> copy.put(pack, List.copyOf(entries)));
        this.byPack = Collections.unmodifiableMap(copy);
        this.evaluatedAt = evaluatedAt;
        this.recentSince = recentSince;
        this.repository = repository;
    }

    /** The paths asked about, in the order asked. */
    public List<Path> paths() {
        return paths;
    }

    /** Each pack in force, in run order, with what it told (an empty list when it had nothing to tell). */
    public Map<String, List<ContextEntry>> byPack() {
        return byPack;
    }

    /** Every entry, pack by pack. */
    public List<ContextEntry> entries() {
        return byPack.values().stream().flatMap(List::stream).toList();
    }

    /** The entries of one pack; empty when it is not in force or told nothing. */
    public List<ContextEntry> of(String pack) {
        return byPack.getOrDefault(pack, List.of());
    }

    /** The clock's reading for the run. */
    public Instant evaluatedAt() {
        return evaluatedAt;
    }

    /** Where "recent" starts (reverts, open blockers): the Governor's {@code since}, else 90 days before now. */
    public Instant recentSince() {
        return recentSince;
    }

    /** The repository state read, or {@code null} when none was read. */
    public Facts.Origin repository() {
        return repository;
    }

    /**
     * For people: the paths (saying which the head does not have), then each pack's entries under its id.
     *
     * <pre>
     * context of src/pay/Ledger.java at main 3f2a9c1e07b4, 2026-11-10T12:00:00Z (recent: since 2026-08-12)
     *   src/pay/Ledger.java
     *
     * intent
     *   lock     src/pay/Ledger.java is locked since 2026-11-06 by a hotspot (#412, #418, #421): …
     * change
     *   nothing to know
     * </pre>
     */
    public String toText() {
        StringBuilder out = new StringBuilder("context of ");
        out.append(String.join(", ", paths.stream().map(Path::path).toList()));
        if (repository != null) {
            out.append(" at ").append(repository.branch()).append(' ')
                    .append(repository.head(), 0, Math.min(12, repository.head().length()));
        }
        out.append(", ").append(instant(evaluatedAt)).append(" (recent: since ")
                .append(instant(recentSince), 0, 10).append(")\n");
        for (Path p : paths) {
            out.append("  ").append(p.path());
            switch (p.head()) {
                case "directory" -> out.append("/ (a directory: everything under it)");
                case "missing" -> out.append("  (not in the head: about to be created?)");
                case "unknown" -> out.append("  (no repository read)");
                default -> { }
            }
            out.append('\n');
        }
        int width = 1;
        for (ContextEntry e : entries()) {
            width = Math.max(width, e.kind().length());
        }
        for (Map.Entry<String, List<ContextEntry>> pack : byPack.entrySet()) {
            out.append('\n').append(pack.getKey()).append('\n');
            if (pack.getValue().isEmpty()) {
                out.append("  nothing to know\n");
            }
            for (ContextEntry e : pack.getValue()) {
                out.append("  ").append(e.kind()).append(" ".repeat(width - e.kind().length() + 2))
                        .append(e.text()).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * For tools: {@code {"paths": [{"path", "head"}], "repository": {"head", "branch"} | null, "evaluatedAt",
     * "recentSince", "packs": [{"pack", "entries": [{"kind", "path", "text", "details": {…}, "evidence": [refs]}]}]}},
     * packs in run order, two-space indented, ending with a newline. Evidence references are written as in the
     * JSON report ({@code kind}, {@code id}, {@code at}, {@code detail}).
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator json = JSON.createGenerator(out).setPrettyPrinter(pretty)) {
            json.writeStartObject();
            json.writeArrayFieldStart("paths");
            for (Path p : paths) {
                json.writeStartObject();
                json.writeStringField("path", p.path());
                json.writeStringField("head", p.head());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (repository == null) {
                json.writeNullField("repository");
            } else {
                json.writeObjectFieldStart("repository");
                json.writeStringField("head", repository.head());
                json.writeStringField("branch", repository.branch());
                json.writeEndObject();
            }
            json.writeStringField("evaluatedAt", instant(evaluatedAt));
            json.writeStringField("recentSince", instant(recentSince));
            json.writeArrayFieldStart("packs");
            for (Map.Entry<String, List<ContextEntry>> pack : byPack.entrySet()) {
                json.writeStartObject();
                json.writeStringField("pack", pack.getKey());
                json.writeArrayFieldStart("entries");
                for (ContextEntry e : pack.getValue()) {
                    writeEntry(json, e);
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

    private static void writeEntry(JsonGenerator json, ContextEntry e) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", e.kind());
        json.writeStringField("path", e.path());
        json.writeStringField("text", e.text());
        json.writeObjectFieldStart("details");
        for (Map.Entry<String, Object> d : e.details().entrySet()) {
            json.writeFieldName(d.getKey());
            Object v = d.getValue();
            if (v == null) {
                json.writeNull();
            } else if (v instanceof Boolean b) {
                json.writeBoolean(b);
            } else if (v instanceof Integer i) {
                json.writeNumber(i);
            } else if (v instanceof Long l) {
                json.writeNumber(l);
            } else if (v instanceof Instant at) {
                json.writeString(instant(at));
            } else if (v instanceof List<?> list) {
                json.writeStartArray();
                for (Object item : list) {
                    json.writeString((String) item);
                }
                json.writeEndArray();
            } else {
                json.writeString(v.toString());
            }
        }
        json.writeEndObject();
        json.writeArrayFieldStart("evidence");
        for (Ref ref : e.evidence()) {
            json.writeStartObject();
            json.writeStringField("kind", ref.kind().id());
            json.writeStringField("id", ref.id());
            json.writeStringField("at", ref.at() == null ? null : instant(ref.at()));
            json.writeStringField("detail", ref.detail());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static String instant(Instant at) {
        return Report.instant(at);
    }
}
