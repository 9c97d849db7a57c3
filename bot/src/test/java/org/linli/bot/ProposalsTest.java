package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * From a resident's matter to the follow-up of the decision, end to end through the generic
 * channel and the API: a proposal, its supports (one per resident), the agenda at the threshold,
 * acceptance as a poll linked both ways, the vote, the follow-up steps on the public page and in
 * the chat; a decline with its reason published; bad input refused with nothing stored.
 */
class ProposalsTest {

  @RegisterExtension
  static final RunningService service = RunningService
      .perClassWithChatApp(Map.of("LINLI_CONSULTATION_MODERATORS", "g1:mod,g2:other",
          "LINLI_PROPOSALS_SUPPORTS_NEEDED", "3", "LINLI_PROPOSALS_WITHIN_DAYS", "7",
          "LINLI_PROPOSALS_DISCUSSION_HOURS", "0"));

  private static JsonArray say(String chat, String user, String text, String callback) {
    return service.say(chat, user, text, callback);
  }

  private static String text(JsonArray replies) {
    return replies.getJsonObject(0).getString("text");
  }

  private static boolean toChat(JsonObject message, String chat, String... parts) {
    String all = message.encode();
    if (!all.contains("\"" + chat + "\"")) {
      return false;
    }
    for (String part : parts) {
      if (!all.contains(part)) {
        return false;
      }
    }
    return true;
  }

  /** Raises a proposal in chat g1 and returns its id, read from its support button. */
  private static String propose(String user, String line) {
    JsonObject message = say("g1", user, line, null).getJsonObject(0);
    String data = message.getJsonArray("buttons").getJsonObject(0).getString("data");
    assertThat(data).startsWith("support:");
    return data.substring("support:".length());
  }

