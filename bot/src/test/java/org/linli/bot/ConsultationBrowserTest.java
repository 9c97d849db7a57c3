package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A lift-retrofit ballot run from the console in headless Chromium (Debian's chromium and
 * chromium-driver, the driver's path given; skipped where they are not installed): the admin
 * imports a register with an error, sees the bad line, fixes and commits it, prints the slips of
 * one building; a resident binds with a printed code in the chat (the generic channel, a fake chat
 * app) and votes; a moderator closes the poll from the console and the chat app receives the
 * result. Screenshots go to {@code docs/console/} (households, slips, polls, poll).
 */
class ConsultationBrowserTest {

  private static final String HEADER = "户号,楼栋,单元,房号,建筑面积,业主人数,业主姓名\n";
  private static final String ROWS = "3-1-101,3,1,101,88.50,2,张伟\n"
      + "3-1-102,3,1,102,76.20,1,李娜\n"
      + "3-1-201,3,1,201,88.50,2,王芳\n"
      + "3-2-101,3,2,101,102.00,1,刘洋\n"
      + "5-1-101,5,1,101,64.00,1,陈静\n";

  @RegisterExtension
  static final RunningService service = RunningService.perClassWithChatApp(Map.of(
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", "jiedao:correct-horse-battery"));

  @Test
  void a_lift_retrofit_goes_from_register_import_to_the_published_result_in_the_browser() throws Exception {
    HeadlessChromium.assumeInstalled();
    ConsoleBrowserSession admin = new ConsoleBrowserSession(service.client);
    admin.login("jiedao", "correct-horse-battery");
    admin.get("/console/accounts");
    assertThat(admin.submit("/console/accounts", "username", "shequ", "password", "community-worker-1", "role",
        "moderator").statusCode()).isEqualTo(303);
    Path folder = Files.createTempDirectory("register-");
    Path bad = folder.resolve("register-with-error.csv");
    Files.writeString(bad, HEADER + ROWS.replace("3-1-102,3,1,102,76.20", "3-1-102,3,1,102,76.2O"),
        StandardCharsets.UTF_8);
    Path good = folder.resolve("register.csv");
    Files.writeString(good, HEADER + ROWS, StandardCharsets.UTF_8);

    ChromeDriver browser = chromium();
    String base = "http://127.0.0.1:" + service.verticle.port();
    String poll;
    try {
      browser.get(base + "/console/");
      login(browser, "jiedao", "correct-horse-battery");
      HeadlessChromium.arrive(browser, base + "/console/");

      browser.findElement(By.linkText("住户名册")).click();
      HeadlessChromium.arrive(browser, base + "/console/households");
      browser.findElement(By.id("file")).sendKeys(bad.toString());
      browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
      HeadlessChromium.arrive(browser, base + "/console/households/preview");
      assertThat(browser.findElement(By.id("problems")).getText()).contains("line 3", "76.2O");
      assertThat(browser.findElements(By.id("commit"))).isEmpty();

      browser.findElement(By.linkText("回到住户名册")).click();
      browser.findElement(By.id("file")).sendKeys(good.toString());
      browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
      HeadlessChromium.arrive(browser, base + "/console/households/preview");
      assertThat(browser.findElement(By.id("preview-summary")).getText()).contains("新增 5 户");
      browser.findElement(By.cssSelector("#commit button[type=submit]")).click();
      HeadlessChromium.arrive(browser, base + "/console/households?imported=5");
      assertThat(browser.findElement(By.id("households")).getText()).contains("3号楼1单元101", "5号楼1单元101");
      HeadlessChromium.shot(browser, "households.png");

      browser.findElement(By.id("building")).sendKeys("3");
      browser.findElement(By.cssSelector("#slips button[type=submit]")).click();
      HeadlessChromium.arrive(browser, base + "/console/households/slips");
      assertThat(browser.findElements(By.cssSelector(".slip"))).hasSize(4);
      WebElement first = browser.findElements(By.cssSelector(".slip")).get(0);
      assertThat(first.getText()).contains("3号楼1单元101", "/bind ", "有效期至");
      String code = first.findElement(By.cssSelector(".code")).getText();
      HeadlessChromium.shot(browser, "slips.png");

      JsonArray bound = service.say("g1", "resident-zhang", "/bind " + code, null);
      assertThat(bound.encode()).contains("3号楼1单元101");
      browser.get(base + "/console/households/3-1-101");
      assertThat(browser.findElement(By.id("members")).getText()).contains("generic:resident-zhang", "解除绑定");
      HeadlessChromium.shot(browser, "household.png");

      browser.get(base + "/console/polls");
      WebElement form = browser.findElement(By.id("create-poll"));
      form.findElement(By.name("chat")).sendKeys("g1");
      form.findElement(By.name("question")).sendKeys("是否同意3号楼加装电梯");
      form.findElement(By.name("options")).sendKeys("同意\n不同意\n弃权");
      new Select(form.findElement(By.name("kind"))).selectByValue("proposal");
      form.findElement(By.name("household")).click();
      new Select(form.findElement(By.name("rule"))).selectByValue("civil-code-major");
      String closes = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(7).withSecond(0).withNano(0)
          .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
      // A datetime-local field takes keys in the browser's own date order: set its value directly.
      browser.executeScript("arguments[0].value = arguments[1]", form.findElement(By.name("closesAt")), closes);
      form.findElement(By.name("anonymous")).click();
      form.findElement(By.cssSelector("button[type=submit]")).click();
      new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches("/console/polls/p"));
      poll = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
      service.app().await(m -> m.getString("text", "").contains("是否同意3号楼加装电梯"), 10);

      JsonArray voted = service.say("g1", "resident-zhang", "/vote " + poll + " 1", null);
      assertThat(voted.encode()).contains(poll);

      browser.findElement(By.cssSelector("form[action='/console/logout'] button")).click();
      // The login page must be there before its form is filled (the click returns before it loads).
      HeadlessChromium.arrive(browser, base + "/console/login");
      login(browser, "shequ", "community-worker-1");
      HeadlessChromium.arrive(browser, base + "/console/");
      browser.findElement(By.linkText("议事投票")).click();
      HeadlessChromium.arrive(browser, base + "/console/polls");
      assertThat(browser.findElement(By.id("polls")).getText()).contains(poll, "是否同意3号楼加装电梯", "进行中");
      HeadlessChromium.shot(browser, "polls.png");

      browser.findElement(By.linkText(poll)).click();
      HeadlessChromium.arrive(browser, base + "/console/polls/" + poll);
      HeadlessChromium.submit(browser, browser.findElement(By.cssSelector("#close-poll button")));
      HeadlessChromium.arrive(browser, base + "/console/polls/" + poll);
      assertThat(browser.findElement(By.id("poll-status")).getText()).contains("已结束");
      assertThat(browser.findElement(By.id("result")).getText()).contains("是否同意3号楼加装电梯");
      HeadlessChromium.shot(browser, "poll.png");
    } finally {
      browser.quit();
    }
    JsonObject result = service.app().await(m -> m.getString("text", "").contains("是否同意3号楼加装电梯")
        && m.getString("text", "").contains("未通过"), 15);
    assertThat(result.getJsonObject("chat").getString("id")).isEqualTo("g1");
    for (String name : new String[]{"households.png", "slips.png", "household.png", "polls.png", "poll.png"}) {
      assertThat(Files.size(HeadlessChromium.docs(name))).as(name).isGreaterThan(5_000);
    }
  }

  private static ChromeDriver chromium() {
    ChromeDriver browser = HeadlessChromium.start();
    browser.manage().window().setSize(new Dimension(900, 1100));
    return browser;
  }

  private static void login(ChromeDriver browser, String name, String password) {
    browser.findElement(By.name("username")).sendKeys(name);
    browser.findElement(By.name("password")).sendKeys(password);
    browser.findElement(By.cssSelector("form[action='/console/login'] button")).click();
  }

}
