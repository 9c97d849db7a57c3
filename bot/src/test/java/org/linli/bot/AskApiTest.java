package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AskApiTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of());

  @Test
  void a_plain_question_gets_the_guide_as_a_card_with_a_link_to_the_full_page() {
    JsonObject answer = service.ask("外地人在这边租房子能办居住证吗");

    assertThat(answer.getBoolean("answered")).isTrue();
    assertThat(answer.getJsonObject("entry").getString("id")).isEqualTo("juzhuzheng-apply");
    assertThat(answer.getJsonObject("entry").getString("office")).contains("户籍窗口");
    // "能办…吗" asks who qualifies: that part comes first; the card fits a chat bubble (300 code points).
    assertThat(answer.getString("text"))
        .contains("居住证", "【办理条件】", "【所需材料】", "【办理时限】", "/kb/juzhuzheng-apply");
    assertThat(answer.getString("text").split("\n")[1]).isEqualTo("【办理条件】");
    assertThat(answer.getString("text").codePointCount(0, answer.getString("text").length())).isLessThanOrEqualTo(300);
    assertThat(answer.getBoolean("forward")).isFalse();
  }

  @Test
  void a_question_in_traditional_characters_is_answered_in_traditional_characters() {
    JsonObject answer = service.ask("請問居住證怎麼辦理");

    assertThat(answer.getBoolean("answered")).isTrue();
    assertThat(answer.getJsonObject("entry").getString("id")).isEqualTo("juzhuzheng-apply");
    assertThat(answer.getString("text")).contains("居住證").doesNotContain("居住证");
  }

  @Test
  void a_personal_case_is_offered_to_the_help_line_not_answered_from_a_guide() {
    JsonObject answer = service.ask("我的低保这个月没到账帮我查一下");

    assertThat(answer.getBoolean("answered")).isFalse();
    assertThat(answer.getBoolean("forward")).isTrue();
    assertThat(answer.containsKey("entry")).isFalse();
    assertThat(answer.getString("message")).contains("求助热线");
  }

  @Test
  void an_emergency_is_forwarded_and_points_to_the_emergency_numbers() {
    JsonObject answer = service.ask("电梯困人了快来人");

    assertThat(answer.getBoolean("forward")).isTrue();
    assertThat(answer.getBoolean("urgent")).isTrue();
    assertThat(answer.getString("message")).contains("110", "120");
  }

  @Test
  void a_question_no_guide_covers_gets_not_sure_with_at_most_three_guides_and_is_counted_as_a_gap() {
    JsonObject answer = service.ask("请问股票账户怎么开通？");

    assertThat(answer.getBoolean("answered")).isFalse();
    assertThat(answer.getBoolean("forward")).isTrue();
    assertThat(answer.getString("message")).contains("不太确定");
    assertThat(answer.getJsonArray("alternatives").size()).isBetween(0, 3);

    HttpResponse<Buffer> gaps = service.get("/api/v1/kb/gaps", RunningService.ADMIN);
    assertThat(gaps.statusCode()).isEqualTo(200);
    JsonArray list = gaps.bodyAsJsonObject().getJsonArray("gaps");
    assertThat(list.stream().map(o -> ((JsonObject) o).getString("question"))).contains("请问股票账户怎么开通");
  }

  @Test
  void the_most_asked_unanswered_question_is_listed_first() {
    service.ask("周末去哪里爬山比较好？");
    service.ask("周末去哪里爬山比较好");
    service.ask("週末去哪裡爬山比較好？");
    service.ask("附近哪里能学游泳？");

    JsonObject first = service.get("/api/v1/kb/gaps?limit=1", RunningService.ADMIN)
        .bodyAsJsonObject().getJsonArray("gaps").getJsonObject(0);
    assertThat(first.getString("question")).isEqualTo("周末去哪里爬山比较好");
    assertThat(first.getLong("count")).isGreaterThanOrEqualTo(3);
    assertThat(first.getString("lastSeen")).isNotBlank();
  }

  @Test
  void phone_numbers_in_an_unanswered_question_are_masked_before_they_are_stored() {
    assertThat(service.ask("我电话13812345678，谁会修古董钟表？").getBoolean("answered")).isFalse();

    JsonArray list = service.get("/api/v1/kb/gaps?limit=1000", RunningService.ADMIN).bodyAsJsonObject()
        .getJsonArray("gaps");
    assertThat(list.encode()).doesNotContain("13812345678").contains("[手机号]");
  }

  @Test
  void text_without_a_letter_of_any_script_is_answered_but_not_counted_as_a_gap() {
    long before = gapCount();
    for (String text : new String[]{"\uDB80\uDC01\uDB80\uDC02", "\uE000\uE001\uE002", "12345 678", "13812345678",
        "110105199001011234", "\u0378\u0379"}) {
      assertThat(service.post("/api/v1/ask", new JsonObject().put("text", text).encode(), null).statusCode())
          .as(text).isEqualTo(200);
    }

    assertThat(gapCount()).isEqualTo(before);
    service.ask("Where can I learn to swim nearby");
    assertThat(gapCount()).isEqualTo(before + 1);
  }

  @Test
  void malformed_json_gets_a_json_400_and_nothing_is_counted() {
    long before = gapCount();
    HttpResponse<Buffer> response = service.post("/api/v1/ask", "{\"text\": ", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("bad_request");
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("JSON");
    assertThat(gapCount()).isEqualTo(before);
  }

  @Test
  void a_missing_or_empty_text_gets_a_400_that_names_the_field() {
    for (String body : new String[]{"{}", "{\"text\": \"  \"}", "{\"text\": 42}", "[1,2]"}) {
      HttpResponse<Buffer> response = service.post("/api/v1/ask", body, null);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(response.bodyAsJsonObject().getString("detail")).as(body).isNotBlank();
    }
  }

  @Test
  void a_body_over_64_kib_gets_a_json_413() {
    String huge = "{\"text\": \"" + "居".repeat(70_000) + "\"}";
    HttpResponse<Buffer> response = service.post("/api/v1/ask", huge, null);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("payload_too_large");
  }

  @Test
  void the_gap_list_needs_the_admin_token() {
    assertThat(service.get("/api/v1/kb/gaps", null).statusCode()).isEqualTo(401);
    assertThat(service.get("/api/v1/kb/gaps", "wrong").statusCode()).isEqualTo(401);
    assertThat(service.get("/api/v1/kb/gaps?limit=abc", RunningService.ADMIN).statusCode()).isEqualTo(400);
  }

  @Test
  void an_unknown_address_gets_a_json_404() {
    HttpResponse<Buffer> response = service.get("/no/such/page", null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("not_found");
  }

  @Test
  void health_is_up_with_the_guides_loaded_and_redis_answering() {
    HttpResponse<Buffer> response = service.get("/health", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("status")).isEqualTo("UP");
    assertThat(body.getJsonObject("kb").getInteger("entries")).isGreaterThanOrEqualTo(40);
  }

  private long gapCount() {
    JsonArray list = service.get("/api/v1/kb/gaps?limit=1000", RunningService.ADMIN).bodyAsJsonObject()
        .getJsonArray("gaps");
    return list.stream().mapToLong(o -> ((JsonObject) o).getLong("count")).sum();
  }
}
