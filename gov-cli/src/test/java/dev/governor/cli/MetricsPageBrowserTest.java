package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code gov metrics --format html} on the demo records, opened from disk in a real, headless Chromium: four charts
 * drew their series, the blocked week is marked, and the browser fetched nothing but the page itself. Chromium and
 * its driver are Debian's ({@code chromium}, {@code chromium-driver}); when they are missing the test fails and
 * says what to install, it is never skipped. The screenshot it takes is kept in {@code target/} (docs/learning.md
 * shows a copy).
 */
class MetricsPageBrowserTest {

    @TempDir
    static Path dir;

    private static HeadlessMetricsPage metrics;
    private static ChromeDriver browser;
    private static Path page;

    @BeforeAll
    static void open_the_page_in_chromium() throws IOException {
        Path repo = LearningDemo.build(dir.resolve("shop"), false);
        page = dir.resolve("metrics.html");
        Gov.Result r = Gov.plain().with(CliEnvironment.GOV_NOW, LearningDemo.NOW)
                .run("metrics", "--repo", repo.toString(), "--format", "html", "--output", page.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();

        metrics = HeadlessMetricsPage.open(page, dir.resolve("profile"));
        browser = metrics.browser;
    }

    @AfterAll
    static void close_the_browser() {
        if (metrics != null) {
            metrics.close();
        }
    }

    @Test
    void four_charts_drew_their_series() {
        Map<String, Object> drawn = metrics.drawnCharts();

        assertThat(drawn).containsOnlyKeys("change-failure-rate", "mttr", "revert-rate", "cross-team-blocking-time");
        assertThat(drawn).allSatisfy((id, chart) -> {
            Map<?, ?> c = (Map<?, ?>) chart;
            assertThat(((Number) c.get("points")).intValue()).as(id + " values").isGreaterThanOrEqualTo(7);
            assertThat(((Number) c.get("pixels")).intValue()).as(id + " series pixels on the canvas").isGreaterThan(300);
        });
        assertThat(browser.findElements(By.cssSelector("section.metric canvas"))).hasSize(4);
    }

    @Test
    void the_blocked_week_is_marked_on_the_chart_in_the_table_and_at_the_top() {
        String bandAt = """
                var u = window.govCharts[arguments[0]];
                var x = Math.round(u.valToPos(arguments[1], 'x', true));
                var d = u.ctx.getImageData(x, Math.round(u.bbox.top + u.bbox.height - 4), 1, 1).data;
                return [d[0], d[1], d[2], d[3]];
                """;
        int w48 = 11; // 2026-W37 .. 2026-W48
        List<Number> blocked = metrics.js(bandAt, "change-failure-rate", w48);
        List<Number> open = metrics.js(bandAt, "mttr", w48);
        List<Number> degraded = metrics.js(bandAt, "change-failure-rate", w48 - 1);

        // the canvas is transparent where nothing is drawn; the bands are translucent red and amber
        assertThat(blocked.get(3).intValue()).as("a band behind 2026-W48: " + blocked).isGreaterThan(40);
        assertThat(blocked.get(0).intValue() - blocked.get(1).intValue()).as("red behind 2026-W48: " + blocked)
                .isGreaterThan(100);
        assertThat(open.get(3).intValue()).as("nothing behind 2026-W48 of MTTR: " + open).isZero();
        assertThat(degraded.get(3).intValue()).as("a band behind 2026-W47: " + degraded).isGreaterThan(40);
        assertThat(degraded.get(1).intValue() - degraded.get(2).intValue()).as("amber behind 2026-W47: " + degraded)
                .isGreaterThan(100);
        assertThat(browser.findElement(By.cssSelector("#change-failure-rate td.blocker")).getAttribute("data-week"))
                .isEqualTo("2026-W48");
        assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("Release blocker 2026-W48: change failure"
                + " rate degraded two weeks in a row (2026-W46, 2026-W47): releases are blocked in 2026-W48");
    }

    @Test
    void nothing_was_fetched_from_the_network_and_nothing_went_wrong() throws IOException {
        HeadlessMetricsPage.Requests requests = metrics.requests();
        List<String> byThePage = requests.byThePage();
        List<String> network = requests.network();
        List<String> console = metrics.consoleWarnings();
        Number resources = metrics.js("return performance.getEntriesByType('resource').length;");

        assertThat(byThePage).containsExactly(page.toUri().toString());
        assertThat(network).isEmpty();
        assertThat(resources.intValue()).isZero();
        assertThat(console).as("console errors and warnings (a blocked fetch would show here)").isEmpty();
    }

    @Test
    void a_screenshot_is_kept_for_the_docs() throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path kept = Path.of("target", "metrics-page.png");
        Files.copy(shot.toPath(), kept, StandardCopyOption.REPLACE_EXISTING);

        assertThat(Files.size(kept)).isGreaterThan(20_000);
    }
}
