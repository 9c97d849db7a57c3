package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.webhooks.telegram.FakeBotApi;

/**
 * Telegram end to end in polling mode against a fake Bot API on loopback: a resident asks in a
 * group with a mention and gets the answer; a moderator opens a poll; two residents vote with the
 * buttons; the tally is right.
 */
class TelegramEndToEndTest {

  static final String TOKEN = "7000000001:test-token";
  static final long GROUP = -1001234567890L;

  @TempDir
  Path data;
  Vertx vertx;
  FakeBotApi api;
  RunningService service;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    api = RunningService.await(FakeBotApi.start(vertx, TOKEN));
    service = RunningService.start(data, Map.of(
        "LINLI_TELEGRAM_TOKEN", TOKEN,
        "LINLI_TELEGRAM_API_URL", api.url(),
        "LINLI_TELEGRAM_MODE", "polling",
        "LINLI_TELEGRAM_BOT_USERNAME", "linli_bot",
        "LINLI_CONSULTATION_MODERATORS", GROUP + ":2222"));
  }

  @AfterEach
  void stop() {
    service.close();
    RunningService.await(api.close());
    RunningService.await(vertx.close());
  }

  private static JsonObject user(long id, String name) {
    return new JsonObject().put("id", id).put("is_bot", false).put("first_name", name);
  }

  private static JsonObject group() {
    return new JsonObject().put("id", GROUP).put("title", "幸福里3号楼邻里群").put("type", "supergroup");
  }

  private void say(long from, String text, String entityType, int entityLength) {
    api.push(new JsonObject().put("message", new JsonObject()
        .put("message_id", (int) (Math.random() * 100_000))
        .put("from", user(from, "居民"))
        .put("chat", group())
        .put("date", System.currentTimeMillis() / 1000)
        .put("text", text)
        .put("entities", new JsonArray().add(new JsonObject().put("offset", 0).put("length", entityLength)
            .put("type", entityType)))));
  }

  private void press(long from, String data, long messageId) {
    api.push(new JsonObject().put("callback_query", new JsonObject()
        .put("id", "cb" + from)
        .put("from", user(from, "居民"))
        .put("message", new JsonObject().put("message_id", messageId).put("chat", group())
            .put("from", new JsonObject().put("id", 7000000001L).put("is_bot", true).put("username", "linli_bot"))
            .put("date", System.currentTimeMillis() / 1000).put("text", "议事投票"))
        .put("chat_instance", "1")
        .put("data", data)));
  }

  private static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    T value = probe.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      value = probe.get();
    }
    return value;
  }

  private List<FakeBotApi.Call> sentToGroup() {
    return api.calls("sendMessage").stream()
        .filter(c -> String.valueOf(GROUP).equals(String.valueOf(c.params().getValue("chat_id"))))
        .toList();
  }

  @Test
  void one_household_has_one_ballot_across_platforms_when_both_identities_are_bound_to_it() {
    var imported = RunningService.await(service.client.post("/api/v1/households")
        .putHeader("Content-Type", "text/csv").putHeader("Authorization", "Bearer " + RunningService.ADMIN)
        .sendBuffer(Buffer.buffer("household,building,room,area,owners\n8-1-101,8,101,90,2\n")));
    assertThat(imported.statusCode()).isEqualTo(200);
    String webCode = service.post("/api/v1/households/8-1-101/codes", "", RunningService.ADMIN).bodyAsJsonObject()
        .getString("code");
    String tgCode = service.post("/api/v1/households/8-1-101/codes", "", RunningService.ADMIN).bodyAsJsonObject()
        .getString("code");
    // The same resident: in the community app (generic channel) and on Telegram.
    JsonObject bindWeb = new JsonObject().put("chat", new JsonObject().put("id", "app").put("type", "private"))
        .put("from", new JsonObject().put("id", "resident-8")).put("text", "/bind " + webCode);
    assertThat(service.post("/webhooks/generic", bindWeb.encode(), RunningService.GENERIC).bodyAsString())
        .contains("已绑定");
    say(5555, "/bind " + tgCode, "bot_command", 5);
    eventually(() -> api.calls("sendMessage"),
        l -> l.stream().anyMatch(c -> c.params().getString("text", "").contains("已绑定")));

    say(2222, "/poll 是否同意更换电梯 | 同意 | 不同意 --big --rule civil-code-major", "bot_command", 5);
    FakeBotApi.Call poll = eventually(this::sentToGroup,
        l -> l.stream().anyMatch(c -> c.params().getString("text", "").contains("业主大事表决"))).stream()
        .filter(c -> c.params().getString("text", "").contains("业主大事表决")).findFirst().orElseThrow();
    String pollId = poll.params().getJsonObject("reply_markup").getJsonArray("inline_keyboard").getJsonArray(0)
        .getJsonObject(0).getString("callback_data").split(":")[1];

    JsonObject voteWeb = new JsonObject().put("chat", new JsonObject().put("id", "app").put("type", "private"))
        .put("from", new JsonObject().put("id", "resident-8")).put("callback", "vote:" + pollId + ":1");
    assertThat(service.post("/webhooks/generic", voteWeb.encode(), RunningService.GENERIC).bodyAsString())
        .contains("已记录");
    press(5555, "vote:" + pollId + ":2", 502);

    JsonObject results = eventually(
        () -> service.get("/api/v1/polls/" + pollId + "/results", RunningService.ADMIN).bodyAsJsonObject(),
        r -> r.getJsonArray("tally").getJsonObject(1).getLong("votes") == 1);
    assertThat(results.getLong("ballots")).isEqualTo(1);
    assertThat(results.getJsonArray("tally").getJsonObject(0).getLong("votes")).isZero();
  }

  @Test
  void a_question_with_a_mention_is_answered_and_two_button_votes_give_the_right_tally() {
    say(1111, "@linli_bot 居住证怎么办", "mention", 10);
    List<FakeBotApi.Call> answers = eventually(this::sentToGroup, l -> !l.isEmpty());
    assertThat(answers).isNotEmpty();
    assertThat(answers.get(0).params().getString("text")).contains("居住证");

    say(2222, "/poll 周六活动室开放时间 | 上午 | 下午 --closes 2h", "bot_command", 5);
    FakeBotApi.Call poll = eventually(this::sentToGroup,
        l -> l.stream().anyMatch(c -> c.params().getString("text", "").contains("议事投票"))).stream()
        .filter(c -> c.params().getString("text", "").contains("议事投票")).findFirst().orElseThrow();
    JsonArray keyboard = poll.params().getJsonObject("reply_markup").getJsonArray("inline_keyboard");
    String first = keyboard.getJsonArray(0).getJsonObject(0).getString("callback_data");
    String pollId = first.split(":")[1];

    press(3333, "vote:" + pollId + ":1", 501);
    press(4444, "vote:" + pollId + ":2", 501);
    press(3333, "vote:" + pollId + ":2", 501); // a change of mind
    eventually(() -> api.calls("answerCallbackQuery"), l -> l.size() >= 3);

    JsonObject results = eventually(
        () -> service.get("/api/v1/polls/" + pollId + "/results", RunningService.ADMIN).bodyAsJsonObject(),
        r -> r.getLong("ballots") == 2 && r.getJsonArray("tally").getJsonObject(1).getLong("votes") == 2);
    assertThat(results.getJsonArray("tally").getJsonObject(0).getLong("votes")).isZero();
    assertThat(results.getJsonArray("tally").getJsonObject(1).getLong("votes")).isEqualTo(2);
    assertThat(results.getLong("ballots")).isEqualTo(2);
    assertThat(api.calls("answerCallbackQuery")).hasSizeGreaterThanOrEqualTo(3);
    // The poll message itself shows the live tally.
    List<FakeBotApi.Call> edits = eventually(() -> api.calls("editMessageText"),
        l -> l.stream().anyMatch(c -> c.params().getString("text", "").contains("上午 0 · 下午 2")));
    assertThat(edits).anyMatch(c -> c.params().getString("text", "").contains("当前：上午 0 · 下午 2（共 2 人）")
        && "501".equals(String.valueOf(c.params().getValue("message_id"))));
  }
}
