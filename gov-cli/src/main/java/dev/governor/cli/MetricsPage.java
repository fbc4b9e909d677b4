package dev.governor.cli;

import dev.governor.api.IsoWeek;
import dev.governor.packs.learning.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * {@code gov metrics --format html}: one self-contained page that opens offline. A chart per gated metric over the
 * weeks (uPlot, inlined from its webjar), the degraded weeks shaded amber and the blocked week red, and the
 * numbers in a table under each chart; then the information metrics as a table. The data is the JSON of
 * {@code --format json}, embedded; a Content-Security-Policy forbids every fetch, so the page cannot reach the
 * network even by mistake.
 */
final class MetricsPage {
    private static final String WEBJAR = "META-INF/resources/webjars/uplot/";

    private MetricsPage() {
    }

    static String html(LearningMetrics m) {
        String first = m.weeks().get(0).id();
        String last = m.weeks().get(m.weeks().size() - 1).id();
        StringBuilder out = new StringBuilder(80_000);
        out.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; \
                style-src 'unsafe-inline'; img-src data:">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                """);
        out.append("<title>Learning metrics ").append(first).append(" to ").append(last).append(" · Governor</title>\n");
        out.append("<style>\n/* uPlot ").append(uplotVersion()).append(" (MIT License, github.com/leeoniya/uPlot) */\n")
                .append(resource("dist/uPlot.min.css")).append("\n</style>\n");
        out.append(STYLE);
        out.append("</head>\n<body>\n<header>\n<h1>Learning metrics</h1>\n");
        out.append("<p class=\"meta\">ISO weeks (UTC) ").append(first).append(" to ").append(last)
                .append(" · evaluated ").append(TextReport.instant(m.now()))
                .append(" · learning.minSamples ").append(m.policy().minSamples())
                .append(" · learning.minRelativeChange ").append(LearningMetrics.rounded(m.policy().minRelativeChange())
                        .toPlainString()).append("</p>\n");
        if (m.blockers().isEmpty()) {
            out.append("<p class=\"verdict ok\" id=\"verdict\">No release blocker in these weeks.</p>\n");
        } else {
            out.append("<ul class=\"verdict blocked\" id=\"verdict\">\n");
            for (LearningMetrics.Blocker b : m.blockers()) {
                out.append("<li data-week=\"").append(b.week()).append("\" data-metric=\"").append(b.metric().id())
                        .append("\"><strong>Release blocker ").append(b.week()).append("</strong>: ")
                        .append(escape(b.message())).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("<p class=\"legend\"><span class=\"swatch degraded\"></span> worse than the week before "
                + "(learning.metric-degraded) <span class=\"swatch blocker\"></span> releases blocked "
                + "(learning.release-blocker) · a gap in a line is a week with no value</p>\n</header>\n<main>\n");
        for (LearningMetrics.Series s : m.gated()) {
            chart(out, m, s);
        }
        information(out, m);
        out.append("</main>\n");
        out.append("<script type=\"application/json\" id=\"gov-metrics\">\n").append(jsonSafe(m.json()))
                .append("</script>\n");
        out.append("<script>\n/* uPlot ").append(uplotVersion()).append(" (MIT License, github.com/leeoniya/uPlot) */\n")
                .append(scriptSafe(resource("dist/uPlot.iife.min.js"))).append("\n</script>\n");
        out.append(SCRIPT);
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    /** A gated metric: its chart, then its numbers week by week. */
    private static void chart(StringBuilder out, LearningMetrics m, LearningMetrics.Series s) {
        Metric metric = s.metric();
        out.append("<section class=\"metric\" id=\"").append(metric.id()).append("\">\n<h2>").append(metric.title())
                .append("</h2>\n<p class=\"what\">").append(escape(metric.definition())).append(" (")
                .append(unit(metric)).append(")</p>\n");
        if (s.cells().stream().allMatch(c -> c.samples() == 0)) {
            out.append("<p class=\"empty\">No data in these weeks: it comes from ").append(escape(metric.source()))
                    .append(".</p>\n");
        }
        out.append("<div class=\"chart\" data-chart=\"").append(metric.id()).append("\" role=\"img\" aria-label=\"")
                .append(metric.title()).append(" by week\"></div>\n");
        out.append("<div class=\"scroll\"><table class=\"numbers\">\n<tr><th scope=\"row\">week</th>");
        for (IsoWeek w : m.weeks()) {
            out.append("<th scope=\"col\"").append(classes(m, s, w)).append(">").append(w).append("</th>");
        }
        out.append("</tr>\n<tr><th scope=\"row\">").append(metric.title()).append("</th>");
        for (LearningMetrics.Cell c : s.cells()) {
            out.append("<td").append(classes(m, s, c.week())).append(" data-week=\"").append(c.week()).append("\">")
                    .append(c.value() == null ? "&ndash;" : metric.format(c.value())).append("</td>");
        }
        out.append("</tr>\n<tr><th scope=\"row\">data points</th>");
        for (LearningMetrics.Cell c : s.cells()) {
            out.append("<td").append(classes(m, s, c.week())).append(">").append(c.samples()).append("</td>");
        }
        out.append("</tr>\n</table></div>\n");
        StringBuilder notes = new StringBuilder();
        for (LearningMetrics.Cell c : s.cells()) {
            if (c.degraded() != null) {
                notes.append("<li class=\"degraded\">").append(escape(c.degraded().message())).append("</li>\n");
            }
            LearningMetrics.Blocker b = m.blocker(c.week(), metric);
            if (b != null) {
                notes.append("<li class=\"blocker\">").append(escape(b.message())).append("</li>\n");
            }
        }
        if (notes.length() > 0) {
            out.append("<ul class=\"notes\">\n").append(notes).append("</ul>\n");
        }
        out.append("</section>\n");
    }

    /** The DORA keys shown and never gated: one table, weeks across. */
    private static void information(StringBuilder out, LearningMetrics m) {
        out.append("<section class=\"information\" id=\"information\">\n<h2>Also measured, never gated</h2>\n<ul class=\"what\">\n");
        for (LearningMetrics.Series s : m.information()) {
            out.append("<li><strong>").append(s.metric().title()).append("</strong>: ")
                    .append(escape(s.metric().definition())).append(" (").append(unit(s.metric())).append(")</li>\n");
        }
        out.append("</ul>\n<div class=\"scroll\"><table class=\"numbers\">\n<tr><th scope=\"row\">week</th>");
        for (IsoWeek w : m.weeks()) {
            out.append("<th scope=\"col\">").append(w).append("</th>");
        }
        out.append("</tr>\n");
        for (LearningMetrics.Series s : m.information()) {
            out.append("<tr><th scope=\"row\">").append(s.metric().title()).append("</th>");
            for (LearningMetrics.Cell c : s.cells()) {
                out.append("<td>").append(c.value() == null ? "&ndash;" : s.metric().format(c.value())).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table></div>\n</section>\n");
    }

    private static String classes(LearningMetrics m, LearningMetrics.Series s, IsoWeek week) {
        boolean degraded = s.cells().stream().anyMatch(c -> c.week().equals(week) && c.degraded() != null);
        boolean blocked = m.blocker(week, s.metric()) != null;
        if (!degraded && !blocked) {
            return "";
        }
        return " class=\"" + (degraded ? "degraded" : "") + (degraded && blocked ? " " : "") + (blocked ? "blocker" : "")
                + "\"";
    }

    private static String unit(Metric metric) {
        return switch (metric.unit()) {
            case RATIO -> "percent";
            case HOURS -> "hours";
            case COUNT -> "count";
        };
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Code inside a script element: no {@code </script>} may end it early ({@code <\/} reads the same in JS). */
    static String scriptSafe(String text) {
        return text.replace("</", "<\\/");
    }

    /**
     * JSON inside a script element: {@code <}, {@code >} and {@code &} occur only in its strings, where their
     * unicode escapes read the same, and then nothing in the data can end the element or open a comment.
     */
    static String jsonSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    static String uplotVersion() {
        try (InputStream in = MetricsPage.class.getResourceAsStream("uplot.properties")) {
            if (in == null) {
                throw new IllegalStateException("uplot.properties is missing from the gov jar: rebuild it");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        String name = WEBJAR + uplotVersion() + "/" + path;
        try (InputStream in = MetricsPage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path: the uPlot webjar"
                        + " (org.webjars.npm:uplot) must be a dependency of gov-cli");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String STYLE = """
            <style>
            :root { --ink: #1f2937; --muted: #6b7280; --line: #2563eb; --degraded: #f59e0b; --blocker: #dc2626; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
                   margin: 0 auto; max-width: 1080px; padding: 24px; }
            h1 { font-size: 22px; margin: 0 0 4px; }
            h2 { font-size: 17px; margin: 0 0 2px; }
            .meta, .what, .legend { color: var(--muted); margin: 2px 0; }
            ul.what { padding-left: 18px; }
            .verdict { margin: 12px 0; padding: 10px 14px; border-radius: 6px; }
            .verdict.ok { background: #ecfdf5; border: 1px solid #a7f3d0; }
            .verdict.blocked { background: #fef2f2; border: 1px solid #fecaca; list-style: none; }
            .verdict.blocked strong { color: var(--blocker); }
            .swatch { display: inline-block; width: 12px; height: 12px; vertical-align: -1px; border-radius: 2px; }
            .swatch.degraded { background: rgba(245, 158, 11, 0.45); }
            .swatch.blocker { background: rgba(220, 38, 38, 0.45); margin-left: 10px; }
            section { margin: 26px 0; }
            .chart { width: 100%; min-height: 230px; }
            .scroll { overflow-x: auto; }
            .empty { color: var(--muted); font-style: italic; margin: 4px 0; }
            table.numbers { border-collapse: collapse; font-variant-numeric: tabular-nums; margin-top: 6px;
                            font-size: 12px; width: 100%; }
            table.numbers th, table.numbers td { border: 1px solid #e5e7eb; padding: 3px 5px; text-align: right;
                                                 white-space: nowrap; }
            table.numbers th[scope=row] { text-align: left; color: var(--muted); font-weight: 500; width: 9em;
                                          white-space: normal; }
            table.numbers .degraded { background: rgba(245, 158, 11, 0.22); }
            table.numbers .blocker { background: rgba(220, 38, 38, 0.22); font-weight: 600; }
            ul.notes { margin: 6px 0 0; padding-left: 18px; }
            ul.notes li.degraded::marker { color: var(--degraded); }
            ul.notes li.blocker { color: var(--blocker); }
            </style>
            """;

    /**
     * Draws each gated metric with uPlot: weeks on x (their names as labels), the degraded weeks shaded amber and
     * the blocked weeks red behind the line. Ratios are drawn as percentages. {@code window.govCharts} keeps the
     * charts by metric id, for the browser test and for anyone curious in the console.
     */
    private static final String SCRIPT = """
            <script>
            (function () {
              'use strict';
              var data = JSON.parse(document.getElementById('gov-metrics').textContent);
              var weeks = data.weeks;
              var xs = weeks.map(function (w, i) { return i; });
              window.govCharts = {};
              function band(u, index, color, label) {
                var ctx = u.ctx;
                var x0 = u.valToPos(index - 0.5, 'x', true);
                var x1 = u.valToPos(index + 0.5, 'x', true);
                ctx.save();
                ctx.fillStyle = color;
                ctx.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height);
                if (label) {
                  ctx.fillStyle = '#b91c1c';
                  ctx.font = 'bold ' + Math.round(11 * devicePixelRatio) + 'px system-ui, sans-serif';
                  ctx.textAlign = 'center';
                  ctx.fillText(label, (x0 + x1) / 2, u.bbox.top + 14 * devicePixelRatio);
                }
                ctx.restore();
              }
              data.metrics.filter(function (m) { return m.gated; }).forEach(function (m) {
                var el = document.querySelector('[data-chart="' + m.id + '"]');
                var percent = m.unit === 'ratio';
                var ys = m.values.map(function (v) {
                  return v.value === null ? null : (percent ? v.value * 100 : v.value);
                });
                var degraded = [];
                m.values.forEach(function (v, i) { if (v.degraded) { degraded.push(i); } });
                var blocked = data.blockers.filter(function (b) { return b.metric === m.id; })
                    .map(function (b) { return weeks.indexOf(b.week); });
                var width = el.clientWidth || 1000;
                var every = Math.max(1, Math.ceil(weeks.length / Math.max(1, Math.floor(width / 78))));
                var opts = {
                  width: width,
                  height: 230,
                  legend: { show: false },
                  cursor: { show: false },
                  scales: {
                    x: { time: false, range: [-0.5, weeks.length - 0.5] },
                    y: { range: function (u, min, max) {
                      var top = max === null ? 1 : max;
                      return [0, Math.max(top * 1.2, percent ? 5 : 1)];
                    } }
                  },
                  axes: [
                    { splits: function () { return xs.filter(function (i) { return i % every === 0; }); },
                      values: function (u, splits) { return splits.map(function (i) { return weeks[i] || ''; }); },
                      grid: { show: false } },
                    { label: percent ? '%' : 'hours', size: 56,
                      values: function (u, splits) {
                        return splits.map(function (v) { return percent ? v + '%' : v + 'h'; });
                      } }
                  ],
                  series: [
                    {},
                    { label: m.title, stroke: '#2563eb', width: 2, spanGaps: false,
                      points: { show: true, size: 7, fill: '#2563eb', stroke: '#2563eb' } }
                  ],
                  hooks: {
                    drawClear: [function (u) {
                      degraded.forEach(function (i) { band(u, i, 'rgba(245, 158, 11, 0.28)'); });
                      blocked.forEach(function (i) { band(u, i, 'rgba(220, 38, 38, 0.28)', 'release blocker'); });
                    }]
                  }
                };
                window.govCharts[m.id] = new uPlot(opts, [xs, ys], el);
              });
            })();
            </script>
            """;
}
