package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A quick poll in a group, end to end through the generic channel. */
class ChatPollTest {

  @TempDir static Path data;
  static RunningService service;

  @BeforeAll
  static void start() {
    service = RunningService.start(data, Map.of("LINLI_CONSULTATION_MODERATORS", "g1:mod"));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static JsonArray say(String user, String text, String callback) {
    JsonObject body = new JsonObject()
        .put("chat", new JsonObject().put("id", "g1").put("type", "group"))
        .put("from", new JsonObject().put("id", user))
        .put("mentioned", false);
    if (text != null) {
      body.put("text", text);
    }
    if (callback != null) {
      body.put("callback", callback);
    }
    return service.post("/webhooks/generic", body.encode(), RunningService.GENERIC).bodyAsJsonObject().getJsonArray("replies");
  }

  private static String pollId(JsonObject announcement) {
    String data = announcement.getJsonArray("buttons").getJsonObject(0).getString("data");
    return data.split(":")[1];
  }

  @Test
  void a_moderator_opens_a_poll_residents_vote_and_change_their_vote_and_the_result_is_posted() {
    JsonObject announcement = say("mod", "/poll 周六活动室开放时间 | 上午 | 下午 | 晚上 --closes 2h", null).getJsonObject(0);
    assertThat(announcement.getString("text")).contains("周六活动室开放时间", "1. 上午", "3. 晚上", "截止前可以改票");
    assertThat(announcement.getJsonArray("buttons")).hasSize(3);
    String id = pollId(announcement);

    assertThat(say("u1", null, "vote:" + id + ":1").getJsonObject(0).getString("text")).contains("已记录", "上午");
    assertThat(say("u2", "/vote " + id + " 2", null).getJsonObject(0).getString("text")).contains("下午");
    assertThat(say("u1", null, "vote:" + id + ":3").getJsonObject(0).getString("text")).contains("已改为：晚上", "原来：上午");
    assertThat(say("u3", "/vote " + id + " 7", null).getJsonObject(0).getString("text")).contains("1 到 3");

    String live = say("u4", "/results " + id, null).getJsonObject(0).getString("text");
    assertThat(live).contains("1. 上午：0 票", "2. 下午：1 票", "3. 晚上：1 票", "共 2 人参与");

    String result = say("mod", "/close " + id, null).getJsonObject(0).getString("text");
    assertThat(result).contains("投票结果", "结论：未通过");
    assertThat(say("u5", null, "vote:" + id + ":2").getJsonObject(0).getString("text")).contains("已经截止");
    assertThat(say("mod", "/close " + id, null).getJsonObject(0).getString("text")).contains("已经结束");
  }

  @Test
  void a_resident_who_is_not_a_moderator_is_politely_refused() {
    String reply = say("u1", "/poll 要不要种树 | 要 | 不要", null).getJsonObject(0).getString("text");

    assertThat(reply).contains("抱歉", "社区工作人员");
  }

  @Test
  void a_hidden_poll_shows_only_the_number_of_ballots_until_it_closes() {
    String id = pollId(say("mod", "/poll 活动 | 唱歌 | 跳舞 --hidden --multi 2", null).getJsonObject(0));
    say("u1", "/vote " + id + " 1,2", null);

    String live = say("u2", "/results " + id, null).getJsonObject(0).getString("text");
    assertThat(live).contains("截止后公布", "1 票").doesNotContain("唱歌：");
  }

  @Test
  void a_vote_on_an_unknown_poll_says_so() {
    assertThat(say("u1", "/vote nope 1", null).getJsonObject(0).getString("text")).contains("没有找到投票 nope");
  }
}
