package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replies take their words from the bundles and their phone numbers from the settings. */
class RepliesTextTest {

  @TempDir
  static Path data;
  static RunningService service;

  @BeforeAll
  static void start() {
    service = RunningService.start(data, Map.of(
        "LINLI_PHONES_HOTLINE", "0571-96345", "LINLI_PHONES_POLICE", "911", "LINLI_PHONES_FIRE", "912",
        "LINLI_PHONES_AMBULANCE", "913"));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void an_emergency_points_to_the_emergency_numbers_of_the_settings() {
    JsonObject answer = service.ask("电梯困人了快来人");

    assertThat(answer.getString("message")).contains("请立即拨打 911（报警）、912（火警）或 913（急救）")
        .doesNotContain("110");
  }

  @Test
  void the_help_command_and_the_forward_button_name_the_numbers_of_the_settings() {
    String usage = text(service.chat("private", "/help", true));
    JsonObject press = new JsonObject()
        .put("chat", new JsonObject().put("id", "g1").put("type", "group"))
        .put("from", new JsonObject().put("id", "u1"))
        .put("callback", "forward");
    String forward = text(service.post("/webhooks/generic", press.encode(), RunningService.GENERIC).bodyAsJsonObject());

    assertThat(usage).endsWith("紧急情况请直接拨打 911/912/913。");
    assertThat(forward).endsWith("也可以直接拨打 0571-96345。").doesNotContain("12345");
  }

  @Test
  void a_question_in_traditional_characters_gets_the_traditional_bundle_not_a_character_transform() {
    JsonObject answer = service.ask("請問股票帳戶怎麼開通？");

    assertThat(answer.getBoolean("traditional")).isTrue();
    assertThat(answer.getString("message")).contains("這個問題我不太確定", "由工作人員答覆您")
        .doesNotContain("答复", "答復");
  }

  private static String text(JsonObject chat) {
    return chat.getJsonArray("replies").getJsonObject(0).getString("text");
  }
}
