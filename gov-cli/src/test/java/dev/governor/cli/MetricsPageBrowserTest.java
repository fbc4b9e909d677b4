package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * {@code gov metrics --format html} on the demo records, opened from disk in a real, headless Chromium: four charts
 * drew their series, the blocked week is marked, and the browser fetched nothing but the page itself. Chromium and
 * its driver are Debian's ({@code chromium}, {@code chromium-driver}); when they are missing the test fails and
 * says what to install, it is never skipped. The screenshot it takes is kept in {@code target/} (docs/learning.md
 * shows a copy).
 */
class MetricsPageBrowserTest {

    private static final String INSTALL = "install Debian's Chromium and its driver (apt-get install -y chromium"
            + " chromium-driver), or point GOV_CHROMIUM and GOV_CHROMEDRIVER at a Chromium and a matching chromedriver";
    /** The series' stroke and point colour in the page: rgb(37, 99, 235). */
    private static final int[] SERIES = {37, 99, 235};

    @TempDir
    static Path dir;

    private static ChromeDriver browser;
    private static Path page;

    @BeforeAll
    static void open_the_page_in_chromium() throws IOException {
        Path repo = LearningDemo.build(dir.resolve("shop"), false);
        page = dir.resolve("metrics.html");
        Gov.Result r = Gov.plain().with(CliEnvironment.GOV_NOW, LearningDemo.NOW)
                .run("metrics", "--repo", repo.toString(), "--format", "html", "--output", page.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();

        Path chromium = executable("GOV_CHROMIUM", "chromium", "chromium-browser");
        Path driver = executable("GOV_CHROMEDRIVER", "chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")), "--window-size=1200,2300",
                "--force-device-scale-factor=1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // the driver is given, so Selenium Manager never goes looking for (or downloading) one
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.get(page.toUri().toString());
        waitForCharts();
    }

    @AfterAll
    static void close_the_browser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void four_charts_drew_their_series() {
        Map<String, Object> drawn = js("""
                var color = arguments[0];
                var out = {};
                Object.keys(window.govCharts).forEach(function (id) {
                  var u = window.govCharts[id];
                  var c = u.ctx.canvas;
                  var px = u.ctx.getImageData(0, 0, c.width, c.height).data;
                  var series = 0;
                  for (var i = 0; i < px.length; i += 4) {
                    if (Math.abs(px[i] - color[0]) < 12 && Math.abs(px[i + 1] - color[1]) < 12
                        && Math.abs(px[i + 2] - color[2]) < 12 && px[i + 3] > 200) { series++; }
                  }
                  out[id] = { pixels: series, points: u.data[1].filter(function (v) { return v !== null; }).length };
                });
                return out;
                """, List.of(SERIES[0], SERIES[1], SERIES[2]));

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
        List<Number> blocked = js(bandAt, "change-failure-rate", w48);
        List<Number> open = js(bandAt, "mttr", w48);
        List<Number> degraded = js(bandAt, "change-failure-rate", w48 - 1);

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
        List<String> byThePage = new ArrayList<>();
        List<String> network = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = json.readTree(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                JsonNode params = message.path("params");
                String url = params.path("request").path("url").asText();
                if (params.path("documentURL").asText().equals(page.toUri().toString())) {
                    byThePage.add(url);
                }
                if (!url.startsWith("file:") && !url.startsWith("chrome:") && !url.startsWith("data:")) {
                    network.add(url); // chrome: is the browser's own new-tab page, loaded before ours
                }
            }
        }
        List<String> console = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
        Number resources = js("return performance.getEntriesByType('resource').length;");

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

    @SuppressWarnings("unchecked")
    private static <T> T js(String script, Object... args) {
        return (T) ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void waitForCharts() {
        long until = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < until) {
            Object n = js("return window.govCharts ? Object.keys(window.govCharts).length : -1;");
            if (n instanceof Number count && count.intValue() == 4) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the page did not draw its four charts within 20 s; console: "
                + browser.manage().logs().get(LogType.BROWSER).getAll());
    }

    /** A program from an environment variable, else the first of {@code names} on the PATH; else the test fails. */
    private static Path executable(String variable, String... names) {
        String given = System.getenv(variable);
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            if (Files.isExecutable(p)) {
                return p;
            }
            throw new AssertionError(variable + "=" + given + " is not an executable file: " + INSTALL);
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String name : names) {
            for (String d : path.split(File.pathSeparator)) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        throw new AssertionError("no " + String.join(" or ", names) + " on the PATH: " + INSTALL);
    }
}
