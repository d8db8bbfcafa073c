package io.newsmonitor.systemtests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the distribution's packages ({@code chromium}, {@code chromium-driver}), driven by Selenium.
 * Both binaries are given to Selenium, so that its Selenium Manager never tries to download a browser or a driver.
 *
 * <p>Where they are missing the test class is skipped, saying how to install them; CI sets {@code NEWS_E2E_BROWSER=required}
 * so that a missing browser fails there instead of passing unseen.
 */
final class Browser implements AutoCloseable {

  static final Dimension WIDE = new Dimension(1280, 900);
  /** A phone held upright (CSS pixels). */
  static final Dimension NARROW = new Dimension(390, 844);

  private static final Path CHROMIUM = configuredPath("news.e2e.chromium", "NEWS_E2E_CHROMIUM", "/usr/bin/chromium");
  private static final Path CHROMEDRIVER = configuredPath("news.e2e.chromedriver", "NEWS_E2E_CHROMEDRIVER", "/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of(System.getProperty("news.screenshots.dir", "target/screenshots")).toAbsolutePath().normalize();

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /**
   * Starts the browser at {@link #WIDE}; aborts the calling test (JUnit assumption) when the browser is not installed, or
   * fails it when {@code NEWS_E2E_BROWSER=required}.
   */
  static Browser start() {
    Optional<String> missing = missing();
    if (missing.isPresent()) {
      if (required()) {
        throw new IllegalStateException(missing.get() + " NEWS_E2E_BROWSER=required: failing instead of skipping.");
      }
      assumeTrue(false, missing.get());
    }
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toFile())
        // As root (CI, containers) Chromium's sandbox cannot start; /dev/shm is often too small in containers.
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--window-size=" + WIDE.getWidth() + "," + WIDE.getHeight(), "--lang=en-GB",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    return new Browser(new ChromeDriver(service, options));
  }

  ChromeDriver driver() {
    return driver;
  }

  WebDriverWait waitUpTo(Duration timeout) {
    return new WebDriverWait(driver, timeout);
  }

  /** Lays pages out as a phone does (its viewport, touch, the page's {@code <meta name=viewport>} honoured), or back at {@link #WIDE}. */
  void viewport(Dimension size) {
    if (size.equals(WIDE)) {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    } else {
      driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
          "width", size.getWidth(), "height", size.getHeight(), "deviceScaleFactor", 1, "mobile", true));
    }
  }

  /** Saves the whole page (not only what the viewport shows) as {@code name} (a PNG) in {@code news.screenshots.dir}; returns the file. */
  Path screenshot(String name) {
    @SuppressWarnings("unchecked")
    Map<String, Object> content = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
    Map<String, Object> screenshot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png",
        "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", content.get("width"), "height", content.get("height"), "scale", 1)));
    try {
      Path file = Files.createDirectories(SCREENSHOTS).resolve(name);
      Files.write(file, Base64.getDecoder().decode((String) screenshot.get("data")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }

  /** Why the browser cannot start here, if it cannot. */
  private static Optional<String> missing() {
    List<Path> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(binary -> !Files.isExecutable(binary)).toList();
    return missing.isEmpty() ? Optional.empty() : Optional.of("The console's browser test needs Chromium and its driver, missing here: "
        + missing + ". Install them with `apt-get install chromium chromium-driver` (Debian, Ubuntu), or point"
        + " -Dnews.e2e.chromium / -Dnews.e2e.chromedriver (NEWS_E2E_CHROMIUM / NEWS_E2E_CHROMEDRIVER) at them.");
  }

  private static boolean required() {
    return "required".equals(System.getenv("NEWS_E2E_BROWSER"));
  }

  /**
   * Skips a test class that needs the browser where it is missing, unless it is required: an assumption failing in
   * {@code @BeforeAll} would skip it too, but Maven's test report counts neither the class nor the reason, while a class
   * this condition disables is reported skipped, with the reason. The platform is not started for nothing either.
   */
  static final class Installed implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Optional<String> skipped = missing().filter(reason -> !required());
      // Maven prints the count of skipped tests, not why: say it where the developer looks.
      skipped.ifPresent(reason -> System.err.println("Skipping " + context.getDisplayName() + ": " + reason));
      return skipped.map(ConditionEvaluationResult::disabled)
          .orElseGet(() -> ConditionEvaluationResult.enabled("Chromium and chromedriver installed, or required"));
    }
  }

  private static Path configuredPath(String property, String variable, String fallback) {
    return Path.of(Optional.ofNullable(System.getProperty(property)).or(() -> Optional.ofNullable(System.getenv(variable))).orElse(fallback));
  }
}
