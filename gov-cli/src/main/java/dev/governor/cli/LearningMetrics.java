package dev.governor.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.governor.api.Finding;
import dev.governor.api.IsoWeek;
import dev.governor.api.policy.LearningPolicy;
import dev.governor.packs.learning.Metric;
import dev.governor.packs.learning.WeekValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code gov metrics} shows, in every format: each metric's value in each of the weeks shown, the weeks the
 * rules found degraded and the weeks they block releases in. The values come from the Learning pack's view, the
 * degraded and blocked weeks from its findings (after the policy): nothing here decides anything again.
 *
 * @param weeks    the ISO weeks shown, oldest first
 * @param series   one per metric, gated first, each with one cell per week
 * @param blockers the release blockers in the weeks shown
 * @param policy   the {@code learning:} settings in force
 * @param now      the clock's reading
 */
record LearningMetrics(List<IsoWeek> weeks, List<Series> series, List<Blocker> blockers, LearningPolicy policy,
                       Instant now) {

    static final String DEGRADED = "learning.metric-degraded";
    static final String BLOCKER = "learning.release-blocker";

    /** One metric over the weeks shown. */
    record Series(Metric metric, List<Cell> cells) {}

    /**
     * One metric in one week.
     *
     * @param value    the value, or {@code null} when the week has no value (no data, or too few data points for a
     *                 gated metric: {@code learning.minSamples})
     * @param samples  the data points behind it (0 when there are none)
     * @param degraded the {@code learning.metric-degraded} finding of this week, or {@code null}
     */
    record Cell(IsoWeek week, Double value, int samples, Finding degraded) {}

    /** A {@code learning.release-blocker} finding: releases are blocked in {@code week}. */
    record Blocker(IsoWeek week, Metric metric, List<String> degradedWeeks, String message) {}

    /**
     * The metrics of the {@code count} weeks up to the week of {@code now}, and of the week after it when releases
     * are blocked in it.
     */
    static LearningMetrics of(List<WeekValue> values, List<Finding> findings, LearningPolicy policy, Instant now,
                              int count) {
        IsoWeek current = IsoWeek.of(now);
        IsoWeek first = IsoWeek.ofIndex(current.index() - count + 1);
        List<Blocker> blockers = new ArrayList<>();
        Map<String, Finding> degraded = new HashMap<>();
        long last = current.index();
        for (Finding f : findings) {
            Metric metric = Metric.parse(f.subject().detail());
            if (metric == null) {
                continue;
            }
            IsoWeek week = IsoWeek.parse(f.subject().id());
            if (week.index() < first.index() || week.index() > current.index() + 1) {
                continue;
            }
            if (f.ruleId().equals(DEGRADED) && week.index() <= current.index()) {
                degraded.put(metric.id() + " " + week, f);
            } else if (f.ruleId().equals(BLOCKER)) {
                blockers.add(new Blocker(week, metric, f.evidence().stream().skip(1).map(r -> r.id()).toList(),
                        f.message()));
                last = Math.max(last, week.index());
            }
        }
        blockers.sort((a, b) -> a.week().compareTo(b.week()) != 0 ? a.week().compareTo(b.week())
                : a.metric().compareTo(b.metric()));
        List<IsoWeek> weeks = new ArrayList<>();
        for (long i = first.index(); i <= last; i++) {
            weeks.add(IsoWeek.ofIndex(i));
        }
        Map<String, WeekValue> byKey = new HashMap<>();
        for (WeekValue v : values) {
            byKey.put(v.metric().id() + " " + v.week(), v);
        }
        List<Series> series = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            List<Cell> cells = new ArrayList<>();
            for (IsoWeek week : weeks) {
                String key = metric.id() + " " + week;
                WeekValue v = byKey.get(key);
                boolean counted = v != null && (!metric.isGated() || v.samples() >= policy.minSamples());
                cells.add(new Cell(week, counted ? v.value() : null, v == null ? 0 : v.samples(), degraded.get(key)));
            }
            series.add(new Series(metric, cells));
        }
        return new LearningMetrics(List.copyOf(weeks), List.copyOf(series), List.copyOf(blockers), policy, now);
    }

    /** The gated metrics' series, in the order rules.md lists them. */
    List<Series> gated() {
        return series.stream().filter(s -> s.metric().isGated()).toList();
    }

    /** The information metrics' series. */
    List<Series> information() {
        return series.stream().filter(s -> !s.metric().isGated()).toList();
    }

    /** The blocker of this week and metric, or {@code null}. */
    Blocker blocker(IsoWeek week, Metric metric) {
        for (Blocker b : blockers) {
            if (b.week().equals(week) && b.metric() == metric) {
                return b;
            }
        }
        return null;
    }

    /**
     * A cell as the text table shows it: {@code 25.0% (8) *}, {@code - (2)} for a week with too few data points; a
     * count is its own number of data points.
     */
    static String cell(Metric metric, Cell c) {
        String shown = c.value() == null ? "-" : metric.format(c.value());
        boolean points = c.samples() > 0 && metric.unit() != Metric.Unit.COUNT;
        return (points ? shown + " (" + c.samples() + ")" : shown) + (c.degraded() != null ? " *" : "");
    }

    /** Two tables, week by week (gated metrics, then the others), and the blockers. */
    String text() {
        StringBuilder out = new StringBuilder();
        out.append("Learning metrics by ISO week (UTC), ").append(weeks.get(0)).append(" to ")
                .append(weeks.get(weeks.size() - 1)).append("; now is ").append(IsoWeek.of(now)).append('\n');
        out.append("value (data points); * worse than the week before (learning.metric-degraded); - no value\n\n");
        table(out, gated());
        out.append('\n');
        table(out, information());
        out.append('\n');
        if (blockers.isEmpty()) {
            out.append("no release blocker in these weeks");
        } else {
            for (Blocker b : blockers) {
                out.append("RELEASE BLOCKER  ").append(b.week()).append("  ").append(b.message()).append('\n');
            }
            out.append(blockers.size()).append(blockers.size() == 1 ? " release blocker" : " release blockers")
                    .append(" in these weeks");
        }
        out.append(" · learning.minSamples ").append(policy.minSamples()).append(" · learning.minRelativeChange ")
                .append(number(policy.minRelativeChange())).append('\n');
        return out.toString();
    }

    private void table(StringBuilder out, List<Series> columns) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("week");
        columns.forEach(s -> header.add(s.metric().title()));
        rows.add(header);
        for (int w = 0; w < weeks.size(); w++) {
            List<String> row = new ArrayList<>();
            row.add(weeks.get(w).id());
            for (Series s : columns) {
                row.add(cell(s.metric(), s.cells().get(w)));
            }
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 3));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** The JSON document of {@code gov metrics --format json} (docs/learning.md). */
    String json() {
        StringWriter out = new StringWriter();
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator json = new JsonFactory().createGenerator(out).setPrettyPrinter(pretty)) {
            json.writeStartObject();
            json.writeArrayFieldStart("weeks");
            for (IsoWeek w : weeks) {
                json.writeString(w.id());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("metrics");
            for (Series s : series) {
                json.writeStartObject();
                json.writeStringField("id", s.metric().id());
                json.writeStringField("title", s.metric().title());
                json.writeStringField("unit", s.metric().unit().name().toLowerCase(Locale.ROOT));
                json.writeBooleanField("gated", s.metric().isGated());
                json.writeArrayFieldStart("values");
                for (Cell c : s.cells()) {
                    json.writeStartObject();
                    json.writeStringField("week", c.week().id());
                    json.writeStringField("start", TextReport.instant(c.week().start()));
                    if (c.value() == null) {
                        json.writeNullField("value");
                    } else {
                        json.writeNumberField("value", rounded(c.value()));
                    }
                    json.writeNumberField("samples", c.samples());
                    json.writeBooleanField("degraded", c.degraded() != null);
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("blockers");
            for (Blocker b : blockers) {
                json.writeStartObject();
                json.writeStringField("week", b.week().id());
                json.writeStringField("metric", b.metric().id());
                json.writeArrayFieldStart("degradedWeeks");
                for (String w : b.degradedWeeks()) {
                    json.writeString(w);
                }
                json.writeEndArray();
                json.writeStringField("message", b.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("learning");
            json.writeNumberField("minSamples", policy.minSamples());
            json.writeNumberField("minRelativeChange", rounded(policy.minRelativeChange()));
            json.writeEndObject();
            json.writeStringField("evaluatedAt", TextReport.instant(now));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /** A value to six decimals, without trailing zeros: what a reader or a chart needs, the same every run. */
    static BigDecimal rounded(double value) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private static String number(double value) {
        return rounded(value).toPlainString();
    }
}
