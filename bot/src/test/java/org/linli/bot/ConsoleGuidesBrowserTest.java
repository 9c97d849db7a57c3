package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A guide edited in headless Chromium (Debian's chromium and chromium-driver, the driver's path
 * given; skipped where they are not installed): the admin logs in, opens a guide from the guides
 * page, changes its summary line, previews, publishes, and the bot's next answer to {@code POST
 * /api/v1/ask} shows the new text. On the way it writes the screenshots of the dashboard, guides,
 * editor, outbox and moderators pages to {@code docs/console/}.
 */
class ConsoleGuidesBrowserTest {

  private static final String GUIDE = "juzhuzheng-apply";
  private static final String QUESTION = "居住证怎么办";
  private static final String SUMMARY = "一句话摘要：居住证现在可以在网上申领，审核通过后三个工作日内寄到家（浏览器试点）。";

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of(
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", "jiedao:correct-horse-battery",
      "LINLI_HUB_MODE", "builtin",
      "LINLI_HUB_TOKEN", "hub-token",
      "LINLI_CONSULTATION_MODERATORS", "generic:g1:office1",
      // Nothing listens there: the poll's announcement becomes a dead letter for the outbox page.
      "LINLI_GENERIC_OUTBOUND_URL", "http://127.0.0.1:9/",
      "LINLI_OUTBOX_RETRY_SECONDS", "1",
      "LINLI_OUTBOX_POLL_MILLIS", "50"));

  @Test
  void an_admin_edits_a_guide_s_summary_previews_publishes_and_the_next_answer_shows_it() throws Exception {
    HeadlessChromium.assumeInstalled();
    assertThat(service.ask(QUESTION).getString("text")).doesNotContain("浏览器试点");
    officeDay();
    ChromeDriver browser = HeadlessChromium.start();
    String base = "http://127.0.0.1:" + service.verticle.port();
    try {
      browser.manage().window().setSize(new Dimension(900, 1100));
      browser.get(base + "/console/");
      browser.findElement(By.name("username")).sendKeys("jiedao");
      browser.findElement(By.name("password")).sendKeys("correct-horse-battery");
      browser.findElement(By.cssSelector("form[action='/console/login'] button")).click();
      HeadlessChromium.arrive(browser, base + "/console/");
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("进行中的表决", "5号楼加装电梯方案",
          "热线工单", "本周没答上");
      HeadlessChromium.shot(browser, "dashboard.png");

      browser.findElement(By.linkText("办事指南")).click();
      HeadlessChromium.arrive(browser, base + "/console/guides");
      assertThat(browser.findElement(By.id("unanswered")).getText()).contains("为这个问题写指南");
      HeadlessChromium.shot(browser, "guides.png");
      browser.findElement(By.cssSelector("#guides a[href='/console/guides/" + GUIDE + "/edit']")).click();
      HeadlessChromium.arrive(browser, base + "/console/guides/" + GUIDE + "/edit");

      WebElement markdown = browser.findElement(By.id("markdown"));
      String shipped = markdown.getDomProperty("value");
      assertThat(shipped).contains("id: " + GUIDE).containsPattern("(?m)^一句话摘要：");
      String edited = shipped.replaceFirst("(?m)^一句话摘要：.*$", SUMMARY);
      markdown.clear();
      markdown.sendKeys(edited);
      browser.findElement(By.id("preview-button")).click();
      HeadlessChromium.arrive(browser, base + "/console/guides/preview");
      assertThat(browser.findElement(By.id("preview")).getText()).contains("还没有发布", "浏览器试点");
      assertThat(browser.findElement(By.id("markdown")).getDomProperty("value")).contains("浏览器试点");
      assertThat(service.ask(QUESTION).getString("text")).as("a preview publishes nothing").doesNotContain("浏览器试点");
      HeadlessChromium.shot(browser, "guide-edit.png");

      browser.findElement(By.id("publish-button")).click();
      HeadlessChromium.arrive(browser, base + "/console/guides/" + GUIDE + "/edit?done=published");
      assertThat(browser.findElement(By.id("notice")).getText()).contains("已发布");
      assertThat(service.ask(QUESTION).getString("text")).contains("浏览器试点");

      browser.findElement(By.linkText("发送队列")).click();
      HeadlessChromium.arrive(browser, base + "/console/outbox");
      new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> {
        b.navigate().refresh();
        return !b.findElements(By.cssSelector("#queue-chat form button")).isEmpty();
      });
      HeadlessChromium.shot(browser, "outbox.png");

      browser.findElement(By.linkText("群管理员")).click();
      HeadlessChromium.arrive(browser, base + "/console/moderators");
      WebElement grant = browser.findElement(By.id("grant"));
      grant.findElement(By.name("platform")).sendKeys("generic");
      grant.findElement(By.name("chat")).sendKeys("g2");
      grant.findElement(By.name("user")).sendKeys("zhang.wei");
      HeadlessChromium.submit(browser, grant.findElement(By.cssSelector("button[type=submit]")));
      HeadlessChromium.arrive(browser, base + "/console/moderators");
      assertThat(browser.findElement(By.id("granted")).getText()).contains("zhang.wei", "g2");
      HeadlessChromium.shot(browser, "moderators.png");
    } finally {
      browser.quit();
    }
    for (String name : new String[]{"dashboard.png", "guides.png", "guide-edit.png", "outbox.png",
        "moderators.png"}) {
      assertThat(Files.size(HeadlessChromium.docs(name))).as(name).isGreaterThan(5_000);
    }
  }

  /** What an office's day leaves for the dashboard: an open poll, a ticket, a question not answered. */
  private static void officeDay() {
    JsonObject draft = new JsonObject().put("chat", "g1").put("question", "5号楼加装电梯方案")
        .put("options", new JsonArray().add("同意").add("不同意"))
        .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).withNano(0).toString());
    assertThat(service.post("/api/v1/polls", draft.encode(), RunningService.ADMIN).statusCode()).isEqualTo(201);
    assertThat(service.say("g1", "resident7", "/help 5号楼楼道灯坏了好几天", null).encode()).contains("回执号");
    assertThat(service.ask("社区有没有给流浪狗做登记的地方").getString("kind")).isEqualTo("not_sure");
  }

}
