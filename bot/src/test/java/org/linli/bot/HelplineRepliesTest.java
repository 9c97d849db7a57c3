package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.bot.attachment.Jpegs;
import org.linli.webhooks.hub.FakeHub;
import org.linli.webhooks.hub.SpecSignature;

/**
 * The resident's side of a ticket end to end, against a fake hub and a fake chat app on loopback:
 * replies while a ticket waits (private, quoted, {@code /reply}, several tickets waiting), every
 * rating its own signed event counted in the month's figures, the comment after a button rating,
 * and the community's evaluation (联合评单).
 */
class HelplineRepliesTest extends WithHubAndChatApp {

  @TempDir
  Path data;

  /** What the bot answers to {@code body} on the generic webhook (every reply). */
  private static JsonArray replies(RunningService service, JsonObject body) {
    return service.post("/webhooks/generic", body.encode(), RunningService.GENERIC).bodyAsJsonObject()
        .getJsonArray("replies");
  }

  private static JsonObject event(String chat, String type, String user) {
    return new JsonObject().put("chat", new JsonObject().put("id", chat).put("type", type))
        .put("from", new JsonObject().put("id", user));
  }

  private static JsonObject inGroup(RunningService service, String user, String text) {
    return replies(service, event("g1", "group", user).put("text", text)).getJsonObject(0);
  }

  private static JsonArray privately(RunningService service, String user, String text) {
    return replies(service, event(user, "private", user).put("text", text));
  }

  private static JsonObject press(RunningService service, String chat, String type, String user, String data) {
    return replies(service, event(chat, type, user).put("callback", data)).getJsonObject(0);
  }

  private static String receipt(JsonObject reply) {
    String receipt = reply.getString("text").replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");
    assertThat(receipt).as(reply.getString("text")).matches("\\d{8}-\\d{4}");
    return receipt;
  }

  private static int callbacks;

  private static void hubSays(RunningService service, String receipt, String status, String note) {
    JsonObject event = new JsonObject().put("type", "ticket.status")
        .put("data", new JsonObject().put("receipt", receipt).put("status", status).put("note", note));
    byte[] body = event.encode().getBytes(StandardCharsets.UTF_8);
    String id = "msg_cb_" + receipt + "_" + (++callbacks);
    String ts = String.valueOf(Instant.now().getEpochSecond());
    int code = RunningService.await(service.client.post("/webhooks/hub")
        .putHeader("Content-Type", "application/json")
        .putHeader("webhook-id", id)
        .putHeader("webhook-timestamp", ts)
        .putHeader("webhook-signature", SpecSignature.of(SECRET, id, ts, body))
        .sendBuffer(Buffer.buffer(body))).statusCode();
    assertThat(code).as(status).isEqualTo(200);
  }

  private static JsonObject ticket(RunningService service, String receipt) {
    return service.get("/api/v1/tickets/" + receipt, HUB_TOKEN).bodyAsJsonObject();
  }

  /** Opens a ticket for {@code user} in group g1 and has the hub ask the resident a question. */
  private String waiting(RunningService service, String user, String text) {
    String receipt = receipt(inGroup(service, user, "/help " + text));
    hubSays(service, receipt, "dispatched", "已派物业");
    hubSays(service, receipt, "waiting_resident", "请问是几楼？");
    app.await(m -> m.getString("text", "").contains(receipt + " 待居民补充"), 10);
    return receipt;
  }

  private FakeHub.Received signedEvent(String webhookId) {
    FakeHub.Received call = hub.await(c -> c.webhookId().equals(webhookId) && c.answered() == 204, 15);
    assertThat(call.signature()).isEqualTo(SpecSignature.of(SECRET, call.webhookId(), call.timestamp(), call.body()));
    return call;
  }

