package org.linli.bot;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its own chromium-driver (both paths given: nothing is
 * downloaded at run time), for the tests that look at pages in a real browser and screenshot them
 * into {@code docs/console/}.
 */
final class HeadlessChromium {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {
  }

  /** Skips the test, saying how to install them, when Chromium or its driver is missing. */
  static void assumeInstalled() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and its driver are not installed (apt-get install chromium chromium-driver)");
  }

  /** A new headless browser (Chinese UI, scale 1, 30 s page loads); the caller quits it. */
  static ChromeDriver start() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--hide-scrollbars", "--lang=zh-CN", "--force-device-scale-factor=1");
    ChromeDriverService driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver browser = new ChromeDriver(driverService, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return browser;
  }

  /** Waits for the page at {@code url} (a form's answer arrives after the click returns). */
  static void arrive(ChromeDriver browser, String url) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(url));
    } catch (TimeoutException e) {
      throw new AssertionError("still at " + browser.getCurrentUrl() + ": " + browser.findElement(By.tagName("body"))
          .getText(), e);
    }
  }

  /**
   * Clicks {@code button} and waits until the page it was on has gone (a form that answers with the
   * same address would otherwise still be read from the old page).
   */
  static void submit(ChromeDriver browser, WebElement button) {
    // A mark on the old page's window, not a reference to its element: asking Chromium about an
    // element of a page being replaced may fail with an inspector error instead of "stale".
    browser.executeScript("window.linliLeaving = true;");
    button.click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(WebDriverException.class)
        .until(b -> Boolean.TRUE.equals(browser.executeScript(
            "return document.readyState === 'complete' && window.linliLeaving === undefined;")));
  }

  /** Saves what the browser shows as {@code docs/console/<name>}. */
  static void shot(ChromeDriver browser, String name) throws Exception {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Path target = docs(name);
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }

  /** A screenshot's place under docs/console/ of the repository, wherever the test runs. */
  static Path docs(String name) {
    for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
      if (Files.isDirectory(at.resolve("docs"))) {
        return at.resolve("docs").resolve("console").resolve(name);
      }
    }
    return Path.of("docs", "console", name);
  }
}
