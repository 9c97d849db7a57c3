package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in headless Chromium (Debian's chromium and chromium-driver, driven by Selenium with
 * the driver's path given; skipped where they are not installed): the bootstrap admin logs in
 * through the form, creates an operator account, sees it in the list and in the audit log. The
 * screenshots are written to {@code docs/console/} (login, accounts, audit), where they are
 * committed.
 */
class ConsoleBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of(
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", "jiedao:correct-horse-battery"));

  @Test
  void an_admin_logs_in_creates_an_operator_and_finds_it_in_the_list_and_the_audit_log() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and its driver are not installed (apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--hide-scrollbars", "--lang=zh-CN", "--force-device-scale-factor=1");
    ChromeDriverService driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver browser = new ChromeDriver(driverService, options);
    String base = "http://127.0.0.1:" + service.verticle.port();
    try {
      browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      // A phone's width: the pages must read there.
      browser.manage().window().setSize(new Dimension(420, 900));
      browser.get(base + "/console/");
      assertThat(browser.getCurrentUrl()).isEqualTo(base + "/console/login");
      assertThat(browser.getTitle()).contains("登录");
      browser.findElement(By.name("username")).sendKeys("jiedao");
      browser.findElement(By.name("password")).sendKeys("correct-horse-battery");
      shot(browser, "login.png");
      browser.findElement(By.cssSelector("form[action='/console/login'] button")).click();

      arrive(browser, base + "/console/");
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("你好，jiedao", "街道管理员");

      browser.manage().window().setSize(new Dimension(900, 900));
      browser.findElement(By.linkText("账号")).click();
      WebElement form = browser.findElement(By.id("create-account"));
      form.findElement(By.name("username")).sendKeys("wang.fang");
      form.findElement(By.name("password")).sendKeys("hotline-password-1");
      new Select(form.findElement(By.name("role"))).selectByValue("operator");
      form.findElement(By.cssSelector("button[type=submit]")).click();

      arrive(browser, base + "/console/accounts");
      assertThat(browser.findElement(By.id("accounts")).getText()).contains("wang.fang");
      String list = browser.findElement(By.id("accounts")).getText();
      assertThat(list).contains("wang.fang", "热线工作人员", "jiedao", "街道管理员");
      shot(browser, "accounts.png");

      browser.findElement(By.linkText("操作记录")).click();
      String audit = browser.findElement(By.id("audit")).getText();
      assertThat(audit).contains("jiedao", "account.create", "wang.fang (operator)", "login");
      shot(browser, "audit.png");
    } finally {
      browser.quit();
    }
    for (String name : new String[]{"login.png", "accounts.png", "audit.png"}) {
      assertThat(Files.size(docs(name))).as(name).isGreaterThan(5_000);
    }
  }

  /** Waits for the page at {@code url} (a form's answer arrives after the click returns). */
  private static void arrive(ChromeDriver browser, String url) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(url));
    } catch (TimeoutException e) {
      throw new AssertionError("still at " + browser.getCurrentUrl() + ": " + browser.findElement(By.tagName("body"))
          .getText(), e);
    }
  }

  private static void shot(ChromeDriver browser, String name) throws Exception {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Path target = docs(name);
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }

  /** A screenshot's place under docs/console/ of the repository, wherever the test runs. */
  private static Path docs(String name) {
    for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
      if (Files.isDirectory(at.resolve("docs"))) {
        return at.resolve("docs").resolve("console").resolve(name);
      }
    }
    return Path.of("docs", "console", name);
  }
}
