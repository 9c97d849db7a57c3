package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each kind of poll speaks its own language, end to end (real Redis, real HTTP): a choice names
 * its winner or states its tie in the chat, the API and on the public page; a ranked poll shows its
 * rounds; a poll closed early shows when it closed and the deadline it had.
 */
class PollKindsTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of("LINLI_CONSULTATION_MODERATORS", "g1:mod"));

  private static JsonArray say(String user, String text) {
    return service.say("g1", user, text, null);
  }

  private static String text(String user, String line) {
    return say(user, line).getJsonObject(0).getString("text");
  }

  private static String idOf(String announcement) {
    return announcement.replaceAll("(?s).*议事投票 (p[0-9a-z]+)：.*", "$1");
  }

  private static JsonObject results(String id) {
    return service.get("/api/v1/polls/" + id + "/results", RunningService.ADMIN).bodyAsJsonObject();
  }

  private static String page(String id) {
    return service.get("/polls/" + id, null).bodyAsString();
  }

  @Test
  void a_three_option_choice_names_its_winner_in_the_chat_the_api_and_on_the_public_page() {
    String announcement = text("mod", "/poll 周六活动室开放时间 | 上午 | 下午 | 晚上");
    assertThat(announcement).contains("表决规则：得票最多的选项当选").doesNotContain("同意票");
    String id = idOf(announcement);
    text("u1", "/vote " + id + " 1");
    text("u2", "/vote " + id + " 2");
    text("u3", "/vote " + id + " 2");
    text("u4", "/vote " + id + " 2");
    text("u5", "/vote " + id + " 3");

    String result = text("mod", "/close " + id);

    assertThat(result).contains("2. 下午：3 票", "✅ 得票最多的选项当选（并列时如实公布）：“下午”得票最多（3票，领先第二名 2票）",
        "结论：“下午”得票最多").doesNotContain("同意票", "未通过", "上午”）");
    JsonObject api = results(id);
    assertThat(api.getString("kind")).isEqualTo("choice");
    assertThat(api.getJsonArray("winners")).containsExactly("下午");
    assertThat(api.getBoolean("tie")).isFalse();
    assertThat(api.getJsonObject("outcome").getString("rule")).isEqualTo("plurality");
    assertThat(api.getJsonObject("outcome").getBoolean("passed")).isTrue();
    assertThat(api.getJsonArray("tally").getJsonObject(1).getLong("votes")).isEqualTo(3);
    assertThat(page(id)).contains("<p class=\"verdict passed\">“下午”得票最多", "表决规则：相对多数：得票最多者当选",
        "投票方式：单选、记名投票").doesNotContain("同意票", "未通过");
  }

  @Test
  void a_tie_is_stated_plainly_everywhere_and_no_option_is_picked() {
    JsonObject draft = new JsonObject().put("chat", "g1").put("question", "春游去哪里")
        .put("options", new JsonArray().add("植物园").add("湿地公园").add("博物馆")).put("kind", "choice")
        .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).toString());
    var created = service.post("/api/v1/polls", draft.encode(), RunningService.ADMIN);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String id = created.bodyAsJsonObject().getString("id");
    assertThat(created.bodyAsJsonObject().getString("kind")).isEqualTo("choice");
    text("t1", "/vote " + id + " 1");
    text("t2", "/vote " + id + " 2");
    text("t3", "/vote " + id + " 1");
    text("t4", "/vote " + id + " 2");
    text("t5", "/vote " + id + " 3");

    JsonObject closed = service.post("/api/v1/polls/" + id + "/close", "", RunningService.ADMIN).bodyAsJsonObject();

    assertThat(closed.getBoolean("tie")).isTrue();
    assertThat(closed.getJsonArray("winners")).containsExactly("植物园", "湿地公园");
    assertThat(closed.getJsonObject("outcome").getBoolean("passed")).isFalse();
    assertThat(text("u9", "/results " + id)).contains("结论：“植物园”、“湿地公园”并列，没有唯一结果",
        "“植物园”、“湿地公园”并列得票最多（各 2票）");
    assertThat(page(id)).contains("<p class=\"verdict tie\">“植物园”、“湿地公园”并列，没有唯一结果");
  }

  @Test
  void a_ranked_poll_is_counted_by_instant_runoff_and_shows_every_round() {
    JsonObject opened = say("mod", "/poll 社区食堂菜单 | 川菜 | 粤菜 | 面食 --ranked").getJsonObject(0);
    String announcement = opened.getString("text");
    assertThat(announcement).contains("排序投票", "/vote ");
    assertThat(opened.getJsonArray("buttons")).as("a button casts one option, not an order").isEmpty();
    String id = idOf(announcement);
    // First preferences 川菜 2, 粤菜 2, 面食 1: 面食 goes and its ballot carries 粤菜 to 3 of 5.
    text("r1", "/vote " + id + " 1,2,3");
    text("r2", "/vote " + id + " 1,3");
    text("r3", "/vote " + id + " 2,1");
    text("r4", "/vote " + id + " 2");
    assertThat(text("r5", "/vote " + id + " 3,2,1")).contains("面食 > 粤菜 > 川菜");

    String result = text("mod", "/close " + id);

    assertThat(result).contains("第一选择：", "第1轮：川菜 2 · 粤菜 2 · 面食 1 → 淘汰“面食”", "第2轮：川菜 2 · 粤菜 3",
        "“粤菜”在第 2 轮获得过半数（3/5票）", "结论：“粤菜”当选（第 2 轮）");
    JsonObject api = results(id);
    assertThat(api.getString("kind")).isEqualTo("ranked");
    assertThat(api.getJsonArray("winners")).containsExactly("粤菜");
    JsonArray rounds = api.getJsonArray("rounds");
    assertThat(rounds).hasSize(2);
    assertThat(rounds.getJsonObject(0).getJsonArray("eliminated")).containsExactly("面食");
    assertThat(rounds.getJsonObject(1).getJsonArray("tally").getJsonObject(1).getLong("votes")).isEqualTo(3);
    assertThat(api.getJsonArray("tally").getJsonObject(0).getLong("votes")).as("first preferences").isEqualTo(2);
    assertThat(page(id)).contains("<h2>逐轮计票</h2>", "<td>第1轮</td><td>2</td><td>2</td><td>1</td><td>淘汰“面食”",
        "<td>第2轮</td><td>2</td><td>3</td><td>—</td><td>“粤菜”当选（第 2 轮）", "<th>第一选择票数</th>");
  }

  @Test
  void a_proposal_written_without_options_gets_agree_against_abstain() {
    String announcement = text("mod", "/poll 是否同意在小区内设置快递柜 --proposal");

    assertThat(announcement).contains("1. 同意", "2. 反对", "3. 弃权", "同意票超过投票总数的一半即通过");
  }

  @Test
  void kinds_that_do_not_fit_their_rule_are_refused_with_a_sentence() {
    assertThat(text("mod", "/poll 选方案 | 方案一 | 方案二 --choice --rule civil-code-major")).contains("--proposal");
    assertThat(text("mod", "/poll 选方案 | 方案一 | 方案二 --kind vote")).contains("不认识的投票方式");
    JsonObject draft = new JsonObject().put("chat", "g1").put("question", "选方案")
        .put("options", new JsonArray().add("方案一").add("方案二"))
        .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).toString());
    assertThat(service.post("/api/v1/polls", draft.copy().put("kind", "vote").encode(), RunningService.ADMIN)
        .bodyAsJsonObject().getString("detail")).contains("kind");
    assertThat(service.post("/api/v1/polls", draft.copy().put("kind", "ranked").put("rule", "majority").encode(),
        RunningService.ADMIN).statusCode()).isEqualTo(400);
  }

  @Test
  void a_poll_closed_early_shows_when_it_closed_and_the_deadline_it_had() {
    String id = idOf(text("mod", "/poll 楼道堆物清理日期 | 周六 | 周日 --closes 3d"));
    text("u1", "/vote " + id + " 2");

    text("mod", "/close " + id);

    assertThat(page(id)).contains("提前结束投票（原定截止时间：").doesNotContain("已截止，截止时间");
  }

  @Test
  void the_discussion_announcement_carries_the_rule_and_the_ballot() {
    String small = text("mod", "/poll 小区花园改造方案 | 方案一 | 方案二 --discuss 1d --anonymous");

    assertThat(small).contains("讨论期", "表决规则：得票最多的选项当选", "投票方式：单选，不记名投票").doesNotContain("/bind");
  }
}
