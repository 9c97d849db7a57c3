package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The built-in hub worked from the console in headless Chromium (Debian's chromium and
 * chromium-driver, the driver's path given; skipped where they are not installed): a resident asks
 * for help in the fake chat app, an operator account logs in, opens the queue and the ticket, moves
 * it dispatched, in progress, resolved and replies, and the resident reads each message; the
 * history names the operator. Screenshots: {@code docs/console/tickets.png} and {@code ticket.png}.
 */
class ConsoleTicketsBrowserTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClassWithChatApp(Map.of(
      "LINLI_HUB_MODE", "builtin",
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", "jiedao:correct-horse-battery",
      "LINLI_OUTBOX_POLL_MILLIS", "50"));

  @Test
  void an_operator_works_a_ticket_from_the_queue_to_resolved_and_the_resident_reads_every_message()
      throws Exception {
    HeadlessChromium.assumeInstalled();
    JsonObject asked = new JsonObject().put("chat", new JsonObject().put("id", "g1").put("type", "group"))
        .put("from", new JsonObject().put("id", "u1")).put("text", "/help 3号楼2单元楼道灯坏了");
    String reply = service.post("/webhooks/generic", asked.encode(), RunningService.GENERIC).bodyAsJsonObject()
        .getJsonArray("replies").getJsonObject(0).getString("text");
    String receipt = reply.replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");
    assertThat(receipt).as(reply).matches("\\d{8}-\\d{4}");
    // The bootstrap admin makes the operator's account through the accounts form.
    ConsoleBrowserSession boss = new ConsoleBrowserSession(service.client);
    assertThat(boss.login("jiedao", "correct-horse-battery").statusCode()).isEqualTo(302);
    boss.get("/console/accounts");
    assertThat(boss.submit("/console/accounts", "username", "wang.fang", "password", "hotline-password-1", "role",
        "operator").statusCode()).isEqualTo(303);

    ChromeDriver browser = HeadlessChromium.start();
    String base = "http://127.0.0.1:" + service.verticle.port();
    String page = base + "/console/tickets/" + receipt;
    try {
      browser.manage().window().setSize(new Dimension(1000, 700));
      browser.get(base + "/console/login");
      browser.findElement(By.name("username")).sendKeys("wang.fang");
      browser.findElement(By.name("password")).sendKeys("hotline-password-1");
      browser.findElement(By.cssSelector("form[action='/console/login'] button")).click();
      HeadlessChromium.arrive(browser, base + "/console/");

      browser.findElement(By.linkText("求助工单")).click();
      HeadlessChromium.arrive(browser, base + "/console/tickets");
      WebElement row = browser.findElement(By.xpath("//table[@id='tickets']//tr[td/a[text()='" + receipt + "']]"));
      assertThat(row.getAttribute("class")).isEqualTo("ticket-within");
      assertThat(row.getText()).contains("已受理", "报修", "3号楼2单元楼道灯坏了", "还剩", "时限内");
      HeadlessChromium.shot(browser, "tickets.png");

      browser.findElement(By.linkText(receipt)).click();
      // The ticket's links and forms stay in the page's community (the default one here).
      HeadlessChromium.arrive(browser, page + "");
      assertThat(browser.findElement(By.id("ticket")).getText()).contains("3号楼2单元楼道灯坏了", "报修", "已受理");

      move(browser, page, "dispatched", "已派物业电工");
      told(receipt + " 已派单", "已派物业电工");
      move(browser, page, "in_progress", "");
      told(receipt + " 办理中");
      move(browser, page, "resolved", "灯已修好");
      JsonObject resolved = told(receipt + " 已办结", "灯已修好");
      assertThat(resolved.getJsonArray("buttons")).hasSize(5);

      WebElement form = browser.findElement(By.id("reply-form"));
      form.findElement(By.name("text")).sendKeys("灯已经换好了，谢谢您的耐心");
      HeadlessChromium.submit(browser, form.findElement(By.cssSelector("button[type=submit]")));
      HeadlessChromium.arrive(browser, page + "?done=reply");
      told("求助热线回复（" + receipt + "）：灯已经换好了，谢谢您的耐心");

      assertThat(browser.findElement(By.id("ticket-status")).getText()).isEqualTo("已办结");
      String history = browser.findElement(By.id("history")).getText();
      assertThat(history).contains("热线工作人员 wang.fang", "已派物业电工", "灯已修好", "灯已经换好了，谢谢您的耐心");
      assertThat(history.split("wang.fang", -1)).hasSize(5);
      browser.manage().window().setSize(new Dimension(1000, 1700));
      HeadlessChromium.shot(browser, "ticket.png");
    } finally {
      browser.quit();
    }
    for (String name : List.of("tickets.png", "ticket.png")) {
      assertThat(Files.size(HeadlessChromium.docs(name))).as(name).isGreaterThan(5_000);
    }
  }

  /** Chooses {@code status} in the status form with {@code note} and waits for the page again. */
  private static void move(ChromeDriver browser, String page, String status, String note) {
    WebElement form = browser.findElement(By.id("status-form"));
    new Select(form.findElement(By.name("status"))).selectByValue(status);
    form.findElement(By.name("note")).sendKeys(note);
    HeadlessChromium.submit(browser, form.findElement(By.cssSelector("button[type=submit]")));
    HeadlessChromium.arrive(browser, page + "?done=status");
    assertThat(browser.findElement(By.id("done")).getText()).contains("状态已更改");
  }

  /** The message the resident u1 reads privately containing every one of {@code parts}. */
  private static JsonObject told(String... parts) {
    return service.app().await(m -> m.getJsonObject("chat").getString("id").equals("u1")
        && List.of(parts).stream().allMatch(p -> m.getString("text", "").contains(p)), 10);
  }

}
