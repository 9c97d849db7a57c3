package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A quick poll in a group, end to end through the generic channel. */
class ChatPollTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of("LINLI_CONSULTATION_MODERATORS", "g1:mod"));

  private static JsonArray say(String user, String text, String callback) {
    return service.say("g1", user, text, callback);
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

    JsonObject confirmation = say("u1", null, "vote:" + id + ":1").getJsonObject(0);
    assertThat(confirmation.getString("text")).contains("已记录", "上午");
    assertThat(confirmation.getBoolean("private")).as("a vote is confirmed to the voter alone").isTrue();
    assertThat(say("u2", "/vote " + id + " 2", null).getJsonObject(0).getString("text")).contains("下午");
    assertThat(say("u1", null, "vote:" + id + ":3").getJsonObject(0).getString("text")).contains("已改为：晚上", "原来：上午");
    assertThat(say("u3", "/vote " + id + " 7", null).getJsonObject(0).getString("text")).contains("1 到 3");

    String live = say("u4", "/results " + id, null).getJsonObject(0).getString("text");
    assertThat(live).contains("1. 上午：0 票", "2. 下午：1 票", "3. 晚上：1 票", "共 2 人参与");

    String result = say("mod", "/close " + id, null).getJsonObject(0).getString("text");
    assertThat(result).as("a choice between time slots states its tie, not a yes/no on option 1")
        .contains("投票结果", "结论：“下午”、“晚上”并列，没有唯一结果").doesNotContain("同意票", "未通过");
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
    assertThat(live).contains("截止后公布", "1 人参与").doesNotContain("唱歌：");
  }

  private static JsonArray replyTo(String user, String quoted, String text) {
    JsonObject body = new JsonObject()
        .put("chat", new JsonObject().put("id", "g1").put("type", "group"))
        .put("from", new JsonObject().put("id", user))
        .put("text", text)
        .put("replyTo", new JsonObject().put("text", quoted));
    return service.post("/webhooks/generic", body.encode(), RunningService.GENERIC).bodyAsJsonObject()
        .getJsonArray("replies");
  }

  @Test
  void a_resident_votes_by_replying_to_the_poll_message_with_the_option_number() {
    JsonObject announcement = say("mod", "/poll 楼道灯换成声控的吗｜换｜不换", null).getJsonObject(0);
    String id = pollId(announcement);

    String reply = replyTo("u7", announcement.getString("text"), "选2").getJsonObject(0).getString("text");

    assertThat(reply).contains("已记录", "不换");
    assertThat(say("u8", "/results " + id, null).getJsonObject(0).getString("text")).contains("2. 不换：1 票");
  }

  @Test
  void a_reason_given_with_a_vote_is_kept_without_the_name_of_who_gave_it() {
    String id = pollId(say("mod", "/poll 周末开放球场 | 同意 | 不同意", null).getJsonObject(0));

    say("u1", "/vote " + id + " 1 理由：孩子们需要运动的地方，电话13812345678", null);

    JsonObject results = service.get("/api/v1/polls/" + id + "/results", RunningService.ADMIN).bodyAsJsonObject();
    assertThat(results.getJsonArray("reasons").getString(0)).contains("孩子们需要运动").doesNotContain("13812345678");
  }

  @Test
  void during_the_discussion_period_the_poll_has_no_buttons_and_votes_wait() {
    JsonObject announcement = say("mod", "/poll 加装电梯方案征求意见 | 方案一 | 方案二 --discuss 1d --closes 3d", null)
        .getJsonObject(0);
    assertThat(announcement.getString("text")).contains("讨论期");
    assertThat(announcement.getJsonArray("buttons")).isEmpty();
    String id = announcement.getString("text").replaceAll("(?s).*议事投票 (p[0-9a-z]+)：.*", "$1");

    assertThat(say("u1", "/vote " + id + " 1", null).getJsonObject(0).getString("text")).contains("还在讨论期");
  }

  @Test
  void a_moderator_extends_a_poll_and_a_resident_may_not() {
    String id = pollId(say("mod", "/poll 议题 | 是 | 否 --closes 2h", null).getJsonObject(0));

    assertThat(say("u1", "/extend " + id + " 1d", null).getJsonObject(0).getString("text")).contains("只有本群的社区工作人员");
    assertThat(say("mod", "/extend " + id + " 1d", null).getJsonObject(0).getString("text")).contains("延期至");
    assertThat(service.get("/api/v1/polls/" + id, RunningService.ADMIN).bodyAsJsonObject().getString("closesAt"))
        .isNotBlank();
  }

  @Test
  void a_secret_ballot_gives_the_voter_a_private_receipt_that_the_results_list() {
    String id = pollId(say("mod", "/poll 评议物业服务 | 满意 | 不满意 --anonymous", null).getJsonObject(0));

    JsonObject confirmation = say("secret-voter-77", null, "vote:" + id + ":2").getJsonObject(0);
    say("secret-voter-78", "/vote " + id + " 1 理由：保洁不及时", null);
    assertThat(confirmation.getBoolean("private")).isTrue();
    assertThat(service.redisDump()).as("no voter id anywhere in Redis").doesNotContain("secret-voter-");
    String receipt = confirmation.getString("text").replaceAll("(?s).*回执码：([A-Z2-9]{4}-[A-Z2-9]{4}).*", "$1");
    assertThat(receipt).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");

    String result = say("mod", "/close " + id, null).getJsonObject(0).getString("text");
    assertThat(result).contains("回执码");
    JsonObject results = service.get("/api/v1/polls/" + id + "/results", RunningService.ADMIN).bodyAsJsonObject();
    assertThat(results.getJsonArray("receipts").stream().map(r -> ((JsonObject) r).getString("receipt")))
        .hasSize(2).contains(receipt);
  }

  @Test
  void a_vote_on_an_unknown_poll_says_so() {
    assertThat(say("u1", "/vote nope 1", null).getJsonObject(0).getString("text")).contains("没有找到投票 nope");
  }
}
