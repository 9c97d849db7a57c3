package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's guides page over real HTTP against a real Redis: roles refused route by route, a
 * guide edited, previewed and published (the next answer shows it), a text that cannot be read
 * shown again with the parser's sentence and nothing changed, CSRF on every change, withdraw and
 * restore, and an unanswered question's "write a guide for this" link.
 */
class ConsoleGuidesTest {

  private static final String BOSS = "boss";
  private static final String PASSWORD = "correct-horse-battery";
  private static final String GUIDE = "juzhuzheng-apply";
  private static final String QUESTION = "居住证怎么办";

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of(
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", BOSS + ":" + PASSWORD));

  @BeforeAll
  static void accounts() {
    ConsoleBrowserSession boss = signedIn(BOSS, PASSWORD);
    boss.get("/console/accounts");
    for (String[] a : List.of(new String[]{"li", "moderator"}, new String[]{"wang", "operator"})) {
      assertThat(boss.submit("/console/accounts", "username", a[0], "password", a[0] + "-password-1", "role", a[1])
          .statusCode()).isEqualTo(303);
    }
  }

  private static ConsoleBrowserSession signedIn(String name, String password) {
    return ConsoleBrowserSession.signedIn(service.client, name, password);
  }

  private static String shipped() {
    return service.get("/api/v1/guides/" + GUIDE, RunningService.ADMIN).bodyAsJsonObject().getString("markdown");
  }

  @Test
  void an_operator_is_refused_the_guides_pages_and_their_changes() {
    ConsoleBrowserSession wang = signedIn("wang", "wang-password-1");
    assertThat(wang.get("/console/").bodyAsString()).doesNotContain("href=\"/console/guides\"");
    for (String page : List.of("/console/guides", "/console/guides/new", "/console/guides/" + GUIDE + "/edit")) {
      HttpResponse<Buffer> refused = wang.get(page);
      assertThat(refused.statusCode()).as(page).isEqualTo(403);
      assertThat(refused.bodyAsString()).contains("没有权限");
    }
    String before = shipped();
    wang.get("/console/tokens");
    assertThat(wang.submit("/console/guides/publish", "id", GUIDE, "markdown", before.replace("居住证", "X"))
        .statusCode()).isEqualTo(403);
    assertThat(wang.submit("/console/guides/preview", "id", GUIDE, "markdown", before).statusCode()).isEqualTo(403);
    assertThat(wang.submit("/console/guides/" + GUIDE + "/withdraw").statusCode()).isEqualTo(403);
    assertThat(shipped()).isEqualTo(before);
    assertThat(signedIn("li", "li-password-1").get("/console/guides").statusCode()).isEqualTo(200);
  }

  @Test
  void a_moderator_previews_and_publishes_an_edited_summary_and_the_next_answer_shows_it() {
    ConsoleBrowserSession li = signedIn("li", "li-password-1");
    String list = li.get("/console/guides").bodyAsString();
    assertThat(list).contains("href=\"/console/guides/" + GUIDE + "/edit\"", "居住证");
    String editor = li.get("/console/guides/" + GUIDE + "/edit").bodyAsString();
    assertThat(editor).contains("<textarea id=\"markdown\" name=\"markdown\"", "id: " + GUIDE,
        "formaction=\"/console/guides/preview\"");
    String edited = shipped().replaceFirst("(?m)^一句话摘要：.*$", "一句话摘要：居住证可在网上申领，三个工作日内寄到家（控制台试点）。");

    HttpResponse<Buffer> preview = li.submit("/console/guides/preview", "id", GUIDE, "markdown", edited);
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.bodyAsString()).contains("id=\"preview-summary\"", "还没有发布", "控制台试点");
    assertThat(service.ask(QUESTION).getString("text")).as("a preview publishes nothing").doesNotContain("控制台试点");

    HttpResponse<Buffer> published = li.submit("/console/guides/publish", "id", GUIDE, "markdown", edited);
    assertThat(published.statusCode()).as(published.bodyAsString()).isEqualTo(303);
    assertThat(published.getHeader("Location")).isEqualTo("/console/guides/" + GUIDE + "/edit?done=published");
    assertThat(li.get(published.getHeader("Location")).bodyAsString()).contains("已发布", "控制台试点");
    assertThat(service.ask(QUESTION).getString("text")).contains("控制台试点");
    assertThat(li.get("/console/guides").bodyAsString()).contains("已修改", "/console/guides/" + GUIDE + "/restore");

    assertThat(li.submit("/console/guides/" + GUIDE + "/restore").statusCode()).isEqualTo(303);
    assertThat(service.ask(QUESTION).getString("text")).doesNotContain("控制台试点");
    String audit = signedIn(BOSS, PASSWORD).get("/console/audit").bodyAsString();
    assertThat(audit).contains("guide.publish", "guide.restore", GUIDE, "li");
  }

