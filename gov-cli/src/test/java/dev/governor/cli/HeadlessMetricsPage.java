package dev.governor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A {@code gov metrics --format html} page opened from disk in a real, headless Chromium, for the browser tests.
 * Chromium and its driver are Debian's ({@code chromium}, {@code chromium-driver}); when they are missing the
 * tests fail and say what to install, they are never skipped.
 */
final class HeadlessMetricsPage implements AutoCloseable {
    private static final String INSTALL = "install Debian's Chromium and its driver (apt-get install -y chromium"
            + " chromium-driver), or point GOV_CHROMIUM and GOV_CHROMEDRIVER at a Chromium and a matching chromedriver";
    /** The series' stroke and point colour in the page: rgb(37, 99, 235). */
    private static final List<Integer> SERIES = List.of(37, 99, 235);

    final ChromeDriver browser;
    final Path page;

    /** The URLs the page asked for, and those that left the machine (neither file: nor data: nor chrome:). */
    record Requests(List<String> byThePage, List<String> network) {}

    private HeadlessMetricsPage(ChromeDriver browser, Path page) {
        this.browser = browser;
        this.page = page;
    }

    /** Opens {@code page} in a fresh profile under {@code profile} and waits until its four charts are drawn. */
    static HeadlessMetricsPage open(Path page, Path profile) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("GOV_CHROMIUM", "chromium", "chromium-browser").toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
                "--user-data-dir=" + Files.createDirectories(profile), "--window-size=1200,2300",
                "--force-device-scale-factor=1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // the driver is given, so Selenium Manager never goes looking for (or downloading) one
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(executable("GOV_CHROMEDRIVER", "chromedriver").toFile()).usingAnyFreePort().build();
        HeadlessMetricsPage opened = new HeadlessMetricsPage(new ChromeDriver(service, options), page);
        opened.browser.get(page.toUri().toString());
        opened.waitForCharts();
        return opened;
    }

    @Override
    public void close() {
        browser.quit();
    }

    @SuppressWarnings("unchecked")
    <T> T js(String script, Object... args) {
        return (T) ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Per chart id: {@code points}, its non-null values, and {@code pixels}, canvas pixels of the series colour. */
    Map<String, Object> drawnCharts() {
        return js("""
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
    }

    /** What the browser requested, from its performance log. */
    Requests requests() throws IOException {
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
        return new Requests(byThePage, network);
    }

    /** Console messages at warning level or above (a blocked fetch would show here). */
    List<String> consoleWarnings() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
    }

    private void waitForCharts() {
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
