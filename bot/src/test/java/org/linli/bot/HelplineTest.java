package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.webhooks.hub.FakeHub;
import org.linli.webhooks.hub.SpecSignature;

/**
 * Requests for help end to end: the resident's ticket, its signed delivery to a hub on loopback
 * (retried, dead-lettered and replayed, surviving a restart), the hub's callbacks (verified before
 * parsing), the updates back to the resident, ratings, and reminders with two instances.
 */
class HelplineTest extends WithHubAndChatApp {

  @TempDir
  Path data;
  @TempDir
  Path otherData;

  private static JsonObject say(RunningService service, String user, String text) {
    return service.say("g1", user, text, null).getJsonObject(0);
  }

  private static JsonObject press(RunningService service, String user, String data) {
    return service.say("g1", user, null, data).getJsonObject(0);
  }

  private static String receipt(JsonObject reply) {
    String receipt = reply.getString("text").replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");
    assertThat(receipt).as(reply.getString("text")).matches("\\d{8}-\\d{4}");
    return receipt;
  }

  private static HttpResponse<Buffer> callback(RunningService service, String id, long timestamp, String secret,
      JsonObject event) {
    byte[] body = event.encode().getBytes(StandardCharsets.UTF_8);
    return RunningService.await(service.client.post("/webhooks/hub")
        .putHeader("Content-Type", "application/json")
        .putHeader("webhook-id", id)
        .putHeader("webhook-timestamp", String.valueOf(timestamp))
        .putHeader("webhook-signature", SpecSignature.of(secret, id, String.valueOf(timestamp), body))
        .sendBuffer(Buffer.buffer(body)));
  }

  private static JsonObject status(String receipt, String status, String note) {
    return new JsonObject().put("type", "ticket.status")
        .put("data", new JsonObject().put("receipt", receipt).put("status", status).put("note", note));
  }

  private static JsonObject ticket(RunningService service, String receipt) {
    return service.get("/api/v1/tickets/" + receipt, HUB_TOKEN).bodyAsJsonObject();
  }

