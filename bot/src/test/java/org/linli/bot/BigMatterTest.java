package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A big matter end to end: the register is imported, residents bind with codes, the households
 * vote (one ballot each, the later member's replacing the earlier's, both told), and the Civil Code
 * rule decides on areas and households.
 */
class BigMatterTest {

  @RegisterExtension
  static final RunningService service = RunningService
      .perClassWithChatApp(Map.of("LINLI_CONSULTATION_MODERATORS", "g1:mod"));

  @BeforeAll
  static void import_four_households_and_bind_four_residents() {
    // Four households, 400 m² in all: 2/3 of the area is 266.67 m², 2/3 of the households is 3.
    var imported = RunningService.await(service.client.post("/api/v1/households")
        .putHeader("Content-Type", "text/csv")
        .putHeader("Authorization", "Bearer " + RunningService.ADMIN)
        .sendBuffer(Buffer.buffer("household,building,unit,room,area,owners,names,phones\n"
            + "5-1-101,5,1,101,100.00,2,李雷 韩梅梅,13911112222\n"
            + "5-1-102,5,1,102,100.00,1,王芳,\n"
            + "5-1-201,5,1,201,100.00,1,,\n"
            + "5-1-202,5,1,202,100.00,1,,\n")));
    assertThat(imported.statusCode()).as(imported.bodyAsString()).isEqualTo(200);
    bind("husband", "5-1-101");
    bind("wife", "5-1-101");
    bind("u102", "5-1-102");
    bind("u201", "5-1-201");
  }

  private static void bind(String user, String household) {
    JsonObject code = service.post("/api/v1/households/" + household + "/codes", "", RunningService.ADMIN)
        .bodyAsJsonObject();
    String reply = say(user, "/bind " + code.getString("code")).getJsonObject(0).getString("text");
    assertThat(reply).contains("已绑定");
  }

  private static JsonArray say(String user, String text) {
    return service.say("g1", user, text, null);
  }

  private static String open(String line) {
    JsonObject announcement = say("mod", line).getJsonObject(0);
    assertThat(announcement.getString("text")).contains("业主大事表决", "一户一票");
    return announcement.getJsonArray("buttons").getJsonObject(0).getString("data").split(":")[1];
  }

  @Test
  void a_later_vote_from_another_member_replaces_the_household_ballot_and_both_members_are_told() {
    String id = open("/poll 是否同意加装电梯 | 同意 | 不同意 --big --rule civil-code-major");

    say("husband", "/vote " + id + " 1");
    String second = say("wife", "/vote " + id + " 2").getJsonObject(0).getString("text");

    assertThat(second).contains("一户一票", "替换了您家另一位成员");
    JsonObject note = service.app().await(m -> m.getJsonObject("chat").getString("id").equals("husband"), 10);
    assertThat(note.getJsonObject("chat").getString("type")).isEqualTo("private");
    assertThat(note.getString("text")).contains("另一位家庭成员改为：不同意");
    JsonObject results = service.get("/api/v1/polls/" + id + "/results", RunningService.ADMIN).bodyAsJsonObject();
    assertThat(results.getLong("ballots")).isEqualTo(1);
    assertThat(results.getJsonArray("tally").getJsonObject(1).getLong("votes")).isEqualTo(1);
  }

  @Test
  void a_resident_without_a_bound_household_is_told_how_to_bind() {
    String id = open("/poll 是否同意更换物业 | 同意 | 不同意 --big");

    assertThat(say("stranger", "/vote " + id + " 1").getJsonObject(0).getString("text")).contains("/bind");
  }

  @Test
  void three_of_four_households_with_three_quarters_of_the_area_pass_a_major_matter_exactly() {
    String id = open("/poll 使用维修资金更换水泵 | 同意 | 不同意 --big --rule civil-code-major");
    say("husband", "/vote " + id + " 1");
    say("u102", "/vote " + id + " 1");
    say("u201", "/vote " + id + " 1");

    String result = say("mod", "/close " + id).getJsonObject(0).getString("text");

    assertThat(result).contains("参与表决的户数不少于总户数的2/3：恰好达到（3/4户）", "同意的专有部分面积不少于参与表决面积的3/4：已达到", "结论：通过");
  }

  @Test
  void two_of_four_households_are_one_short_of_the_participation_needed() {
    String id = open("/poll 改变共有部分用途 | 同意 | 不同意 --big --rule civil-code-major");
    say("husband", "/vote " + id + " 1");
    say("u102", "/vote " + id + " 1");

    String result = say("mod", "/close " + id).getJsonObject(0).getString("text");

    assertThat(result).contains("未达到（2/4户，还差 1户）", "结论：未通过");
  }
}