  @Test
  void a_proposal_reaches_the_agenda_at_its_threshold_becomes_a_poll_and_its_follow_up_appears_on_the_page() {
    JsonObject raised = say("g1", "u1", "/propose 东门加装雨棚 下雨天老人等车没处躲", null).getJsonObject(0);
    assertThat(raised.getString("text")).contains("居民议题", "东门加装雨棚", "下雨天老人等车没处躲",
        "已有 1 位居民附议", "7 天内达到 3 位");
    String id = raised.getJsonArray("buttons").getJsonObject(0).getString("data").substring("support:".length());

    JsonObject own = say("g1", "u1", null, "support:" + id).getJsonObject(0);
    assertThat(own.getString("text")).as("the proposer's own support is counted once").contains("已附议过", "目前 1 位");
    assertThat(own.getBoolean("private")).isTrue();
    assertThat(text(say("g1", "u2", "/support " + id, null))).contains("目前 2 位居民附议");
    assertThat(service.app().matching(m -> toChat(m, "g1", "已提交社区议程"))).as("not on the agenda below the threshold")
        .isEmpty();
    assertThat(text(say("g1", "u3", null, "support:" + id))).contains("目前 3 位居民附议");

    service.app().await(m -> toChat(m, "g1", id, "东门加装雨棚", "已有 3 位居民附议", "已提交社区议程"), 10);
    assertThat(text(say("g1", "mod", "/agenda", null))).contains(id, "东门加装雨棚", "3 位居民附议");
    assertThat(text(say("g1", "u1", "/accept " + id, null))).contains("只有议题所在群的社区工作人员");
    assertThat(text(say("g2", "other", "/accept " + id, null)))
        .as("a moderator of another chat cannot accept it").contains("只有议题所在群的社区工作人员");

    JsonArray accepted = say("g1", "mod", "/accept " + id + " --closes 2h", null);
    assertThat(accepted.getJsonObject(0).getString("text")).contains(id, "已立项协商", "议事投票");
    JsonObject announcement = accepted.getJsonObject(1);
    assertThat(announcement.getString("text")).contains("东门加装雨棚", "同意", "反对", "弃权");
    String pollId = announcement.getJsonArray("buttons").getJsonObject(0).getString("data").split(":")[1];
    assertThat(accepted.getJsonObject(0).getString("text")).contains(pollId);
    JsonObject proposal = service.get("/api/v1/proposals/" + id, RunningService.ADMIN).bodyAsJsonObject();
    assertThat(proposal.getString("status")).isEqualTo("accepted");
    assertThat(proposal.getString("poll")).isEqualTo(pollId);
    assertThat(proposal.getInteger("supports")).isEqualTo(3);
    assertThat(service.get("/polls/" + pollId, null).bodyAsString()).as("the poll names the proposal it came from")
        .contains("源自居民议题 " + id, "3 位居民附议");
    assertThat(text(say("g1", "mod", "/accept " + id, null))).as("accepted once").contains("不在议程上");

    say("g1", "u1", null, "vote:" + pollId + ":1");
    say("g1", "u2", null, "vote:" + pollId + ":1");
    say("g1", "u3", null, "vote:" + pollId + ":3");
    assertThat(text(say("g1", "mod", "/followup " + pollId + " 已联系施工方", null))).contains("还没有结束");
    assertThat(text(say("g1", "mod", "/close " + pollId, null))).contains("投票结果");

    assertThat(text(say("g1", "u1", "/followup " + pollId + " 我来记一笔", null))).contains("只有该投票所在群的社区工作人员");
    assertThat(text(say("g2", "other", "/followup " + pollId + " 我来记一笔", null))).contains("只有该投票所在群的社区工作人员");
    JsonObject step = say("g1", "mod", "/followup " + pollId + " 已联系施工方，下周进场", null).getJsonObject(0);
    assertThat(step.getString("text")).contains("第 1 项");
    var api = service.post("/api/v1/polls/" + pollId + "/followups",
        new JsonObject().put("text", "雨棚已完工并验收").put("done", true).encode(), RunningService.ADMIN);
    assertThat(api.statusCode()).as(api.bodyAsString()).isEqualTo(201);
    assertThat(api.bodyAsJsonObject().getBoolean("done")).isTrue();
    assertThat(api.bodyAsJsonObject().getJsonArray("steps")).hasSize(2);
    assertThat(text(say("g1", "mod", "/followup " + pollId + " 再补一句", null))).contains("已标记完成");

    String page = service.get("/polls/" + pollId, null).bodyAsString();
    assertThat(page).contains("落实情况", "已联系施工方，下周进场", "雨棚已完工并验收", "已落实完毕");
    assertThat(page.indexOf("已联系施工方")).isLessThan(page.indexOf("雨棚已完工并验收"));
    assertThat(page).doesNotContain("再补一句", "我来记一笔");
    service.app().await(m -> toChat(m, "g1", pollId, "第 1 项", "已联系施工方，下周进场"), 10);
    service.app().await(m -> toChat(m, "g1", pollId, "第 2 项", "雨棚已完工并验收", "已落实完毕"), 10);
    assertThat(service.app().matching(m -> m.encode().contains("落实情况（第"))).hasSize(2);

    String index = service.get("/polls", null).bodyAsString();
    assertThat(index).contains("议事协商", "href=\"/polls/" + pollId + "\"", "东门加装雨棚", "已立项协商",
        "3 位附议");
    assertThat(index).as("no supporter is named").doesNotContain("u1", "u2", "u3");
  }

