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
 * What the demo tells its user to try, {@code gov metrics --weeks 4 --format html} in the repository
 * {@code gov demo} built, opened from disk in a real, headless Chromium: four charts drew their three weeks of
 * values, the blocked week is named, and the browser fetched nothing but the page. Chromium and its driver are
 * Debian's ({@code chromium}, {@code chromium-driver}), as for {@link MetricsPageBrowserTest}; without them the
 * test fails saying what to install, it is never skipped.
 */
class DemoMetricsPageBrowserTest {

    private static final String INSTALL = "install Debian's Chromium and its driver (apt-get install -y chromium"
            + " chromium-driver), or point GOV_CHROMIUM and GOV_CHROMEDRIVER at a Chromium and a matching chromedriver";
    /** The series' stroke and point colour in the page: rgb(37, 99, 235). */
    private static final List<Integer> SERIES = List.of(37, 99, 235);

    @TempDir
    static Path dir;

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

        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("GOV_CHROMIUM", "chromium", "chromium-browser").toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")), "--window-size=1200,2300",
                "--force-device-scale-factor=1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // the driver is given, so Selenium Manager never goes looking for (or downloading) one
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(executable("GOV_CHROMEDRIVER", "chromedriver").toFile()).usingAnyFreePort().build();
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
    void four_charts_drew_the_demos_three_weeks_of_values() throws IOException {
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
                """, SERIES);
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
                // chrome: is the browser's own new-tab page, data: what the page inlines (uPlot's blank image)
                if (!url.startsWith("file:") && !url.startsWith("chrome:") && !url.startsWith("data:")) {
                    network.add(url);
                }
            }
        }
        List<String> console = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();

        assertThat(byThePage).containsExactly(page.toUri().toString());
        assertThat(network).isEmpty();
        assertThat(console).as("console errors and warnings (a blocked fetch would show here)").isEmpty();
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
        for (String name : names) {
            for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        throw new AssertionError("no " + String.join(" or ", names) + " on the PATH: " + INSTALL);
    }
}
