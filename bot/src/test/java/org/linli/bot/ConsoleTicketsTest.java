package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.attachment.Jpegs;

/**
 * The help-line operator's console pages over real HTTP with a real Redis, in the built-in hub
 * mode: the queue and its CSV, a ticket's page and its forms acting in the account's name, a
 * moderator who reads them but is refused every action, CSRF, an unknown receipt, and refused input that shows the
 * page again with a sentence and changes nothing (no history line, no message to the resident).
 */
class ConsoleTicketsTest {

  static final String BOSS = "boss";
  static final String BOSS_PASSWORD = "correct-horse-battery";

  @RegisterExtension
  static final RunningService service = RunningService.perClassWithChatApp(Map.of(
      "LINLI_HUB_MODE", "builtin",
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", BOSS + ":" + BOSS_PASSWORD,
      "LINLI_OUTBOX_POLL_MILLIS", "50"));

  private static ConsoleBrowserSession signedIn(String name, String password) {
    return ConsoleBrowserSession.signedIn(service.client, name, password);
  }

  /** An account of {@code role} made through the admin's form (once), signed in. */
  private static ConsoleBrowserSession account(String name, String role) {
    ConsoleBrowserSession boss = signedIn(BOSS, BOSS_PASSWORD);
    if (!boss.get("/console/accounts").bodyAsString().contains(">" + name + "<")) {
      HttpResponse<Buffer> made = boss.submit("/console/accounts", "username", name, "password", name + "-password",
          "role", role);
      assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(303);
    }
    return signedIn(name, name + "-password");
  }

  /** Opens a ticket for {@code user} in group g1 through the generic webhook; its receipt number. */
  private static String help(String user, String text) {
    JsonObject body = new JsonObject().put("chat", new JsonObject().put("id", "g1").put("type", "group"))
        .put("from", new JsonObject().put("id", user)).put("text", "/help " + text);
    JsonArray replies = service.post("/webhooks/generic", body.encode(), RunningService.GENERIC).bodyAsJsonObject()
        .getJsonArray("replies");
    String reply = replies.getJsonObject(0).getString("text");
    String receipt = reply.replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");
    assertThat(receipt).as(reply).matches("\\d{8}-\\d{4}");
    return receipt;
  }

  private static JsonObject ticket(String receipt) {
    return service.get("/api/v1/tickets/" + receipt, RunningService.ADMIN).bodyAsJsonObject();
  }

  private static List<JsonObject> history(String receipt) {
    return ticket(receipt).getJsonArray("history").stream().map(o -> (JsonObject) o).toList();
  }

  /** Messages the resident {@code user} read privately containing {@code part}. */
  private static List<JsonObject> toldTo(String user, String part) {
    return service.app().matching(m -> m.getJsonObject("chat").getString("id").equals(user)
        && m.getString("text", "").contains(part));
  }

  @Test
  void an_operator_sees_the_open_tickets_coloured_by_time_left_filtered_by_status_and_the_api_s_csv() {
    String receipt = help("u1", "5号楼1单元楼道灯坏了");
    ConsoleBrowserSession wang = account("wang", "operator");

    HttpResponse<Buffer> queue = wang.get("/console/tickets");

    assertThat(queue.statusCode()).isEqualTo(200);
    String page = queue.bodyAsString();
    // Links stay in the page's community (?c=, the default one here).
    assertThat(page).contains("href=\"/console/tickets/" + receipt + "\"", "5号楼1单元楼道灯坏了", "已受理",
        "<tr class=\"ticket-within\">", "还剩", "时限内", "href=\"/console/tickets?status=dispatched\"",
        "href=\"/console/tickets.csv\"", "href=\"/console/tickets\"");
    assertThat(wang.get("/console/tickets?status=received").bodyAsString()).contains(receipt);
    assertThat(wang.get("/console/tickets?status=in_progress").bodyAsString()).doesNotContain(receipt);
    HttpResponse<Buffer> closed = wang.get("/console/tickets?status=closed");
    assertThat(closed.statusCode()).isEqualTo(400);
    assertThat(closed.bodyAsString()).contains("筛选条件不对");

    HttpResponse<Buffer> csv = wang.get("/console/tickets.csv");
    HttpResponse<Buffer> api = service.get("/api/v1/tickets.csv", RunningService.ADMIN);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(csv.getHeader("Content-Disposition")).contains("tickets.csv");
    assertThat(csv.bodyAsString()).isEqualTo(api.bodyAsString()).contains(receipt, "receipt,created_at");
  }

