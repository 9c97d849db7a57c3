package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GenericWebhookTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of());

  @Test
  void small_talk_in_a_group_gets_no_reply() {
    assertThat(service.chat("group", "今天天气真好", false).getJsonArray("replies")).isEmpty();
    assertThat(service.chat("group", "谢谢大家", false).getJsonArray("replies")).isEmpty();
  }

  @Test
  void small_talk_that_mentions_the_bot_gets_a_short_fitting_reply_or_the_introduction() {
    JsonArray thanks = service.chat("group", "谢谢大家", true).getJsonArray("replies");
    JsonArray other = service.chat("group", "今天天气真好", true).getJsonArray("replies");

    assertThat(thanks).hasSize(1);
    assertThat(thanks.getJsonObject(0).getString("text")).isEqualTo("不客气，有事随时问我。");
    assertThat(other).hasSize(1);
    assertThat(other.getJsonObject(0).getString("text")).contains("邻里小助手");
  }

  @Test
  void a_question_in_a_group_is_answered_without_a_mention() {
    JsonArray replies = service.chat("group", "低保怎么申请，要带什么材料？", false).getJsonArray("replies");

    assertThat(replies).hasSize(1);
    assertThat(replies.getJsonObject(0).getString("text")).contains("低保", "/kb/dibao-apply");
  }

  @Test
  void an_unsure_question_in_a_group_stays_silent_unless_the_bot_is_mentioned() {
    assertThat(service.chat("group", "有人知道哪家火锅好吃吗？", false).getJsonArray("replies")).isEmpty();

    JsonObject reply = service.chat("group", "有人知道哪家火锅好吃吗？", true).getJsonArray("replies").getJsonObject(0);
    assertThat(reply.getString("text")).contains("不太确定");
    assertThat(reply.getBoolean("forward")).isTrue();
    assertThat(reply.getJsonArray("buttons").stream().map(b -> ((JsonObject) b).getString("data")))
        .anyMatch(d -> d.matches("forward:[a-z2-9]{12}"));
  }

  @Test
  void a_repair_request_gets_the_forward_offer_with_a_button() {
    JsonObject reply = service.chat("group", "3号楼楼道灯坏了好几天了", false).getJsonArray("replies").getJsonObject(0);

    assertThat(reply.getBoolean("forward")).isTrue();
    assertThat(reply.getString("text")).contains("求助热线");
    assertThat(reply.getJsonArray("buttons")).hasSize(1);
  }

  @Test
  void pressing_a_guide_button_shows_that_guide() {
    JsonObject body = new JsonObject()
        .put("chat", new JsonObject().put("id", "g1").put("type", "group"))
        .put("from", new JsonObject().put("id", "u1"))
        .put("callback", "kb:dibao-apply");
    JsonObject reply = service.post("/webhooks/generic", body.encode(), RunningService.GENERIC)
        .bodyAsJsonObject().getJsonArray("replies").getJsonObject(0);

    assertThat(reply.getString("text")).startsWith("📋").contains("低保");
  }

  @Test
  void a_private_chat_always_gets_a_reply() {
    assertThat(service.chat("private", "你好", false).getJsonArray("replies")).hasSize(1);
  }

  @Test
  void the_guides_command_lists_every_guide() {
    String text = service.chat("group", "/guides", true).getJsonArray("replies").getJsonObject(0).getString("text");

    assertThat(text).contains("居住证", "低保", "人民调解");
  }

  @Test
  void a_wrong_token_is_refused_with_401_before_the_body_is_read() {
    HttpResponse<Buffer> response = service.post("/webhooks/generic", "not json at all", "wrong-token");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("unauthorized");
  }

  @Test
  void a_message_without_a_chat_is_refused_with_a_400_naming_the_field() {
    HttpResponse<Buffer> response = service.post("/webhooks/generic",
        "{\"from\": {\"id\": \"u1\"}, \"text\": \"你好\"}", RunningService.GENERIC);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("chat");
  }
}
