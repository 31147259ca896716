package dev.paddock.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium and chromium-driver ({@code .ci/run} installs them) in headless mode, with a throw-away
 * profile; the calling test is skipped on a machine without them.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    final WebDriver browser;
    final WebDriverWait wait;
    private final Path profile;
    private final int port;

    private HeadlessChromium(WebDriver browser, Path profile, int port) {
        this.browser = browser;
        this.profile = profile;
        this.port = port;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** A browser on the application at {@code localhost:port}. */
    static HeadlessChromium start(int port) throws IOException {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "chromium and chromedriver are not installed");
        Path profile = Files.createTempDirectory("paddock-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=en-GB",
                // tabs in the background must handle live pushes as promptly as the one in front
                "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
                "--disable-renderer-backgrounding", "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile, port);
    }

    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    /** The page's live stream is connected: what is pushed from now on reaches it. */
    void waitForLiveStream() {
        wait.until(d -> "open".equals(script("return document.querySelector('[data-live]').dataset.liveState")));
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