  @Test
  void a_moderator_reads_the_ticket_pages_but_is_refused_every_action_and_an_admin_may_use_them() {
    String receipt = help("u2", "7号楼门口垃圾没人收");
    ConsoleBrowserSession li = account("li", "moderator");

    // A moderator reads their community's tickets (issue 13) but does not work them.
    assertThat(li.get("/console/").bodyAsString()).contains("href=\"/console/tickets\"");
    for (String path : List.of("/console/tickets", "/console/tickets.csv", "/console/tickets/" + receipt)) {
      HttpResponse<Buffer> read = li.get(path);
      assertThat(read.statusCode()).as(path).isEqualTo(200);
      assertThat(read.bodyAsString()).as(path).contains(receipt).doesNotContain("id=\"status-form\"");
    }
    li.get("/console/tokens");
    for (String[] form : List.of(new String[]{"status", "status", "dispatched"}, new String[]{"reply", "text", "好"},
        new String[]{"category", "category", "emergency"}, new String[]{"merge", "into", "20200101-0001"})) {
      HttpResponse<Buffer> refused = li.submit("/console/tickets/" + receipt + "/" + form[0], form[1], form[2]);
      assertThat(refused.statusCode()).as(form[0]).isEqualTo(403);
    }
    assertThat(history(receipt)).hasSize(1);
    assertThat(ticket(receipt).getString("category")).isNotEqualTo("emergency");

    ConsoleBrowserSession boss = signedIn(BOSS, BOSS_PASSWORD);
    assertThat(boss.get("/console/").bodyAsString()).contains("href=\"/console/tickets\"");
    assertThat(boss.get("/console/tickets/" + receipt).statusCode()).isEqualTo(200);
    assertThat(boss.submit("/console/tickets/" + receipt + "/status", "status", "dispatched", "note", "")
        .statusCode()).isEqualTo(303);
    assertThat(history(receipt).get(1).getString("by")).isEqualTo(BOSS);
  }

