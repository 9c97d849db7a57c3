package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The answer a resident reads: the part asked first, the guide list, small talk, and feedback. */
class AnswersTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of());

  @Test
  void a_materials_question_gets_a_card_that_starts_with_the_materials_and_fits_a_chat_bubble() {
    JsonObject answer = service.ask("办居住证要带什么材料？");
    String card = answer.getString("text");

    assertThat(answer.getJsonObject("entry").getString("id")).isEqualTo("juzhuzheng-apply");
    assertThat(card.split("\n")[0]).startsWith("📋").contains("居住证");
    assertThat(card.split("\n", 2)[1]).startsWith("【所需材料】\n· 本人居民身份证");
    assertThat(card.codePointCount(0, card.length())).isLessThanOrEqualTo(300);
    assertThat(card).endsWith("\n全文：" + answer.getJsonObject("entry").getString("url"))
        .endsWith("/kb/juzhuzheng-apply");
  }

  @Test
  void a_time_limit_question_in_dialect_and_a_fee_question_get_their_part_first() {
    String time = service.ask("低保审批要好久嘛").getString("text");
    String fee = service.ask("补办身份证要几多钱").getString("text");

    assertThat(time.split("\n")[1]).startsWith("【办理时限】");
    assertThat(fee.split("\n")[1]).startsWith("【收费标准】");
    assertThat(fee).contains("/kb/id-card-renew");
  }

  @Test
  void a_question_in_traditional_characters_gets_its_part_first_in_traditional_characters() {
    String card = service.ask("辦居住證要準備什麼材料").getString("text");

    assertThat(card.split("\n", 2)[1]).startsWith("【所需材料】\n· 本人居民身份證");
    assertThat(card).doesNotContain("居住证");
  }

  @Test
  void the_guides_command_groups_guides_by_category_and_numbers_them_across_groups() {
    String text = service.chat("private", "/guides", true).getJsonArray("replies").getJsonObject(0).getString("text");

    assertThat(text).startsWith("办事指南目录");
    assertThat(text.indexOf("【户籍证件】")).isLessThan(text.indexOf("【社会救助】"));
    assertThat(text.indexOf("【社会救助】")).isLessThan(text.indexOf("【社区生活】"));
    assertThat(text).doesNotContain("【其他】");
    Matcher numbers = Pattern.compile("(?m)^(\\d+)\\. ").matcher(text);
    int expected = 1;
    while (numbers.find()) {
      assertThat(Integer.parseInt(numbers.group(1))).isEqualTo(expected++);
    }
    assertThat(expected - 1).isEqualTo(46);
    // The first group is 户籍证件, so number 1 is one of its guides.
    String first = text.split("\n")[2].replaceFirst("^1\\. ", "");
    String card = service.chat("private", "1", false).getJsonArray("replies").getJsonObject(0).getString("text");
    assertThat(card).startsWith("📋 " + first);
  }

  @Test
  void thanks_get_you_are_welcome_and_a_greeting_gets_a_greeting_instead_of_the_introduction() {
    String thanks = service.chat("private", "谢谢", false).getJsonArray("replies").getJsonObject(0).getString("text");
    String hello = service.chat("private", "你好", false).getJsonArray("replies").getJsonObject(0).getString("text");

    assertThat(thanks).isEqualTo("不客气，有事随时问我。");
    assertThat(hello).startsWith("您好！有什么可以帮您？").doesNotContain("邻里小助手");
    assertThat(service.chat("group", "谢谢", false).getJsonArray("replies")).isEmpty();
  }

  @Test
  void an_answer_carries_the_two_feedback_buttons_and_a_helpful_vote_counts_once_per_person() {
    JsonObject reply = service.chat("private", "低保怎么申请，要带什么材料？", false)
        .getJsonArray("replies").getJsonObject(0);
    JsonArray buttons = reply.getJsonArray("buttons");

    assertThat(labels(buttons)).containsExactly("有帮助", "没帮到我");
    buttons.forEach(b -> assertThat(((JsonObject) b).getString("data").getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(64));
    String helpful = data(buttons, "有帮助");
    assertThat(press(helpful, "u7").getString("text")).startsWith("谢谢您的反馈");
    assertThat(press(helpful, "u7").getString("text")).startsWith("已经收到");
    assertThat(press(helpful, "u8").getString("text")).startsWith("谢谢您的反馈");

    JsonObject tally = perGuide("dibao-apply");
    assertThat(tally.getLong("helpful")).isEqualTo(2);
  }

  @Test
  void not_helped_records_the_question_with_the_guide_and_offers_other_guides_and_the_help_line() {
    JsonObject reply = service.chat("private", "身份证丢了补办要带什么，我电话13812345678", false)
        .getJsonArray("replies").getJsonObject(0);
    assertThat(reply.getString("text")).contains("/kb/id-card-renew");

    JsonObject offer = press(data(reply.getJsonArray("buttons"), "没帮到我"), "u9");

    assertThat(offer.getString("text")).contains("记下了", "求助热线");
    List<String> data = offer.getJsonArray("buttons").stream().map(b -> ((JsonObject) b).getString("data")).toList();
    assertThat(data).anyMatch(d -> d.startsWith("kb:")).noneMatch(d -> d.equals("kb:id-card-renew"))
        .anyMatch(d -> d.matches("forward:[a-z2-9]{12}"));
    assertThat(offer.getBoolean("forward")).isTrue();

    JsonObject gaps = service.get("/api/v1/kb/gaps", RunningService.ADMIN).bodyAsJsonObject();
    JsonObject missed = gaps.getJsonArray("unhelpful").stream().map(o -> (JsonObject) o)
        .filter(o -> o.getString("guide").equals("id-card-renew")).findFirst().orElseThrow();
    assertThat(missed.getString("question")).contains("身份证丢了补办").contains("[手机号]").doesNotContain("13812345678");
    assertThat(missed.getLong("count")).isEqualTo(1);
    assertThat(missed.getString("lastSeen")).isNotBlank();
    assertThat(perGuide("id-card-renew").getLong("unhelpful")).isEqualTo(1);
    assertThat(service.redisDump()).doesNotContain("13812345678");
  }

  @Test
  void the_gap_list_keeps_its_fields_and_lists_unanswered_and_unhelpful_questions_apart() {
    service.ask("请问小区的快递柜坏了归谁管呀？");

    JsonObject gaps = service.get("/api/v1/kb/gaps", RunningService.ADMIN).bodyAsJsonObject();

    assertThat(gaps.fieldNames()).contains("gaps", "unanswered", "unhelpful", "perGuide");
    assertThat(gaps.getJsonArray("unanswered")).isEqualTo(gaps.getJsonArray("gaps"));
    JsonObject first = gaps.getJsonArray("unanswered").getJsonObject(0);
    assertThat(first.fieldNames()).containsExactlyInAnyOrder("question", "count", "lastSeen");
    assertThat(service.get("/api/v1/kb/gaps", null).statusCode()).isEqualTo(401);
  }

  private static JsonObject press(String data, String user) {
    JsonObject body = new JsonObject()
        .put("chat", new JsonObject().put("id", "g1").put("type", "private"))
        .put("from", new JsonObject().put("id", user))
        .put("callback", data);
    return service.post("/webhooks/generic", body.encode(), RunningService.GENERIC)
        .bodyAsJsonObject().getJsonArray("replies").getJsonObject(0);
  }

  private static JsonObject perGuide(String guide) {
    return service.get("/api/v1/kb/gaps", RunningService.ADMIN).bodyAsJsonObject().getJsonArray("perGuide").stream()
        .map(o -> (JsonObject) o).filter(o -> o.getString("guide").equals(guide)).findFirst().orElseThrow();
  }

  private static List<String> labels(JsonArray buttons) {
    return buttons.stream().map(b -> ((JsonObject) b).getString("label")).toList();
  }

  private static String data(JsonArray buttons, String label) {
    return buttons.stream().map(b -> (JsonObject) b).filter(b -> b.getString("label").equals(label))
        .findFirst().orElseThrow().getString("data");
  }
}
