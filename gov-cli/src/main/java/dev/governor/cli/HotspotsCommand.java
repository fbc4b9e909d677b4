package dev.governor.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.governor.Governor;
import dev.governor.Scope;
import dev.governor.api.policy.HotspotPolicy;
import dev.governor.packs.intent.HotspotStatus;
import dev.governor.packs.intent.IntentPack;
import dev.governor.api.Durations;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gov hotspots}: the seed's weekly query, files by tactical fixes in the window, locked ones first. */
@Command(name = "hotspots", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        footerHeading = "%nExamples:%n",
        footer = {
            "  gov hotspots                     files with tactical fixes, locked first",
            "  gov hotspots --top 10 --since 30d",
            "  gov hotspots --format json"},
        description = "List files by tactical fixes within the hotspot window, locked files first.")
final class HotspotsCommand implements Callable<Integer> {

    @ParentCommand
    private GovCommand gov;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RepoOption repo;

    @Option(names = "--window", paramLabel = "DURATION",
            description = "Count tactical fixes within this span (7d, 36h, 2w, P7D; default: the policy's hotspot.window)."
                    + " It also changes which files lock, as hotspot.window does.")
    private String window;

    @Option(names = "--since", paramLabel = "DATE|DURATION",
            description = "Count tactical fixes from this date (2026-01-01) or this long ago (30d) instead of within the"
                    + " window. Locks are shown however old: they are what check enforces.")
    private String since;

    @Option(names = "--top", paramLabel = "N", description = "Show only the first N files.")
    private Integer top;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: text).")
    private Format format;

    /** The output formats of {@code gov hotspots}. */
    enum Format { TEXT, JSON }

    @Override
    @SuppressWarnings("try") // the status line lives exactly as long as the work; the body need not touch it
    public Integer call() {
        if (top != null && top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1, was " + top);
        }
        Clock clock = gov.environment().clock();
        Path root = repo.repository();
        Governor.Builder builder = Governor.builder().repository(root).clock(clock);
        if (window != null) {
            Duration span;
            try {
                span = Durations.parse(window);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--window: " + e.getMessage());
            }
            builder.configure(HotspotPolicy.SECTION, h -> h.withWindow(span));
        }
        Instant from = null;
        if (since != null) {
            try {
                from = Since.parse(since, clock);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--since: " + e.getMessage());
            }
        }
        Governor governor;
        List<HotspotStatus> all;
        try (Progress progress = Progress.start(gov.environment(), spec.commandLine().getErr(),
                "reading the history of " + root)) {
            governor = builder.build();
            all = governor.evaluate(Scope.all(), IntentPack.HOTSPOTS).view(IntentPack.HOTSPOTS);
        }
        Instant countFrom = from;
        List<HotspotStatus> listed = all.stream()
                .map(h -> countFrom == null ? h : new HotspotStatus(h.path(), h.tacticalFixesSince(countFrom),
                        h.counted(), h.locked(), h.lockedAt(), h.lockedBy(), h.tacticalFixes()))
                .filter(h -> h.locked() || h.recentTactical() > 0)
                .sorted(HotspotStatus.ORDER)
                .toList();
        List<HotspotStatus> shown = listed.stream().limit(top != null ? top : Long.MAX_VALUE).toList();
        Duration span = governor.policy().section(HotspotPolicy.SECTION).window();
        Instant now = clock.instant();
        String counting = from == null ? "within " + Durations.format(span) : "since " + TextReport.instant(from);
        String document = format == Format.JSON ? json(shown, span, now)
                : text(shown, listed.size(), (int) listed.stream().filter(HotspotStatus::locked).count(), counting);
        Output.write(document, null, spec.commandLine().getOut());
        return Main.ExitCodes.OK;
    }

    /**
     * The listing, then a summary of what it was cut from: {@code 3 of 120 files with tactical fixes within 7d
     * · 5 locked}.
     */
    static String text(List<HotspotStatus> hotspots, int total, int locked, String counting) {
        StringBuilder out = new StringBuilder();
        int width = 1;
        for (HotspotStatus h : hotspots) {
            width = Math.max(width, String.valueOf(h.recentTactical()).length());
        }
        for (HotspotStatus h : hotspots) {
            String count = String.valueOf(h.recentTactical());
            out.append(h.locked() ? "LOCKED  " : "        ")
                    .append(" ".repeat(width - count.length())).append(count).append("  ").append(h.path());
            if (h.locked()) {
                out.append("  locked");
                if (h.lockedAt() != null) {
                    out.append(' ').append(TextReport.instant(h.lockedAt()));
                }
                if (!h.lockedBy().isEmpty()) {
                    out.append(" by ").append(String.join(", ", h.lockedBy()));
                }
            }
            out.append('\n');
        }
        if (hotspots.size() < total) {
            out.append(hotspots.size()).append(" of ");
        }
        out.append(total).append(total == 1 ? " file" : " files")
                .append(" locked or with tactical fixes ").append(counting)
                .append(" · ").append(locked).append(" locked").append('\n');
        return out.toString();
    }

    static String json(List<HotspotStatus> hotspots, Duration window, Instant now) {
        StringWriter out = new StringWriter();
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator json = new JsonFactory().createGenerator(out).setPrettyPrinter(pretty)) {
            json.writeStartObject();
            json.writeArrayFieldStart("hotspots");
            for (HotspotStatus h : hotspots) {
                json.writeStartObject();
                json.writeStringField("path", h.path());
                json.writeNumberField("tacticalFixes", h.recentTactical());
                json.writeBooleanField("locked", h.locked());
                json.writeStringField("lockedAt", h.lockedAt() == null ? null : TextReport.instant(h.lockedAt()));
                writeStrings(json, "lockedBy", h.lockedBy());
                writeStrings(json, "counted", h.counted());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("window", Durations.iso(window));
            json.writeStringField("evaluatedAt", TextReport.instant(now));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }

}
