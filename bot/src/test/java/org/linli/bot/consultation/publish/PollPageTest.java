package org.linli.bot.consultation.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public page, its chart and the CSV export over real HTTP on loopback. */
class PollPageTest {

  static PageServer server;

  @BeforeAll
  static void start() {
    server = new PageServer();
    server.results.put("p1", Results.closedSmall("p1", "周六上午活动室是否对外开放？"));
    server.results.put("p2", Results.closedSmall("p2", "<script>alert('x')</script> & 议题"));
    server.results.put("p3", Results.small("p3", "楼道是否安装感应灯", List.of("同意", "不同意"), List.of(17L, 4L), true, true));
    server.results.put("p4", Results.withReceipts(Results.closedSmall("p4", "匿名议题"),
        List.of(new PublishedResult.Receipt("K7F3-Q2", "同意"), new PublishedResult.Receipt("M9X1-A4", "弃权"))));
    server.results.put("p5", Results.closedBig("p5"));
    server.results.put("p6",
        Results.small("p6", "活动室开放时间", List.of("上午, 9点", "下午\"2点\""), List.of(5L, 7L), true, false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void the_page_shows_question_rule_participation_tally_outcome_and_chart() {
    HttpResponse<Buffer> response = server.get("/polls/p1");
    String page = response.bodyAsString();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(response.getHeader("Content-Security-Policy")).startsWith("default-src 'none'");
    assertThat(page).contains("<html lang=\"zh-CN\">", "<meta charset=\"utf-8\">", "name=\"viewport\"");
    assertThat(page).contains("<h1>周六上午活动室是否对外开放？</h1>", "表决规则：过半数通过",
        "同意票过半数（超过投票总数的1/2）", "已达到（8/12票，比门槛多 1票）",
        "共 <strong>12</strong> 人参与（应参与 40 人，参与率 30.0%）",
        "<td>1. 同意</td><td>8</td><td>66.7%</td>", "<td>3. 弃权</td><td>1</td><td>8.3%</td>",
        "<p class=\"verdict passed\">通过<span>（第 1 项“同意”符合表决规则）",
        "<img src=\"/polls/p1/chart.png\" alt=\"投票结果图：周六上午活动室是否对外开放？\"",
        "居务公开 · 本页不含任何个人信息", "截止时间：2026年6月1日 20:00");
    // Nothing is fetched from elsewhere.
    assertThat(page).doesNotContain("http://", "https://", "<script");
  }

  @Test
  void text_from_the_poll_is_escaped() {
    String page = server.get("/polls/p2").bodyAsString();

    assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 议题");
  }

  @Test
  void while_a_hidden_poll_is_open_the_page_shows_participation_but_no_counts() {
    String page = server.get("/polls/p3").bodyAsString();

    assertThat(page).contains("投票进行中", "结果截止后公布", "共 <strong>21</strong> 人参与", "同意票过半数（超过投票总数的1/2）",
        "投票进行中，截止后按表决规则得出结论");
    assertThat(page).doesNotContain("<table", "17", "81.0%", "已达到", "class=\"verdict");
  }

  @Test
  void an_anonymous_poll_lists_its_receipt_codes_once_closed() {
    String page = server.get("/polls/p4").bodyAsString();

    assertThat(page).contains("<h2>投票回执</h2>", "<td><code>K7F3-Q2</code></td><td>同意</td>",
        "<td><code>M9X1-A4</code></td><td>弃权</td>");
    assertThat(server.get("/polls/p1").bodyAsString()).doesNotContain("投票回执");
  }

  @Test
  void a_big_matter_shows_households_floor_area_and_each_condition_of_the_civil_code() {
    String page = server.get("/polls/p5").bodyAsString();

    assertThat(page).contains("大事：按户表决，一户一票", "《民法典》第二百七十八条 · 重大事项",
        "共 <strong>95</strong> 户参与（应参与 120 户，参与率 79.2%）",
        "参与表决的专有部分面积 9300.00 m²（总面积 12000.00 m²，占 77.5%）",
        "<th>户数</th><th>占比</th><th>面积（m²）</th>", "<td>1. 同意</td><td>70</td><td>73.7%</td><td>7000.00</td>",
        "✘ 未满足</span> 同意的户数不少于参与表决户数的3/4", "<p class=\"verdict failed\">未通过<span>（第 1 项“同意”未达到表决规则）");
  }

  @Test
  void an_unknown_poll_is_a_404_page_in_plain_words() {
    HttpResponse<Buffer> response = server.get("/polls/p404");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.getHeader("Content-Type")).startsWith("text/html");
    assertThat(response.bodyAsString()).contains("没有找到这个投票", "请检查链接里的投票编号");
    assertThat(server.get("/polls/p%7B1%7D").statusCode()).isEqualTo(404);
  }

  @Test
  void the_chart_is_a_png_with_a_short_cache_life() throws Exception {
    HttpResponse<Buffer> response = server.get("/polls/p1/chart.png");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("image/png");
    assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=300");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body().getBytes()));
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(server.get("/polls/p3/chart.png").getHeader("Cache-Control")).isEqualTo("public, max-age=30");
    assertThat(server.get("/polls/p404/chart.png").statusCode()).isEqualTo(404);
  }

  @Test
  void the_csv_export_is_an_attachment_excel_reads_as_utf_8() {
    HttpResponse<Buffer> response = server.get("/api/v1/polls/p6/results.csv");
    byte[] bytes = response.body().getBytes();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"poll-p6.csv\"");
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("\"上午, 9点\",5,0.4167,\r\n", "\"下午\"\"2点\"\"\",7,0.5833,\r\n");
    assertThat(server.get("/api/v1/polls/p404/results.csv").bodyAsJsonObject().getString("error"))
        .isEqualTo("not_found");
  }
}