  @Test
  void a_guide_that_cannot_be_read_shows_the_parser_s_sentence_and_changes_nothing() {
    String before = shipped();
    ConsoleBrowserSession boss = signedIn(BOSS, PASSWORD);
    boss.get("/console/guides/" + GUIDE + "/edit");
    String noTitle = "---\nid: " + GUIDE + "\n---\n一句话摘要：没有标题的指南。\n";

    HttpResponse<Buffer> refused = boss.submit("/console/guides/publish", "id", GUIDE, "markdown", noTitle);
    HttpResponse<Buffer> otherId = boss.submit("/console/guides/publish", "id", GUIDE, "markdown",
        "---\nid: other-guide\ntitle: 别的\n---\n正文\n");
    HttpResponse<Buffer> preview = boss.submit("/console/guides/preview", "id", GUIDE, "markdown", "没有前言");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsString()).contains("没有发布，什么都没改", "The guide cannot be read: front matter has no 'title'",
        "没有标题的指南。");
    assertThat(otherId.statusCode()).isEqualTo(400);
    assertThat(otherId.bodyAsString()).contains("other-guide");
    assertThat(preview.statusCode()).isEqualTo(400);
    assertThat(preview.bodyAsString()).contains("cannot be read").doesNotContain("id=\"preview\"");
    assertThat(shipped()).isEqualTo(before);
    assertThat(service.get("/api/v1/guides", RunningService.ADMIN).bodyAsJsonObject().getJsonArray("guides").stream()
        .map(io.vertx.core.json.JsonObject.class::cast).filter(g -> g.getString("id").equals(GUIDE)).findFirst()
        .orElseThrow().getBoolean("edited")).isFalse();
  }

  @Test
  void a_change_without_the_session_s_csrf_token_is_refused_and_changes_nothing() {
    String before = shipped();
    ConsoleBrowserSession boss = signedIn(BOSS, PASSWORD);
    boss.get("/console/guides");

    HttpResponse<Buffer> none = boss.post("/console/guides/publish", "id", GUIDE, "markdown", before + "\n附加。\n");
    HttpResponse<Buffer> forged = boss.post("/console/guides/" + GUIDE + "/withdraw", "_csrf", "forged");

    for (HttpResponse<Buffer> r : List.of(none, forged)) {
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.bodyAsString()).contains("表单已经过期");
    }
    assertThat(shipped()).isEqualTo(before);
    assertThat(boss.get("/console/guides").bodyAsString()).doesNotContain("id=\"withdrawn\"");
  }

  @Test
  void a_withdrawn_guide_stops_answering_until_restored_and_a_new_guide_answers_an_unanswered_question() {
    String asked = "小区里的流浪猫可以找谁来绝育";
    assertThat(service.ask(asked).getString("kind")).isEqualTo("not_sure");
    ConsoleBrowserSession boss = signedIn(BOSS, PASSWORD);
    String list = boss.get("/console/guides").bodyAsString();
    String link = "/console/guides/new?question=" + URLEncoder.encode(asked, StandardCharsets.UTF_8);
    assertThat(list).contains(asked, "href=\"" + link + "\"", "为这个问题写指南");
    String editor = boss.get(link).bodyAsString();
    assertThat(editor).contains("questions:\n  - \"" + asked + "\"", "name=\"id\"");

    String guide = "---\nid: stray-cats\ntitle: 流浪猫绝育\ncategory: 社区事务\nquestions:\n  - \"" + asked
        + "\"\ntags: [流浪猫, 绝育]\n---\n一句话摘要：小区流浪猫绝育可联系居委会登记，由合作宠物医院免费绝育（流浪猫试点）。\n";
    assertThat(boss.submit("/console/guides/publish", "id", "stray-cats", "fresh", "1", "markdown", guide)
        .statusCode()).isEqualTo(303);
    assertThat(service.ask(asked).getString("text")).contains("流浪猫试点");

    assertThat(boss.submit("/console/guides/stray-cats/withdraw").statusCode()).isEqualTo(303);
    assertThat(service.ask(asked).encode()).doesNotContain("流浪猫试点");
    assertThat(boss.get("/console/guides").bodyAsString()).contains("id=\"withdrawn\"", "stray-cats");
    assertThat(boss.submit("/console/guides/stray-cats/restore").statusCode()).isEqualTo(303);
    assertThat(boss.get("/console/guides/stray-cats/edit").statusCode()).isEqualTo(404);
    assertThat(boss.submit("/console/guides/no-such-guide/withdraw").statusCode()).isEqualTo(404);
  }
}