  @Test
  void a_declined_proposal_has_its_reason_published_in_the_chat_and_on_the_index() {
    String id = propose("u4", "/propose 小区里养鸡 自家种菜需要肥料");
    say("g1", "u5", "/support " + id, null);

    assertThat(text(say("g1", "mod", "/decline " + id, null))).as("a reason is required").contains("须公开说明理由");
    assertThat(text(say("g1", "u5", "/decline " + id + " 不想要", null))).contains("只有议题所在群的社区工作人员");
    String published = text(say("g1", "mod", "/decline " + id + " 违反小区卫生管理规定，建议改为社区菜园", null));

    assertThat(published).contains(id, "小区里养鸡", "不予立项", "违反小区卫生管理规定，建议改为社区菜园");
    JsonObject proposal = service.get("/api/v1/proposals/" + id, RunningService.ADMIN).bodyAsJsonObject();
    assertThat(proposal.getString("status")).isEqualTo("declined");
    assertThat(proposal.getString("reason")).isEqualTo("违反小区卫生管理规定，建议改为社区菜园");
    assertThat(text(say("g1", "u6", "/support " + id, null))).contains("已不予立项", "违反小区卫生管理规定");
    assertThat(service.get("/polls", null).bodyAsString())
        .contains("小区里养鸡", "不予立项的理由：违反小区卫生管理规定，建议改为社区菜园", "2 位附议");
  }

  @Test
  void a_proposal_declined_from_another_chat_is_published_to_its_own_chat() {
    var created = service.post("/api/v1/proposals",
        new JsonObject().put("chat", "g2").put("title", "增设快递柜").put("proposer", "generic:p7").encode(),
        RunningService.ADMIN);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String id = created.bodyAsJsonObject().getString("id");
    service.app().await(m -> toChat(m, "g2", "增设快递柜", "support:" + id), 10);

    assertThat(text(say("g1", "mod", "/decline " + id + " 场地不足", null)))
        .as("the moderator of g1 does not moderate g2").contains("只有议题所在群的社区工作人员");
    assertThat(text(say("g1", "other", "/decline " + id + " 场地不足，已向街道申请", null))).contains("已处理", id);
    service.app().await(m -> toChat(m, "g2", id, "不予立项", "场地不足，已向街道申请"), 10);
  }

