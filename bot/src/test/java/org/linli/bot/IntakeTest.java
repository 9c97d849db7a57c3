package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.webhooks.hub.FakeHub;

/**
 * Intake that asks once (issue 12, item 3), end to end with a fake hub and a fake chat app: a
 * request without a place gets one question and the answer joins it; "直接提交" files it as it is;
 * a bound household gives its address unasked; an emergency is filed at once and then asked where.
 */
class IntakeTest extends WithHubAndChatApp {

  @TempDir
  Path data;

  private static JsonArray say(RunningService service, String user, String text) {
    return service.say("g1", user, text, null);
  }

  private static JsonArray press(RunningService service, String user, String data) {
    return service.say("g1", user, null, data);
  }

  private static String receipt(JsonObject reply) {
    String receipt = reply.getString("text").replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");
    assertThat(receipt).as(reply.getString("text")).matches("\\d{8}-\\d{4}");
    return receipt;
  }

  private JsonObject created(String receipt) {
    return hub.await(c -> c.webhookId().equals("msg_" + receipt + "_created"), 10).json().getJsonObject("data");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void a_request_without_a_place_gets_one_question_and_the_answer_reaches_the_hub_with_it() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      JsonArray asked = say(service, "u1", "/help 我家水管漏水了");

      assertThat(asked).hasSize(1);
      JsonObject question = asked.getJsonObject(0);
      assertThat(question.getString("text")).contains("在哪里", "几号楼几单元几室").doesNotContain("回执号");
      assertThat(question.getJsonArray("buttons").getJsonObject(0).getString("label")).isEqualTo("直接提交");
      sleep(300);
      assertThat(hub.received()).isEmpty();

      JsonArray answered = say(service, "u1", "7号楼1单元302，已经漏到楼下了");
      assertThat(answered).hasSize(1);
      assertThat(answered.getJsonObject(0).getString("text")).doesNotContain("在哪里");
      String receipt = receipt(answered.getJsonObject(0));

      JsonObject ticket = created(receipt);
      assertThat(ticket.getString("text")).contains("我家水管漏水了", "7号楼1单元302，已经漏到楼下了");
      assertThat(ticket.getString("address")).isEqualTo("7号楼1单元302");
      assertThat(ticket.getString("category")).isEqualTo("repair");
    }
  }

  @Test
  void the_submit_button_opens_the_request_as_it_is_and_only_once() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      JsonObject question = say(service, "u2", "/help 楼道灯坏了").getJsonObject(0);
      String submit = question.getJsonArray("buttons").getJsonObject(0).getString("data");

      String receipt = receipt(press(service, "u2", submit).getJsonObject(0));
      JsonObject ticket = created(receipt);
      assertThat(ticket.getString("text")).isEqualTo("楼道灯坏了");
      assertThat(ticket.getString("address")).isEmpty();

      assertThat(press(service, "u2", submit).getJsonObject(0).getString("text")).doesNotContain("回执号");
      sleep(300);
      assertThat(hub.received()).extracting(FakeHub.Received::webhookId).containsOnly("msg_" + receipt + "_created");
    }
  }

  @Test
  void a_bound_households_address_reaches_the_hub_without_asking() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      var imported = RunningService.await(service.client.post("/api/v1/households")
          .putHeader("Content-Type", "text/csv")
          .putHeader("Authorization", "Bearer " + RunningService.ADMIN)
          .sendBuffer(Buffer.buffer("household,building,unit,room,area,owners,names,phones\n"
              + "5-1-101,5,1,101,100.00,1,李雷,13911112222\n")));
      assertThat(imported.statusCode()).as(imported.bodyAsString()).isEqualTo(200);
      String code = service.post("/api/v1/households/5-1-101/codes", "", RunningService.ADMIN).bodyAsJsonObject()
          .getString("code");
      assertThat(say(service, "u5", "/bind " + code).getJsonObject(0).getString("text")).contains("已绑定");

      JsonArray replies = say(service, "u5", "/help 家里水管漏水了");

      assertThat(replies).hasSize(1);
      String receipt = receipt(replies.getJsonObject(0));
      assertThat(created(receipt).getString("address")).isEqualTo("5号楼1单元101");
    }
  }

  @Test
  void an_emergency_is_filed_at_once_then_asked_where_and_the_answer_reaches_the_hub_as_a_reply() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      JsonArray replies = say(service, "u3", "/help 我家水管爆了");

      assertThat(replies).hasSize(2);
      String receipt = receipt(replies.getJsonObject(0));
      assertThat(replies.getJsonObject(1).getString("text")).contains("在哪里");
      JsonObject ticket = created(receipt);
      assertThat(ticket.getBoolean("urgent")).isTrue();
      assertThat(ticket.getString("address")).isEmpty();

      assertThat(say(service, "u3", "5-1-101").getJsonObject(0).getString("text")).contains(receipt);

      JsonObject reply = hub.await(c -> c.webhookId().equals("msg_" + receipt + "_reply_1"), 10).json();
      assertThat(reply.getString("type")).isEqualTo("ticket.reply");
      assertThat(reply.getJsonObject("data").getString("text")).isEqualTo("5-1-101");
      assertThat(reply.getJsonObject("data").getString("from")).isEqualTo("resident");
    }
  }

  @Test
  void a_request_with_a_place_and_a_phone_is_opened_at_once() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      JsonArray replies = say(service, "u4", "/help 3号楼2单元楼道灯坏了，电话13812345678");

      assertThat(replies).hasSize(1);
      String receipt = receipt(replies.getJsonObject(0));
      JsonObject ticket = created(receipt);
      assertThat(ticket.getString("address")).isEqualTo("3号楼2单元");
      assertThat(ticket.getJsonObject("contact").getString("phone")).isEqualTo("13812345678");
    }
  }

  @Test
  void a_location_sent_in_answer_files_the_request_with_it() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      assertThat(say(service, "u6", "/help 路灯坏了一排").getJsonObject(0).getString("text")).contains("在哪里");

      JsonObject body = new JsonObject()
          .put("chat", new JsonObject().put("id", "g1").put("type", "group"))
          .put("from", new JsonObject().put("id", "u6"))
          .put("location", new JsonObject().put("latitude", 31.2304).put("longitude", 121.4737).put("label", "幸福小区"));
      JsonArray replies = service.post("/webhooks/generic", body.encode(), RunningService.GENERIC).bodyAsJsonObject()
          .getJsonArray("replies");

      String receipt = receipt(replies.getJsonObject(0));
      JsonObject location = created(receipt).getJsonArray("attachments").getJsonObject(0);
      assertThat(location.getString("kind")).isEqualTo("location");
      assertThat(location.getDouble("latitude")).isEqualTo(31.2304);
    }
  }

  @Test
  void a_new_request_while_the_question_waits_files_the_first_as_it_is() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      assertThat(say(service, "u7", "/help 楼道灯坏了").getJsonObject(0).getString("text")).contains("在哪里");

      JsonArray replies = say(service, "u7", "/help 4号楼3单元门禁坏了");

      assertThat(replies).hasSize(2);
      JsonObject first = created(receipt(replies.getJsonObject(0)));
      JsonObject second = created(receipt(replies.getJsonObject(1)));
      assertThat(first.getString("text")).isEqualTo("楼道灯坏了");
      assertThat(second.getString("text")).isEqualTo("4号楼3单元门禁坏了");
      assertThat(second.getString("address")).isEqualTo("4号楼3单元");
    }
  }
}