  @Test
  void a_private_reply_to_a_waiting_ticket_reaches_the_hub_as_a_signed_ticket_reply_and_the_clock_resumes() {
    // Clock-time limits: under the shipped working-day limits a wait at the weekend rightly does not
    // move the due time, and this test ran on every day of the week.
    Map<String, String> env = helplineEnv();
    env.put("LINLI_TICKETS_TIME_LIMIT_HOURS", "default=72h");
    try (RunningService service = RunningService.start(data, env)) {
      String receipt = waiting(service, "u7", "7号楼家里水管漏水了");
      String dueWhileWaiting = ticket(service, receipt).getString("dueAt");

      JsonArray answer = privately(service, "u7", "7号楼1单元302，已经漏到楼下了");

      assertThat(answer.getJsonObject(0).getString("text")).contains(receipt, "已转给求助热线", "办理中");
      JsonObject event = signedEvent("msg_" + receipt + "_reply_1").json();
      assertThat(event.getString("type")).isEqualTo("ticket.reply");
      JsonObject d = event.getJsonObject("data");
      assertThat(d.getString("receipt")).isEqualTo(receipt);
      assertThat(d.getString("text")).isEqualTo("7号楼1单元302，已经漏到楼下了");
      assertThat(d.getString("from")).isEqualTo("resident");
      assertThat(d.getString("status")).isEqualTo("in_progress");
      assertThat(d.getBoolean("resumed")).isTrue();
      assertThat(d.getJsonArray("attachments")).isEmpty();
      JsonObject t = ticket(service, receipt);
      assertThat(t.getString("status")).isEqualTo("in_progress");
      JsonObject last = t.getJsonArray("history").getJsonObject(t.getJsonArray("history").size() - 1);
      assertThat(last.getString("kind")).isEqualTo("reply");
      assertThat(last.getString("actor")).isEqualTo("resident");
      assertThat(last.getString("note")).isEqualTo("7号楼1单元302，已经漏到楼下了");
      // The time spent waiting does not count: the due time moved later.
      assertThat(Instant.parse(t.getString("dueAt"))).isAfter(Instant.parse(dueWhileWaiting));
      // Once the ticket runs again, a private message is a question again, not a reply.
      privately(service, "u7", "外地人租房能办居住证吗");
      sleepQuietly(500);
      assertThat(hub.received()).noneMatch(c -> c.webhookId().equals("msg_" + receipt + "_reply_2"));
    }
  }

  @Test
  void a_private_reply_with_a_photo_reaches_the_hub_as_a_ticket_reply_with_a_signed_link_to_the_photo() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      String receipt = waiting(service, "u8", "3号楼楼道灯坏了");
      byte[] photo = Jpegs.withGps();

      JsonObject message = event("u8", "private", "u8").put("text", "就是这盏灯")
          .put("image", new JsonObject().put("base64", Base64.getEncoder().encodeToString(photo)));
      assertThat(replies(service, message).getJsonObject(0).getString("text")).contains(receipt, "已转给求助热线");