  @Test
  void a_change_without_the_session_s_csrf_token_is_refused_and_changes_nothing() {
    String receipt = help("u3", "9号楼地下室漏水");
    ConsoleBrowserSession wang = account("wang", "operator");
    wang.get("/console/tickets/" + receipt);

    HttpResponse<Buffer> none = wang.post("/console/tickets/" + receipt + "/status", "status", "dispatched");
    HttpResponse<Buffer> forged = wang.post("/console/tickets/" + receipt + "/reply", "text", "你好", "_csrf",
        "forged");

    for (HttpResponse<Buffer> refused : List.of(none, forged)) {
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.bodyAsString()).contains("表单已经过期");
    }
    assertThat(history(receipt)).hasSize(1);
    assertThat(ticket(receipt).getString("status")).isEqualTo("received");
  }

  @Test
  void an_unknown_receipt_is_a_404_page_for_its_page_and_its_forms() {
    ConsoleBrowserSession wang = account("wang", "operator");
    wang.get("/console/tickets");

    HttpResponse<Buffer> page = wang.get("/console/tickets/20200101-0099");
    HttpResponse<Buffer> move = wang.submit("/console/tickets/20200101-0099/status", "status", "dispatched");
    HttpResponse<Buffer> reply = wang.submit("/console/tickets/20200101-0099/reply", "text", "你好");

    for (HttpResponse<Buffer> missing : List.of(page, move, reply)) {
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.bodyAsString()).contains("没有回执号为 20200101-0099 的求助。");
    }
  }

  @Test
  void refused_input_shows_the_ticket_again_with_a_sentence_and_changes_nothing() {
    String receipt = help("u4", "4号楼电梯按钮不灵");
    String other = help("u5", "4号楼电梯按钮坏了");
    ConsoleBrowserSession wang = account("wang", "operator");
    String page = wang.get("/console/tickets/" + receipt).bodyAsString();
    // Only the moves the lifecycle allows from received are offered (merging has its own form).
    assertThat(page).contains("<option value=\"dispatched\">", "<option value=\"in_progress\">",
        "<option value=\"rejected\">").doesNotContain("<option value=\"resolved\">", "<option value=\"merged\">",
            "<option value=\"closed\">");
    String path = "/console/tickets/" + receipt;

    Map<HttpResponse<Buffer>, String> refusals = Map.of(
        wang.submit(path + "/status", "status", "resolved", "note", "修好了"), "现在是「已受理」，不能改为「已办结」",
        wang.submit(path + "/status", "status", "rejected", "note", " "), "必须在说明里写明原因",
        wang.submit(path + "/status", "status", "flying"), "请选择一个新状态",
        wang.submit(path + "/reply", "text", "   "), "回复要写 1 到 2000 个字",
        wang.submit(path + "/merge", "into", receipt), "不能并入它自己",
        wang.submit(path + "/merge", "into", "20200101-0001"), "没有回执号为 20200101-0001 的求助",
        wang.submit(path + "/category", "category", "astrology"), "请从列表里选择类别");

    refusals.forEach((answer, sentence) -> {
      assertThat(answer.statusCode()).as(sentence).isIn(400, 409);
      assertThat(answer.bodyAsString()).as(sentence).contains(sentence, "id=\"refused\"", "id=\"history\"",
          "4号楼电梯按钮不灵");
    });
    assertThat(wang.submit(path + "/status", "status", "resolved").statusCode()).isEqualTo(409);
    JsonObject after = ticket(receipt);
    assertThat(after.getString("status")).isEqualTo("received");
    assertThat(after.getJsonArray("history")).hasSize(1);
    assertThat(ticket(other).getJsonArray("history")).hasSize(1);
    Waits.pause(300);
    assertThat(toldTo("u4", receipt)).isEmpty();
  }

  @Test
  void an_operator_s_actions_reach_the_resident_and_are_history_lines_and_audit_entries_in_their_name() {
    String receipt = help("u6", "6号楼楼下的路灯坏了");
    String duplicate = help("u7", "6号楼楼下路灯不亮");
    ConsoleBrowserSession wang = account("wang", "operator");
    String path = "/console/tickets/" + receipt;
    wang.get(path);

    HttpResponse<Buffer> moved = wang.submit(path + "/status", "status", "dispatched", "note", "已派物业电工");
    assertThat(moved.statusCode()).isEqualTo(303);
    assertThat(moved.getHeader("Location")).isEqualTo(path + "?done=status");
    service.app().await(m -> m.getJsonObject("chat").getString("id").equals("u6")
        && m.getString("text", "").contains(receipt + " 已派单") && m.getString("text").contains("已派物业电工"), 10);
    assertThat(wang.submit(path + "/reply", "text", "师傅下午两点到").statusCode()).isEqualTo(303);
    service.app().await(m -> m.getJsonObject("chat").getString("id").equals("u6")
        && m.getString("text", "").contains("求助热线回复（" + receipt + "）：师傅下午两点到"), 10);
    assertThat(wang.submit(path + "/category", "category", "emergency").statusCode()).isEqualTo(303);
    assertThat(wang.submit("/console/tickets/" + duplicate + "/merge", "into", receipt, "note", "同一盏灯")
        .statusCode()).isEqualTo(303);

    String shown = wang.get(path + "?done=status").bodyAsString();
    assertThat(shown).contains("状态已更改，已经告诉居民。", "热线工作人员 wang", "已派物业电工", "师傅下午两点到",
        "回复居民", "更正类别", duplicate, "紧急");
    assertThat(history(receipt)).extracting(l -> l.getString("kind"), l -> l.getString("by")).containsExactly(
        org.assertj.core.api.Assertions.tuple("status", null),
        org.assertj.core.api.Assertions.tuple("status", "wang"),
        org.assertj.core.api.Assertions.tuple("message", "wang"),
        org.assertj.core.api.Assertions.tuple("category", "wang"),
        org.assertj.core.api.Assertions.tuple("merge", "wang"));
    assertThat(ticket(duplicate).getString("status")).isEqualTo("merged");
    String audit = signedIn(BOSS, BOSS_PASSWORD).get("/console/audit").bodyAsString();
    assertThat(audit).contains("ticket.status", receipt + " dispatched", "ticket.reply", "ticket.category",
        receipt + " emergency", "ticket.merge", duplicate + " -&gt; " + receipt);
  }

  @Test
  void a_ticket_s_photo_is_a_signed_link_on_its_page_that_opens_the_photo() {
    JsonObject body = new JsonObject().put("chat", new JsonObject().put("id", "u8").put("type", "private"))
        .put("from", new JsonObject().put("id", "u8")).put("text", "/help 2号楼3单元楼道窗户玻璃碎了")
        .put("image", new JsonObject().put("base64", Base64.getEncoder().encodeToString(Jpegs.plain())));
    String reply = service.post("/webhooks/generic", body.encode(), RunningService.GENERIC).bodyAsJsonObject()
        .getJsonArray("replies").getJsonObject(0).getString("text");
    String receipt = reply.replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");
    ConsoleBrowserSession wang = account("wang", "operator");

    String page = wang.get("/console/tickets/" + receipt).bodyAsString();

    Matcher link = Pattern.compile("<a href=\"(/attachments/[^\"]+)\">照片 1（\\d+ KB）</a>").matcher(page);
    assertThat(link.find()).as(page).isTrue();
    assertThat(link.group(1)).contains("expires=", "sig=");
    HttpResponse<Buffer> photo = RunningService.await(service.client.get(link.group(1).replace("&amp;", "&")).send());
    assertThat(photo.statusCode()).isEqualTo(200);
    assertThat(photo.getHeader("Content-Type")).isEqualTo("image/jpeg");
    assertThat(photo.body().getBytes()).isEqualTo(Jpegs.plain());
  }
}