  @Test
  void a_help_request_is_answered_with_its_receipt_and_reaches_the_hub_signed_after_two_refusals() {
    hub.answerNext(503, 503);
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      JsonObject reply = say(service, "u1", "/help 3号楼2单元楼道灯坏了，电话13812345678");
      String receipt = receipt(reply);
      assertThat(reply.getString("text")).contains("承诺时限", "/status " + receipt);

      FakeHub.Received delivered = hub.await(c -> c.answered() == 204, 15);

      List<FakeHub.Received> calls = List.copyOf(hub.received());
      assertThat(calls).hasSize(3);
      assertThat(calls).extracting(FakeHub.Received::webhookId).containsOnly("msg_" + receipt + "_created");
      for (FakeHub.Received c : calls) {
        assertThat(c.signature()).isEqualTo(SpecSignature.of(SECRET, c.webhookId(), c.timestamp(), c.body()));
      }
      JsonObject event = delivered.json();
      assertThat(event.getString("type")).isEqualTo("ticket.created");
      assertThat(event.getJsonObject("data").getString("text")).contains("13812345678");
      assertThat(event.getJsonObject("data").getString("category")).isEqualTo("repair");
      assertThat(ticket(service, receipt).getString("status")).isEqualTo("received");
    }
  }

  @Test
  void a_request_that_names_no_category_is_guessed_from_the_guide_it_is_about() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      // 五保 is not among the words of any category; the shipped guide on it is tagged 社会救助.
      String social = receipt(say(service, "u1", "/help 请帮我申请五保供养"));
      String other = receipt(say(service, "u2", "/help 帮我问一下办到哪一步了"));

      assertThat(ticket(service, social).getString("category")).isEqualTo("social_assistance");
      assertThat(ticket(service, other).getString("category")).isEqualTo("consultation");
    }
  }

  @Test
  void a_refused_delivery_becomes_a_dead_letter_that_the_admin_replays() {
    hub.answerNext(400);
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      String receipt = receipt(say(service, "u1", "/help 小区门口路灯不亮"));
      String id = "msg_" + receipt + "_created";
      hub.await(c -> c.answered() == 400, 10);

      JsonObject dead = awaitDead(service, id);
      assertThat(dead.getInteger("attempts")).isEqualTo(1);
      assertThat(service.post("/api/v1/outbox/hub/dead/" + id + "/replay", "", RunningService.ADMIN).statusCode())
          .isEqualTo(200);

      hub.await(c -> c.webhookId().equals(id) && c.answered() == 204, 10);
      assertThat(hub.accepted()).containsEntry(id, 1L);
    }
  }

  private static JsonObject awaitDead(RunningService service, String id) {
    for (int i = 0; i < 100; i++) {
      JsonArray dead = service.get("/api/v1/outbox/hub/dead", RunningService.ADMIN).bodyAsJsonObject()
          .getJsonArray("deadLetters");
      for (Object o : dead) {
        if (((JsonObject) o).getString("id").equals(id)) {
          return (JsonObject) o;
        }
      }
      sleep(100);
    }
    throw new AssertionError("no dead letter " + id);
  }

  @Test
  void a_hub_that_answers_410_stops_deliveries_raises_the_alarm_and_resumes_when_told() {
    hub.answerNext(410);
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      String first = receipt(say(service, "u1", "/help 3号楼楼道灯坏了"));
      hub.await(c -> c.answered() == 410, 10);
      String second = receipt(say(service, "u2", "/help 5号楼门禁坏了"));
      sleep(1_500);

      JsonObject health = service.get("/health", null).bodyAsJsonObject();
      assertThat(health.getJsonObject("hub").getString("deliveries")).isEqualTo("STOPPED");
      assertThat(health.getJsonArray("alarms").getString(0)).contains("410");
      assertThat(List.copyOf(hub.received())).hasSize(1);

      assertThat(service.post("/api/v1/hub/resume", "", RunningService.ADMIN).bodyAsJsonObject().getBoolean("resumed"))
          .isTrue();
      // Deferred messages are looked at again one lease (60 s) later; a new ticket goes at once.
      String third = receipt(say(service, "u3", "/help 7号楼水管漏水"));
      hub.await(c -> c.webhookId().equals("msg_" + third + "_created") && c.answered() == 204, 10);
      assertThat(service.get("/health", null).bodyAsJsonObject().getJsonObject("hub").getString("deliveries"))
          .isEqualTo("ON");
      assertThat(List.of(first, second)).doesNotContain(third);
    }
  }

  @Test
  void tickets_pending_when_the_service_stops_all_reach_the_hub_after_the_restart_none_twice() {
    Map<String, String> down = helplineEnv();
    down.put("LINLI_HUB_URL", "http://127.0.0.1:1/hub/events"); // nobody listens: every try fails
    down.put("LINLI_OUTBOX_RETRY_SECONDS", "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1");
    List<String> receipts = new ArrayList<>();
    try (RunningService first = RunningService.start(data, down)) {
      for (int i = 0; i < 5; i++) {
        receipts.add(receipt(say(first, "u" + i, "/help " + (i + 1) + "号楼楼道灯坏了")));
      }
    }
    try (RunningService second = RunningService.start(data, helplineEnv())) {
      for (String r : receipts) {
        hub.await(c -> c.webhookId().equals("msg_" + r + "_created"), 15);
      }
      sleep(1_500);
      Map<String, Long> accepted = hub.accepted();
      for (String r : receipts) {
        assertThat(accepted).containsEntry("msg_" + r + "_created", 1L);
      }
    }
  }

  @Test
  void forged_stale_and_replayed_hub_callbacks_are_refused_and_change_nothing() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      String receipt = receipt(say(service, "u1", "/help 5号楼电梯故障停运"));
      long now = Instant.now().getEpochSecond();

      assertThat(callback(service, "msg_forged", now, "whsec_" + "A".repeat(40), status(receipt, "dispatched", ""))
          .statusCode()).isEqualTo(401);
      assertThat(callback(service, "msg_stale", now - 600, SECRET, status(receipt, "dispatched", "")).statusCode())
          .isEqualTo(401);
      assertThat(ticket(service, receipt).getString("status")).isEqualTo("received");

      assertThat(callback(service, "msg_once", now, SECRET, status(receipt, "dispatched", "已派电梯维保")).statusCode())
          .isEqualTo(200);
      assertThat(callback(service, "msg_once", now, SECRET, status(receipt, "in_progress", "")).statusCode())
          .isEqualTo(409);
      assertThat(callback(service, "msg_illegal", now, SECRET, status(receipt, "closed", "")).statusCode())
          .isEqualTo(409);
      assertThat(ticket(service, receipt).getString("status")).isEqualTo("dispatched");
    }
  }

  @Test
  void updates_reach_the_resident_privately_and_an_unhappy_rating_reopens_the_ticket() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      String receipt = receipt(say(service, "u7", "/help 6号楼家门口下水道堵了"));
      long now = Instant.now().getEpochSecond();
      callback(service, "msg_a", now, SECRET, status(receipt, "dispatched", "已派物业"));

      JsonObject update = app.await(m -> m.getString("text", "").contains(receipt + " 已派单"), 10);
      assertThat(update.getJsonObject("chat").getString("id")).isEqualTo("u7");
      assertThat(update.getJsonObject("chat").getString("type")).isEqualTo("private");

      callback(service, "msg_b", now, SECRET, status(receipt, "in_progress", ""));
      callback(service, "msg_c", now, SECRET, status(receipt, "resolved", "已疏通"));
      JsonObject resolved = app.await(m -> m.getString("text", "").contains(receipt + " 已办结"), 10);
      assertThat(resolved.getJsonArray("buttons")).hasSize(5);

      assertThat(press(service, "u8", "rate:" + receipt + ":1").getString("text")).contains("只有提交求助的居民");
      assertThat(press(service, "u7", "rate:" + receipt + ":1").getString("text")).contains("重新打开");

      assertThat(ticket(service, receipt).getString("status")).isEqualTo("in_progress");
      hub.await(c -> c.webhookId().equals("msg_" + receipt + "_rated"), 10);
      assertThat(say(service, "u8", "/status " + receipt).getString("text")).contains("只有提交人和社区工作人员");
      assertThat(say(service, "u7", "/status " + receipt).getString("text")).contains("办理中");
    }
  }

  @Test
  void a_sixth_request_within_the_hour_is_refused_politely_with_the_hotline() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      for (int i = 0; i < 5; i++) {
        receipt(say(service, "busy", "/help 第" + i + "件事"));
      }
      assertThat(say(service, "busy", "/help 第六件事").getString("text")).contains("12345").doesNotContain("回执号");
      receipt(say(service, "someone-else", "/help 3号楼楼道灯坏了"));
    }
  }

  @Test
  void an_overdue_reminder_reaches_the_hub_and_the_moderators_exactly_once_with_two_instances() {
    Map<String, String> env = helplineEnv();
    env.put("LINLI_TICKETS_TIME_LIMIT_HOURS", "default=4s");
    env.put("LINLI_TICKETS_MODERATOR_CHATS", "generic:mods");
    try (RunningService first = RunningService.start(data, env);
        RunningService second = RunningService.start(otherData, withRedis(env, first))) {
      String receipt = receipt(say(first, "u1", "/help 想咨询一下居家养老服务"));

      hub.await(c -> c.webhookId().equals("msg_" + receipt + "_overdue"), 20);
      app.await(m -> m.getString("text", "").contains("已超时：求助 " + receipt), 10);
      sleep(2_000);

      assertThat(hub.accepted()).containsEntry("msg_" + receipt + "_remind80", 1L)
          .containsEntry("msg_" + receipt + "_overdue", 1L);
      assertThat(app.matching(m -> m.getString("text", "").contains("已超时：求助 " + receipt))).hasSize(1);
      assertThat(app.matching(m -> m.getString("text", "").contains("临期提醒：求助 " + receipt))).hasSize(1);
    }
  }

  @Test
  void an_emergency_said_to_the_group_opens_an_urgent_ticket_at_once() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      JsonObject reply = say(service, "u1", "电梯困人了快来人");

      assertThat(reply.getString("text")).contains("110", "回执号");
      String receipt = receipt(reply);
      assertThat(ticket(service, receipt).getBoolean("urgent")).isTrue();
    }
  }

  @Test
  void an_open311_hub_gets_a_georeport_request_and_its_id_is_kept_on_the_ticket() {
    hub.answerWith("[{\"service_request_id\":\"638344\"}]");
    Map<String, String> env = helplineEnv();
    env.put("LINLI_HUB_MODE", "open311");
    env.put("LINLI_HUB_API_KEY", "open311-key");
    env.put("LINLI_HUB_SERVICE_CODE", "community");
    try (RunningService service = RunningService.start(data, env)) {
      String receipt = receipt(say(service, "u1", "/help 3号楼2单元楼道灯坏了，电话13812345678"));

      FakeHub.Received call = hub.await(c -> true, 10);

      assertThat(call.formFields()).containsEntry("api_key", "open311-key").containsEntry("service_code", "community")
          .containsEntry("phone", "13812345678");
      assertThat(call.formFields().get("description")).contains(receipt, "楼道灯坏了");
      for (int i = 0; i < 50 && !ticket(service, receipt).containsKey("hub"); i++) {
        sleep(100);
      }
      assertThat(ticket(service, receipt).getJsonObject("hub").getString("serviceRequestId")).isEqualTo("638344");
    }
  }

  @Test
  void the_month_figures_count_tickets_by_category_and_status_and_average_the_ratings() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      String receipt = receipt(say(service, "u1", "/help 3号楼楼道灯坏了"));
      receipt(say(service, "u2", "/help 想咨询一下低保怎么申请"));
      long now = Instant.now().getEpochSecond();
      callback(service, "msg_s1", now, SECRET, status(receipt, "dispatched", ""));
      callback(service, "msg_s2", now, SECRET, status(receipt, "resolved", "已修好"));
      press(service, "u1", "rate:" + receipt + ":4");

      String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
      JsonObject stats = service.get("/api/v1/stats?month=" + month, HUB_TOKEN).bodyAsJsonObject();

      assertThat(stats.getInteger("opened")).isEqualTo(2);
      assertThat(stats.getJsonObject("byStatus").getInteger("closed")).isEqualTo(1);
      assertThat(stats.getInteger("resolved")).isEqualTo(1);
      assertThat(stats.getDouble("averageRating")).isEqualTo(4.0);
      assertThat(stats.getDouble("resolvedInTimeShare")).isEqualTo(1.0);
      assertThat(service.get("/api/v1/stats?month=2026-13", HUB_TOKEN).statusCode()).isEqualTo(400);
      assertThat(service.get("/api/v1/stats", null).statusCode()).isEqualTo(401);
    }
  }

  private static Map<String, String> withRedis(Map<String, String> env, RunningService first) {
    Map<String, String> out = new HashMap<>(env);
    out.put("LINLI_REDIS_URL", first.verticle.redisUrl());
    return out;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