  @Test
  void each_resident_supports_once_however_often_and_however_concurrently_they_press() {
    var created = service.post("/api/v1/proposals", new JsonObject().put("chat", "g1").put("title", "楼道加装扶手")
        .put("description", "老人上下楼不方便").put("proposer", "generic:elder").encode(), RunningService.ADMIN);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String id = created.bodyAsJsonObject().getString("id");
    assertThat(created.bodyAsJsonObject().getInteger("supports")).isEqualTo(1);

    List<Future<?>> presses = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int r = 0; r < 20; r++) {
        JsonObject body = new JsonObject()
            .put("chat", new JsonObject().put("id", "g1").put("type", "group"))
            .put("from", new JsonObject().put("id", "neighbour" + r))
            .put("callback", "support:" + id);
        presses
            .add(service.client.post("/webhooks/generic").putHeader("Authorization", "Bearer " + RunningService.GENERIC)
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body.encode())));
      }
      presses
          .add(service.client.post("/webhooks/generic").putHeader("Authorization", "Bearer " + RunningService.GENERIC)
              .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(new JsonObject()
                  .put("chat", new JsonObject().put("id", "g1").put("type", "group"))
                  .put("from", new JsonObject().put("id", "elder")).put("callback", "support:" + id).encode())));
    }
    RunningService.await(Future.all(presses));

    JsonObject proposal = service.get("/api/v1/proposals/" + id, RunningService.ADMIN).bodyAsJsonObject();
    assertThat(proposal.getInteger("supports")).as("20 neighbours and the proposer, once each").isEqualTo(21);
    assertThat(proposal.getString("status")).isEqualTo("agenda");
    service.app().await(m -> toChat(m, "g1", id, "已提交社区议程"), 10);
    assertThat(service.app().matching(m -> m.encode().contains("议题 " + id + "“") && m.encode().contains("已提交社区议程")))
        .as("the agenda notice is posted once").hasSize(1);
  }

  @Test
  void bad_input_is_refused_with_a_400_and_a_sentence_and_nothing_is_stored() {
    int before = service.get("/api/v1/proposals", RunningService.ADMIN).bodyAsJsonObject().getJsonArray("proposals")
        .size();
    List<String> bad = List.of(
        "not json",
        "[1, 2]",
        new JsonObject().put("chat", "g1").encode(),
        new JsonObject().put("title", "没有群").encode(),
        new JsonObject().put("chat", "g1").put("title", "标".repeat(61)).encode(),
        new JsonObject().put("chat", "g1").put("title", "两个\u001f议题").encode(),
        new JsonObject().put("chat", "g1").put("title", "好").put("description", 7).encode(),
        new JsonObject().put("chat", "g1").put("title", "好").put("proposer", "nobody").encode());
    for (String body : bad) {
      var response = service.post("/api/v1/proposals", body, RunningService.ADMIN);
      assertThat(response.statusCode()).as(body + " -> " + response.bodyAsString()).isEqualTo(400);
      assertThat(response.bodyAsJsonObject().getString("detail")).as(body).isNotBlank();
    }
    assertThat(service.post("/api/v1/proposals", new JsonObject().put("chat", "g1").put("title", "好").encode(), null)
        .statusCode()).isEqualTo(401);
    assertThat(service.get("/api/v1/proposals", RunningService.ADMIN).bodyAsJsonObject().getJsonArray("proposals"))
        .hasSize(before);
    assertThat(text(say("g1", "u1", "/propose", null))).contains("/propose 标题 说明");

    String id = propose("u8", "/propose 增加垃圾分类指导员");
    say("g1", "u9", "/support " + id, null);
    say("g1", "u10", "/support " + id, null);
    var badFlags = service.post("/api/v1/proposals/" + id + "/accept",
        new JsonObject().put("flags", "--closes 999d").encode(), RunningService.ADMIN);
    assertThat(badFlags.statusCode()).as(badFlags.bodyAsString()).isEqualTo(400);
    assertThat(service.get("/api/v1/proposals/" + id, RunningService.ADMIN).bodyAsJsonObject().getString("status"))
        .as("still on the agenda").isEqualTo("agenda");
    var accepted = service.post("/api/v1/proposals/" + id + "/accept", "", RunningService.ADMIN);
    assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(201);
    String pollId = accepted.bodyAsJsonObject().getJsonObject("poll").getString("id");
    service.app().await(m -> toChat(m, "g1", id, "已立项协商", pollId), 10);

    String followups = "/api/v1/polls/" + pollId + "/followups";
    assertThat(service.post(followups, new JsonObject().put("text", "早了").encode(), RunningService.ADMIN).statusCode())
        .as("not before the poll is decided").isEqualTo(409);
    service.post("/api/v1/polls/" + pollId + "/close", "", RunningService.ADMIN);
    List<String> badSteps = List.of(
        "{}",
        new JsonObject().put("text", "  ").encode(),
        new JsonObject().put("text", "字".repeat(301)).encode(),
        new JsonObject().put("text", "已转办").put("tickets", "20261201-0001").encode(),
        new JsonObject().put("text", "已转办").put("tickets", new JsonArray().add("20991231-9999")).encode(),
        new JsonObject().put("text", "已转办").put("done", "yes").encode());
    for (String body : badSteps) {
      var response = service.post(followups, body, RunningService.ADMIN);
      assertThat(response.statusCode()).as(body + " -> " + response.bodyAsString()).isEqualTo(400);
    }
    assertThat(service.post("/api/v1/polls/nosuch/followups", new JsonObject().put("text", "x").encode(),
        RunningService.ADMIN).statusCode()).isEqualTo(404);
    assertThat(service.get("/api/v1/polls/nosuch/followups", RunningService.ADMIN).statusCode()).isEqualTo(404);
    assertThat(service.get(followups, RunningService.ADMIN).bodyAsJsonObject().getJsonArray("steps")).isEmpty();
    assertThat(service.app().matching(m -> m.encode().contains(pollId) && m.encode().contains("落实情况"))).isEmpty();
  }
}
