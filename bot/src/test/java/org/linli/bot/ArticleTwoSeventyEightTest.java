package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proposals with abstentions under Civil Code art. 278, end to end (real Redis, real HTTP): an
 * abstaining household takes part (it counts towards the 2/3 participation) and does not agree (it
 * counts against the share that must agree), decided at exactly each threshold.
 */
class ArticleTwoSeventyEightTest {

  @TempDir
  static Path data;
  static RunningService service;

  @BeforeAll
  static void start() {
    service = RunningService.start(data, Map.of("LINLI_CONSULTATION_MODERATORS", "g1:mod"));
    // Nine households of 100 m²: 2/3 is exactly 6 households and 600 m².
    StringBuilder csv = new StringBuilder("household,building,unit,room,area,owners\n");
    for (int i = 1; i <= 9; i++) {
      csv.append("7-1-10").append(i).append(",7,1,10").append(i).append(",100.00,1\n");
    }
    var imported = RunningService.await(service.client.post("/api/v1/households")
        .putHeader("Content-Type", "text/csv")
        .putHeader("Authorization", "Bearer " + RunningService.ADMIN)
        .sendBuffer(Buffer.buffer(csv.toString())));
    assertThat(imported.statusCode()).as(imported.bodyAsString()).isEqualTo(200);
    for (int i = 1; i <= 9; i++) {
      JsonObject code = service.post("/api/v1/households/7-1-10" + i + "/codes", "", RunningService.ADMIN)
          .bodyAsJsonObject();
      assertThat(text("owner" + i, "/bind " + code.getString("code"))).contains("已绑定");
    }
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static JsonArray say(String user, String text) {
    return service.say("g1", user, text, null);
  }

  private static String text(String user, String line) {
    return say(user, line).getJsonObject(0).getString("text");
  }

  /** Opens a proposal, has households 1, 2 … vote as listed (1 同意, 2 反对, 3 弃权), closes it. */
  private static JsonObject decide(String rule, int... ballots) {
    JsonObject opened = say("mod", "/poll 是否同意使用维修资金 | 同意 | 反对 | 弃权 --big --rule " + rule).getJsonObject(0);
    String id = opened.getJsonArray("buttons").getJsonObject(0).getString("data").split(":")[1];
    for (int i = 0; i < ballots.length; i++) {
      assertThat(text("owner" + (i + 1), "/vote " + id + " " + ballots[i])).contains("已记录");
    }
    text("mod", "/close " + id);
    JsonObject results = service.get("/api/v1/polls/" + id + "/results", RunningService.ADMIN).bodyAsJsonObject();
    assertThat(results.getString("kind")).isEqualTo("proposal");
    return results;
  }

  private static String detail(JsonObject results, int condition) {
    return results.getJsonObject("outcome").getJsonArray("conditions").getJsonObject(condition).getString("detail");
  }

  private static boolean passed(JsonObject results) {
    return results.getJsonObject("outcome").getBoolean("passed");
  }

  @Test
  void an_ordinary_matter_passes_with_exactly_two_thirds_taking_part_and_one_more_than_half_of_them_agreeing() {
    // 6 of 9 take part (one abstains): 4 of the 6 agree, the least that is more than half.
    JsonObject results = decide("civil-code-ordinary", 1, 1, 1, 1, 2, 3);

    assertThat(detail(results, 0)).isEqualTo("恰好达到（600.00/900.00m²）");
    assertThat(detail(results, 1)).isEqualTo("恰好达到（6/9户）");
    assertThat(detail(results, 3)).isEqualTo("恰好达到（4/6户）");
    assertThat(passed(results)).isTrue();
    assertThat(results.getJsonArray("winners")).containsExactly("同意");
  }

  @Test
  void an_abstention_counts_as_taking_part_and_not_as_agreeing() {
    // 3 agree, 1 against, 2 abstain: 3 of the 6 taking part is not more than half. Left out, the
    // abstentions would have made it 3 of 4 and passed.
    JsonObject results = decide("civil-code-ordinary", 1, 1, 1, 2, 3, 3);

    assertThat(detail(results, 1)).as("abstainers make the quorum").isEqualTo("恰好达到（6/9户）");
    assertThat(detail(results, 3)).isEqualTo("未达到（3/6户，还差 1户）");
    assertThat(passed(results)).isFalse();
    assertThat(results.getJsonArray("winners")).isEmpty();
  }

  @Test
  void one_household_short_of_two_thirds_taking_part_fails_however_many_agree() {
    JsonObject results = decide("civil-code-ordinary", 1, 1, 1, 1, 3);

    assertThat(detail(results, 1)).isEqualTo("未达到（5/9户，还差 1户）");
    assertThat(passed(results)).isFalse();
  }

  @Test
  void a_major_matter_passes_at_exactly_three_quarters_of_those_taking_part_abstentions_included() {
    // 8 take part: 6 agree, 1 against, 1 abstains: 6/8 is exactly 3/4.
    JsonObject exact = decide("civil-code-major", 1, 1, 1, 1, 1, 1, 2, 3);
    // 5 agree, 1 against, 2 abstain: 5/8 is short, though 5 of the 6 who chose a side agree.
    JsonObject shortOfIt = decide("civil-code-major", 1, 1, 1, 1, 1, 2, 3, 3);

    assertThat(detail(exact, 3)).isEqualTo("恰好达到（6/8户）");
    assertThat(detail(exact, 2)).isEqualTo("恰好达到（600.00/800.00m²）");
    assertThat(passed(exact)).isTrue();
    assertThat(detail(shortOfIt, 3)).isEqualTo("未达到（5/8户，还差 1户）");
    assertThat(passed(shortOfIt)).isFalse();
  }

  @Test
  void the_chat_result_of_a_proposal_keeps_its_yes_no_wording() {
    JsonObject opened = say("mod", "/poll 是否同意更换门禁 | 同意 | 反对 | 弃权 --big --rule civil-code-ordinary").getJsonObject(0);
    String id = opened.getJsonArray("buttons").getJsonObject(0).getString("data").split(":")[1];
    for (int i = 1; i <= 6; i++) {
      text("owner" + i, "/vote " + id + " " + (i <= 4 ? 1 : 3));
    }

    String result = text("mod", "/close " + id);

    assertThat(result).contains("✅ 同意的户数超过参与表决户数的1/2：恰好达到（4/6户）", "结论：通过（“同意”）");
  }

  @Test
  void the_discussion_announcement_of_a_household_ballot_carries_the_rule_the_ballot_and_how_to_bind() {
    String big = text("mod", "/poll 是否同意加装电梯 | 同意 | 反对 | 弃权 --big --rule civil-code-major --discuss 2d --anonymous");

    assertThat(big).contains("讨论期", "表决规则：《民法典》第278条重大事项", "投票方式：对提议表决（同意、反对或弃权），不记名投票",
        "/bind 绑定码");
  }
}
