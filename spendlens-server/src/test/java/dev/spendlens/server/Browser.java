package dev.spendlens.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium (Debian's chromium and chromium-driver) driven by Selenium. Nothing is
 * downloaded: the driver and browser paths are given, so Selenium Manager never runs.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    final Path downloads;
    private final Path profile;

    private Browser(WebDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** Starts Chromium, or skips the test on a machine without it (CI installs it, so there it fails instead). */
    static Browser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does it)";
            if (System.getenv("CI") != null) {
                Assertions.fail(missing);
            }
            Assumptions.abort(missing);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            Path profile = Files.createTempDirectory("spendlens-chromium");
            Path downloads = Files.createTempDirectory("spendlens-downloads");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1440,900");
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1440, 900));
            return new Browser(driver, profile, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a URL and waits until the page has drawn everything it loads. */
    void open(String url) {
        Object before = script("return document.getElementById('page') ? document.getElementById('page').dataset.ready || '' : ''");
        driver.get(url);
        waitUntilDrawn(before);
    }

    /** Waits until the page has been drawn again after {@code before} (its previous draw number). */
    void waitUntilDrawn(Object before) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(script("""
                const page = document.getElementById('page');
                return Boolean(page && page.dataset.ready && page.dataset.ready !== arguments[0] && !page.querySelector('[data-state=loading]'));""", before)));
    }

    Object drawCount() {
        return script("return document.getElementById('page').dataset.ready || ''");
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** The chart's categories and series, as ECharts holds them. */
    @SuppressWarnings("unchecked")
    Map<String, Object> chart(String elementId) {
        return (Map<String, Object>) script("""
                const chart = echarts.getInstanceByDom(document.getElementById(arguments[0]));
                if (!chart) { return null; }
                const option = chart.getOption();
                return {categories: option.xAxis[0].data, series: option.series.map(s => ({name: s.name, data: s.data}))};""", elementId);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> series(String elementId) {
        return (List<Map<String, Object>>) chart(elementId).get("series");
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            // The whole page, not only the window: resize to the document's height first.
            Number height = (Number) script("return Math.max(document.body.scrollHeight, 900)");
            driver.manage().window().setSize(new Dimension(1440, Math.min(height.intValue() + 40, 4000)));
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new Dimension(1440, 900));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        for (Path folder : List.of(profile, downloads)) {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A temporary folder left behind is harmless.
            }
        }
    }
}
