package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad poll drafts, one row each: every one is refused with a 400 and a sentence naming the field,
 * and Redis is exactly as it was before (nothing stored, no id spent, no timer, no announcement).
 */
class PollInputTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of());

  private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);

  private static JsonObject draft() {
    return new JsonObject()
        .put("channel", "generic")
        .put("chat", "g1")
        .put("question", "周六活动室开放时间")
        .put("options", new JsonArray().add("上午").add("下午").add("晚上"))
        .put("opensAt", NOW.plusHours(1).toString())
        .put("closesAt", NOW.plusDays(1).toString());
  }

  private static Arguments row(String name, String field, UnaryOperator<JsonObject> change) {
    return Arguments.of(name, field, change);
  }

  static Stream<Arguments> badDrafts() {
    return Stream.of(
        row("a reminder 10^15 minutes before", "remindMinutesBefore",
            d -> d.put("remindMinutesBefore", 1_000_000_000_000_000L)),
        row("a reminder 2^62 minutes before", "remindMinutesBefore", d -> d.put("remindMinutesBefore", 1L << 62)),
        row("a reminder of a fraction of a minute", "remindMinutesBefore", d -> d.put("remindMinutesBefore", 1.5)),
        row("a reminder of a huge integer", "remindMinutesBefore",
            d -> d.put("remindMinutesBefore", new java.math.BigInteger("123456789012345678901234567890"))),
        row("a reminder of zero", "remindMinutesBefore", d -> d.put("remindMinutesBefore", 0)),
        row("a reminder as text", "remindMinutesBefore", d -> d.put("remindMinutesBefore", "60")),
        row("multi of 2^32 + 1", "multi", d -> d.put("multi", (1L << 32) + 1)),
        row("multi of 2.5", "multi", d -> d.put("multi", 2.5)),
        row("multi above the options", "multi", d -> d.put("multi", 4)),
        row("closesAt equal to opensAt", "closesAt", d -> d.put("closesAt", d.getString("opensAt"))),
        row("closesAt before opensAt", "closesAt", d -> d.put("closesAt", NOW.plusMinutes(30).toString())),
        row("closesAt in year +999999999", "closesAt", d -> d.put("closesAt", "+999999999-12-31T23:59:59+08:00")),
        row("closesAt three years ahead", "closesAt", d -> d.put("closesAt", NOW.plusYears(3).toString())),
        row("opensAt in year +999999999", "opensAt", d -> d.put("opensAt", "+999999999-01-01T00:00:00+08:00")
            .put("closesAt", "+999999999-12-31T23:59:59+08:00")),
        row("an option holding U+001F", "options", d -> d.put("options", new JsonArray().add("上午\u001f下午").add("晚上"))),
        row("an option holding U+0000", "options", d -> d.put("options", new JsonArray().add("上午\u0000").add("晚上"))),
        row("an option holding U+007F", "options", d -> d.put("options", new JsonArray().add("上午").add("晚\u007f上"))),
        row("a question holding a line break", "question", d -> d.put("question", "周六\n活动室")),
        row("a question holding U+001F", "question", d -> d.put("question", "周六\u001f活动室")),
        row("a chat holding U+001B", "chat", d -> d.put("chat", "g1\u001b")),
        row("an unknown channel", "channel", d -> d.put("channel", "nosuch")),
        row("a channel that is not text", "channel", d -> d.put("channel", 7)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDrafts")
  void every_bad_draft_is_refused_with_a_400_and_a_sentence_and_redis_is_unchanged(String name, String field,
      UnaryOperator<JsonObject> change) {
    String before = service.redisDump();

    HttpResponse<Buffer> response = service.post("/api/v1/polls", change.apply(draft()).encode(), RunningService.ADMIN);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("error")).isEqualTo("bad_request");
    assertThat(body.getString("detail")).contains("\"" + field + "\"").doesNotContain("Exception");
    assertThat(service.redisDump()).isEqualTo(before);
  }

  @Test
  void the_good_draft_the_rows_start_from_is_accepted() {
    HttpResponse<Buffer> response = service.post("/api/v1/polls",
        draft().put("remindMinutesBefore", 60).put("multi", 2).encode(), RunningService.ADMIN);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    assertThat(response.bodyAsJsonObject().getJsonArray("options")).containsExactly("上午", "下午", "晚上");
  }
}