      JsonObject d = signedEvent("msg_" + receipt + "_reply_1").json().getJsonObject("data");
      assertThat(d.getString("text")).isEqualTo("就是这盏灯");
      JsonArray attachments = d.getJsonArray("attachments");
      JsonObject image = PhotosTest.oneSignedJpegLink(attachments);
      var download = RunningService.await(service.client.getAbs(image.getString("url")).send());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(Jpegs.hasGps(download.body().getBytes())).as("the photo's GPS is stripped").isFalse();
      assertThat(download.body().length()).isEqualTo(image.getInteger("bytes"));
    }
  }

  @Test
  void a_reply_quoting_the_bots_question_in_the_group_reaches_the_hub_as_a_ticket_reply() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      String receipt = waiting(service, "u3", "3号楼楼道灯坏了");
      String question = app.await(m -> m.getString("text", "").contains(receipt + " 待居民补充"), 10)
          .getString("text");

      JsonObject quoted = event("g1", "group", "u3").put("text", "3号楼2单元，五楼到六楼之间")
          .put("replyTo", new JsonObject().put("text", question));
      assertThat(replies(service, quoted).getJsonObject(0).getString("text")).contains(receipt, "已转给求助热线");

      JsonObject d = signedEvent("msg_" + receipt + "_reply_1").json().getJsonObject("data");
      assertThat(d.getString("text")).isEqualTo("3号楼2单元，五楼到六楼之间");
      assertThat(d.getJsonArray("attachments")).isEmpty();
      // A neighbour quoting the same message is not the resident: no reply reaches the hub.
      JsonObject neighbour = event("g1", "group", "u4").put("text", "我家楼道也是")
          .put("replyTo", new JsonObject().put("text", question));
      replies(service, neighbour);
      sleepQuietly(500);
      assertThat(hub.received()).noneMatch(c -> c.webhookId().equals("msg_" + receipt + "_reply_2"));
    }
  }

  @Test
  void reply_with_the_receipt_number_reaches_the_hub_and_only_from_the_resident() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      String receipt = waiting(service, "u5", "5号楼门禁坏了进不去");

      assertThat(inGroup(service, "u6", "/reply " + receipt + " 我也进不去").getString("text"))
          .contains("只有提交求助的居民");
      assertThat(inGroup(service, "u5", "/reply").getString("text")).contains("/reply 回执号 内容");
      assertThat(inGroup(service, "u5", "/补充 " + receipt + " 5号楼东门，刷卡没反应").getString("text"))
          .contains("已转给求助热线");

      JsonObject d = signedEvent("msg_" + receipt + "_reply_1").json().getJsonObject("data");
      assertThat(d.getString("text")).isEqualTo("5号楼东门，刷卡没反应");
      assertThat(ticket(service, receipt).getString("status")).isEqualTo("in_progress");
      // A second reply while the ticket runs is its own event; the status stays.
      inGroup(service, "u5", "/reply " + receipt + " 物业电话也打不通");
      JsonObject second = signedEvent("msg_" + receipt + "_reply_2").json().getJsonObject("data");
      assertThat(second.getString("text")).isEqualTo("物业电话也打不通");
      assertThat(second.getBoolean("resumed")).isFalse();
    }
  }

  @Test
  void a_resident_with_two_waiting_tickets_is_asked_once_which_one_and_the_choice_sends_the_text() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      String light = waiting(service, "u9", "3号楼楼道灯坏了");
      String pipe = waiting(service, "u9", "7号楼1单元302，楼上漏水到我家");

      JsonObject asked = privately(service, "u9", "是6楼，602").getJsonObject(0);
      assertThat(asked.getString("text")).contains("2 件求助", "哪一件");
      assertThat(asked.getJsonArray("buttons")).extracting(b -> ((JsonObject) b).getString("data"))
          .containsExactlyInAnyOrder("reply:" + light, "reply:" + pipe);
      // Asked once: what follows joins the text and is not asked again.
      JsonObject more = privately(service, "u9", "晚上在家").getJsonObject(0);
      assertThat(more.getString("text")).contains("已记下").doesNotContain("哪一件");
      assertThat(more.getJsonArray("buttons")).isEmpty();

      assertThat(press(service, "u9", "private", "u9", "reply:" + pipe).getString("text")).contains(pipe, "已转给");

      JsonObject d = signedEvent("msg_" + pipe + "_reply_1").json().getJsonObject("data");
      assertThat(d.getString("text")).isEqualTo("是6楼，602\n晚上在家");
      assertThat(ticket(service, pipe).getString("status")).isEqualTo("in_progress");
      assertThat(ticket(service, light).getString("status")).isEqualTo("waiting_resident");
      assertThat(press(service, "u9", "private", "u9", "reply:" + light).getString("text")).contains("失效");
    }
  }

  @Test
  void two_ratings_are_two_hub_events_with_their_own_ids_and_both_count_in_the_month() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      String receipt = receipt(inGroup(service, "u1", "/help 3号楼楼道灯坏了"));
      hubSays(service, receipt, "dispatched", "");
      hubSays(service, receipt, "resolved", "已换灯泡");
      assertThat(inGroup(service, "u1", "/rate " + receipt + " 2 还是不亮").getString("text")).contains("重新打开");
      hubSays(service, receipt, "resolved", "已换线路");
      assertThat(inGroup(service, "u1", "/rate " + receipt + " 5 这次修好了").getString("text")).contains("谢谢");

      JsonObject first = signedEvent("msg_" + receipt + "_rated").json().getJsonObject("data");
      JsonObject second = signedEvent("msg_" + receipt + "_rated_2").json().getJsonObject("data");
      assertThat(first.getInteger("rating")).isEqualTo(2);
      assertThat(first.getBoolean("reopened")).isTrue();
      assertThat(first.getInteger("number")).isEqualTo(1);
      assertThat(second.getInteger("rating")).isEqualTo(5);
      assertThat(second.getString("comment")).isEqualTo("这次修好了");
      assertThat(second.getString("status")).isEqualTo("closed");
      assertThat(second.getInteger("number")).isEqualTo(2);
      assertThat(hub.accepted()).containsEntry("msg_" + receipt + "_rated", 1L)
          .containsEntry("msg_" + receipt + "_rated_2", 1L);
      JsonArray history = ticket(service, receipt).getJsonArray("history");
      assertThat(history.stream().map(o -> (JsonObject) o).filter(e -> "rating".equals(e.getString("kind")))
          .map(e -> e.getInteger("value")).toList()).containsExactly(2, 5);

      JsonObject stats = service.get("/api/v1/stats?month=" + YearMonth.now(ZoneId.of("Asia/Shanghai")), HUB_TOKEN)
          .bodyAsJsonObject();
      assertThat(stats.getInteger("ratings")).isEqualTo(2);
      assertThat(stats.getDouble("averageRating")).isEqualTo(3.5);
      assertThat(stats.getInteger("ratedTickets")).isEqualTo(1);
      assertThat(stats.getDouble("averageFirstRating")).isEqualTo(2.0);
      assertThat(stats.getDouble("averageFinalRating")).isEqualTo(5.0);
      assertThat(stats.getInteger("reopens")).isEqualTo(1);
      assertThat(stats.getInteger("reopenedTickets")).isEqualTo(1);
      assertThat(stats.getDouble("reopenRate")).isEqualTo(1.0);
    }
  }

  @Test
  void after_a_button_rating_the_bot_asks_for_a_comment_and_the_next_message_is_it() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      String receipt = receipt(inGroup(service, "u2", "/help 楼下垃圾好几天没人清"));
      hubSays(service, receipt, "dispatched", "");
      hubSays(service, receipt, "resolved", "已清运");

      JsonObject rated = press(service, "u2", "private", "u2", "rate:" + receipt + ":4");
      assertThat(rated.getString("text")).contains("谢谢", "想补充几句吗");
      assertThat(privately(service, "u2", "师傅来得很快，就是有点晚").getJsonObject(0).getString("text"))
          .contains("您的意见已转给求助热线");

      signedEvent("msg_" + receipt + "_rated");
      JsonObject comment = signedEvent("msg_" + receipt + "_comment_1").json();
      assertThat(comment.getString("type")).isEqualTo("ticket.comment");
      assertThat(comment.getJsonObject("data").getString("comment")).isEqualTo("师傅来得很快，就是有点晚");
      assertThat(comment.getJsonObject("data").getInteger("rating")).isEqualTo(4);
      assertThat(ticket(service, receipt).getString("comment")).isEqualTo("师傅来得很快，就是有点晚");
      // Asked once: the message after the comment is a question again.
      privately(service, "u2", "外地人租房能办居住证吗");
      sleepQuietly(500);
      assertThat(hub.received()).noneMatch(c -> c.webhookId().equals("msg_" + receipt + "_comment_2"));
    }
  }

  @Test
  void a_moderator_evaluates_the_handling_by_command_and_an_operator_by_the_api() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      String receipt = receipt(inGroup(service, "u1", "/help 小区门口路灯不亮"));
      hubSays(service, receipt, "dispatched", "");
      hubSays(service, receipt, "resolved", "已修复");

      assertThat(inGroup(service, "u1", "/evaluate " + receipt + " 5 很好").getString("text")).contains("社区工作人员");
      assertThat(inGroup(service, "mod", "/evaluate " + receipt).getString("text")).contains("/evaluate 回执号");
      assertThat(inGroup(service, "mod", "/评单 " + receipt + " 4 处理及时，回访到位").getString("text"))
          .contains(receipt, "4 分");

      JsonObject event = signedEvent("msg_" + receipt + "_evaluated_1").json();
      assertThat(event.getString("type")).isEqualTo("ticket.evaluated");
      assertThat(event.getJsonObject("data").getInteger("score")).isEqualTo(4);
      assertThat(event.getJsonObject("data").getString("comment")).isEqualTo("处理及时，回访到位");
      assertThat(event.getJsonObject("data").getString("by")).isEqualTo("generic:mod");

      String body = new JsonObject().put("score", 2).put("comment", "回访不及时").put("by", "网格员").encode();
      assertThat(service.post("/api/v1/tickets/" + receipt + "/evaluation", body, HUB_TOKEN).statusCode())
          .isEqualTo(200);
      assertThat(service.post("/api/v1/tickets/" + receipt + "/evaluation", "{\"score\":9}", HUB_TOKEN)
          .statusCode()).isEqualTo(400);
      assertThat(service.post("/api/v1/tickets/20990101-0001/evaluation", body, HUB_TOKEN).statusCode())
          .isEqualTo(404);
      assertThat(service.post("/api/v1/tickets/" + receipt + "/evaluation", body, null).statusCode()).isEqualTo(401);
      assertThat(signedEvent("msg_" + receipt + "_evaluated_2").json().getJsonObject("data").getString("by"))
          .isEqualTo("网格员");

      JsonObject t = ticket(service, receipt);
      assertThat(t.getString("status")).isEqualTo("resolved");
      assertThat(t.getJsonArray("history").stream().map(o -> (JsonObject) o)
          .filter(e -> "evaluation".equals(e.getString("kind"))).map(e -> e.getString("actor")).toList())
          .containsExactly("community", "community");
      JsonObject stats = service.get("/api/v1/stats?month=" + YearMonth.now(ZoneId.of("Asia/Shanghai")), HUB_TOKEN)
          .bodyAsJsonObject();
      assertThat(stats.getInteger("evaluations")).isEqualTo(2);
      assertThat(stats.getDouble("averageEvaluation")).isEqualTo(3.0);
      assertThat(stats.getInteger("ratings")).isZero();
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
