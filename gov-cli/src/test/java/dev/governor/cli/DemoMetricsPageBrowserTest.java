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
 * What the demo tells its user to try, {@code gov metrics --weeks 4 --format html} in the repository
 * {@code gov demo} built, opened from disk in a real, headless Chromium: four charts drew their three weeks of
 * values, the blocked week is named, and the browser fetched nothing but the page. Chromium and its driver are
 * Debian's ({@code chromium}, {@code chromium-driver}), as for {@link MetricsPageBrowserTest}; without them the
 * test fails saying what to install, it is never skipped.
 */
class DemoMetricsPageBrowserTest {

    @TempDir
    static Path dir;

    private static HeadlessMetricsPage metrics;
    private static ChromeDriver browser;
    private static Path page;

    @BeforeAll
    static void open_the_demos_metrics_in_chromium() throws IOException {
        Path demo = dir.resolve("demo");
        Gov.Result built = Gov.plain().run("demo", demo.toString());
        assertThat(built.exitCode()).as(built.err()).isEqualTo(1);
        page = dir.resolve("metrics.html");
        Gov.Result r = Gov.plain().with(CliEnvironment.GOV_NOW, DemoCommand.NOW.toString()).run("metrics", "--repo",
                demo.toString(), "--weeks", "4", "--format", "html", "--output", page.toString());
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
    void four_charts_drew_the_demos_three_weeks_of_values() throws IOException {
        Map<String, Object> drawn = metrics.drawnCharts();
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "demo-metrics-page.png"), StandardCopyOption.REPLACE_EXISTING);

        assertThat(drawn).containsOnlyKeys("change-failure-rate", "mttr", "revert-rate", "cross-team-blocking-time");
        assertThat(drawn).allSatisfy((id, chart) -> {
            Map<?, ?> c = (Map<?, ?>) chart;
            assertThat(((Number) c.get("points")).intValue()).as(id + " values").isEqualTo(3);
            assertThat(((Number) c.get("pixels")).intValue()).as(id + " series pixels on the canvas").isGreaterThan(200);
        });
        assertThat(browser.findElements(By.cssSelector("section.metric canvas"))).hasSize(4);
        assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("Release blocker 2026-W48: change failure"
                + " rate degraded two weeks in a row (2026-W46, 2026-W47): releases are blocked in 2026-W48");
    }

    @Test
    void the_page_fetched_nothing_and_logged_no_error() throws IOException {
        HeadlessMetricsPage.Requests requests = metrics.requests();
        List<String> byThePage = requests.byThePage();
        List<String> network = requests.network();
        List<String> console = metrics.consoleWarnings();

        assertThat(byThePage).containsExactly(page.toUri().toString());
        assertThat(network).isEmpty();
        assertThat(console).as("console errors and warnings (a blocked fetch would show here)").isEmpty();
    }
}
