package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.webhooks.hub.SpecSignature;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The public monthly page of the help-line (评价结果公开) over real HTTP: the month's figures from
 * tickets opened, resolved, rated and reopened through the chat and the hub's callbacks, no
 * personal data, and the page as headless Chromium shows it (Debian's chromium and
 * chromium-driver, driven by Selenium; skipped where they are not installed). The screenshot is
 * written to {@code target/stats-month.png}; the copy committed is {@code docs/images/stats-month.png}.
 */
class StatsPageTest {

  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of("LINLI_HUB_SECRET", SECRET,
      "LINLI_TICKETS_PER_RESIDENT_PER_HOUR", "20"));

  static final Map<String, String> receipts = new LinkedHashMap<>();
  static String month;

  /** Ten requests from eight residents; six resolved, five rated (one with 2 stars, which reopens). */
  @BeforeAll
  static void open_resolve_and_rate_tickets() {
    String[][] requests = {
        {"u1", "/help 3号楼2单元楼道灯坏了，电话13812345678"},
        {"u2", "/help 5号楼电梯坏了停运两天了"},
        {"u3", "/help 2栋厨房水管漏水，楼下都湿了"},
        {"u4", "/help 6号楼家里下水道堵了"},
        {"u5", "/help 想咨询一下低保怎么申请"},
        {"u6", "/help 独居老人张阿姨需要助餐服务"},
        {"u7", "/help 小区门口路灯不亮"},
        {"u8", "/help 请问居住证在哪里办理"},
        {"u1", "/help 8号楼单元门禁坏了打不开"},
        {"u2", "/help 有人晕倒了，快来人！"},
    };
    for (String[] r : requests) {
      receipts.put(receipt(say(r[0], r[1])), r[0]);
    }
    month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
    int i = 0;
    int[] stars = {5, 4, 5, 2, 3};
    for (Map.Entry<String, String> t : receipts.entrySet()) {
      if (i < 6) {
        callback("msg_d" + i, t.getKey(), "dispatched", "已派单");
        callback("msg_r" + i, t.getKey(), "resolved", "已办结");
      }
      if (i < stars.length) {
        press(t.getValue(), "rate:" + t.getKey() + ":" + stars[i]);
      }
      i++;
    }
  }

  private static JsonObject say(String user, String text) {
    JsonObject body = new JsonObject()
        .put("chat", new JsonObject().put("id", "g1").put("type", "group"))
        .put("from", new JsonObject().put("id", user))
        .put("text", text);
    return service.post("/webhooks/generic", body.encode(), RunningService.GENERIC).bodyAsJsonObject()
        .getJsonArray("replies").getJsonObject(0);
  }

  private static void press(String user, String data) {
    JsonObject body = new JsonObject()
        .put("chat", new JsonObject().put("id", "g1").put("type", "group"))
        .put("from", new JsonObject().put("id", user))
        .put("callback", data);
    assertThat(service.post("/webhooks/generic", body.encode(), RunningService.GENERIC).statusCode()).isEqualTo(200);
  }

  private static String receipt(JsonObject reply) {
    String receipt = reply.getString("text").replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");
    assertThat(receipt).as(reply.getString("text")).matches("\\d{8}-\\d{4}");
    return receipt;
  }

  private static void callback(String id, String receipt, String status, String note) {
    byte[] body = new JsonObject().put("type", "ticket.status").put("receipt", receipt).put("status", status)
        .put("note", note).encode().getBytes(StandardCharsets.UTF_8);
    String timestamp = String.valueOf(Instant.now().getEpochSecond());
    HttpResponse<Buffer> answer = RunningService.await(service.client.post("/webhooks/hub")
        .putHeader("Content-Type", "application/json")
        .putHeader("webhook-id", id)
        .putHeader("webhook-timestamp", timestamp)
        .putHeader("webhook-signature", SpecSignature.of(SECRET, id, timestamp, body))
        .sendBuffer(Buffer.buffer(body)));
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
  }

  @Test
  void the_month_page_shows_the_figures_by_category_with_a_chart_and_no_personal_data() {
    HttpResponse<Buffer> page = service.get("/stats/" + month, null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Content-Type")).startsWith("text/html");
    assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'none'");
    String html = page.bodyAsString();
    assertThat(html).contains("求助办理情况", "受理求助", "10 件", "按时限办结", "办结用时（中位数）", "1 分钟", "报修", "紧急求助",
        "<svg", "满意（4–5 星）", "3/5", "重新办理", "1/6", "平均 3.8 星（5 条评价）");
    for (String receipt : receipts.keySet()) {
      assertThat(html).doesNotContain(receipt);
    }
    assertThat(html).doesNotContain("13812345678", "张阿姨", "楼道灯坏了", "u1", "g1");
  }

  @Test
  void stats_sends_to_the_current_month_and_an_impossible_or_future_month_is_not_found() {
    HttpResponse<Buffer> current = RunningService.await(service.client.get("/stats").followRedirects(false).send());

    assertThat(current.statusCode()).isEqualTo(302);
    assertThat(current.getHeader("Location")).isEqualTo("/stats/" + month);
    assertThat(service.get("/stats/2026-13", null).statusCode()).isEqualTo(404);
    assertThat(service.get("/stats/" + YearMonth.parse(month).plusMonths(1), null).statusCode()).isEqualTo(404);
    String earlier = service.get("/stats/" + YearMonth.parse(month).minusMonths(1), null).bodyAsString();
    assertThat(earlier).contains("这个月还没有收到求助");
  }

  @Test
  void headless_chromium_shows_the_month_page_with_its_chart() throws Exception {
    HeadlessChromium.assumeInstalled();
    Path png = Path.of("target", "stats-month.png").toAbsolutePath();
    Files.createDirectories(png.getParent());
    ChromeDriver browser = HeadlessChromium.start();
    try {
      browser.manage().window().setSize(new Dimension(900, 1400));
      browser.get("http://127.0.0.1:" + service.verticle.port() + "/stats/" + month);
      assertThat(browser.getTitle()).contains("求助办理情况");
      File shot = browser.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), png, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      browser.quit();
    }

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isGreaterThanOrEqualTo(800);
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    // Anti-aliased Chinese text and the chart: a blank or error page has a handful of colours.
    assertThat(colours).hasSizeGreaterThan(100);
    // The chart was drawn: its first bar is in the house red.
    assertThat(colours).contains(0xFFC0392B);
    assertThat(docs("images/stats-month.png")).as("the committed screenshot").isRegularFile();
  }

  /** A file under docs/ of the repository, wherever the test runs. */
  private static Path docs(String name) {
    for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
      if (Files.isDirectory(at.resolve("docs"))) {
        return at.resolve("docs").resolve(name);
      }
    }
    return Path.of("docs", name);
  }
}
