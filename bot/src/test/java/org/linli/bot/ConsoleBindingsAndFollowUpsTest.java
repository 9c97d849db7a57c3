package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two register and consultation tasks of the console on a running service: a moderator sees who is
 * bound to a household and takes a binding back (the resident is no longer a member; the audit
 * lists say who did it), and records the follow-up steps of a decided poll.
 */
class ConsoleBindingsAndFollowUpsTest {

  static final String BOSS = "boss";
  static final String BOSS_PASSWORD = "correct-horse-battery";

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of(
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", BOSS + ":" + BOSS_PASSWORD));

  private static ConsoleBrowserSession signedIn() {
    return ConsoleBrowserSession.signedIn(service.client, BOSS, BOSS_PASSWORD);
  }

  @Test
  void a_moderator_sees_a_household_s_bound_resident_and_takes_the_binding_back() {
    HttpResponse<Buffer> imported = RunningService.await(service.client.post("/api/v1/households")
        .putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Authorization", "Bearer " + RunningService.ADMIN)
        .sendBuffer(Buffer.buffer("户号,楼栋,单元,房号,建筑面积,业主人数,业主姓名\n9-1-101,9,1,101,80.00,1,周一\n")));
    assertThat(imported.statusCode()).as(imported.bodyAsString()).isEqualTo(200);
    String code = service.post("/api/v1/households/9-1-101/codes", "", RunningService.ADMIN).bodyAsJsonObject()
        .getString("code");
    assertThat(service.say("g1", "resident-zhou", "/bind " + code, null).encode()).contains("9号楼1单元101");

    ConsoleBrowserSession boss = signedIn();
    boss.get("/console/accounts");
    assertThat(boss.submit("/console/accounts", "username", "qian.op", "password", "qian-password-1", "role",
        "operator").statusCode()).isEqualTo(303);
    ConsoleBrowserSession operator = new ConsoleBrowserSession(service.client);
    operator.login("qian.op", "qian-password-1");
    assertThat(operator.get("/console/households/9-1-101").statusCode()).isEqualTo(403);
    operator.get("/console/");
    assertThat(operator.submit("/console/households/9-1-101/unbind", "identity", "generic:resident-zhou")
        .statusCode()).isEqualTo(403);
    assertThat(boss.get("/console/households").bodyAsString()).contains("href=\"/console/households/9-1-101\"");
    String page = boss.get("/console/households/9-1-101").bodyAsString();
    assertThat(page).contains("generic:resident-zhou", "bound");
    assertThat(boss.submit("/console/households/9-1-101/unbind", "identity", "generic:resident-zhou")
        .getHeader("Location")).isEqualTo("/console/households/9-1-101?done=unbind");
    page = boss.get("/console/households/9-1-101?done=unbind").bodyAsString();
    assertThat(page).contains("已解除绑定", "还没有人绑定这一户", "revoked", BOSS);

    JsonObject members = service.get("/api/v1/households/9-1-101/members", RunningService.ADMIN).bodyAsJsonObject();
    assertThat(members.getJsonArray("members")).isEmpty();
    assertThat(members.getJsonArray("events").getJsonObject(0).getString("event")).isEqualTo("revoked");
    assertThat(service.get("/api/v1/households", RunningService.ADMIN).bodyAsString()).doesNotContain(
        "resident-zhou");
    // Taken back once: a second time there is nothing to take back, and nothing changes.
    boss.get("/console/households/9-1-101");
    assertThat(boss.submit("/console/households/9-1-101/unbind", "identity", "generic:resident-zhou").statusCode())
        .isEqualTo(404);
    assertThat(service.delete("/api/v1/households/9-1-101/members?identity=generic:resident-zhou",
        RunningService.ADMIN).statusCode()).isEqualTo(404);
    assertThat(service.delete("/api/v1/households/9-1-101/members", RunningService.ADMIN).statusCode())
        .isEqualTo(400);
    assertThat(boss.get("/console/households/no-such").statusCode()).isEqualTo(404);
    assertThat(boss.get("/console/audit").bodyAsString()).contains("household.unbind", "9-1-101");

    // The REST route takes a binding back too.
    String again = service.post("/api/v1/households/9-1-101/codes", "", RunningService.ADMIN).bodyAsJsonObject()
        .getString("code");
    service.say("g1", "resident-zhou", "/bind " + again, null);
    assertThat(service.delete("/api/v1/households/9-1-101/members?identity=generic:resident-zhou",
        RunningService.ADMIN).bodyAsJsonObject().getBoolean("unbound")).isTrue();
  }

  @Test
  void a_decided_poll_s_follow_up_steps_are_recorded_in_the_console_and_an_open_poll_refuses_them() {
    JsonObject draft = new JsonObject().put("channel", "generic").put("chat", "g1").put("question", "周末清理楼道杂物")
        .put("options", new JsonArray().add("同意").add("不同意")).put("scale", "small").put("rule", "majority")
        .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0).toString());
    String poll = service.post("/api/v1/polls", draft.encode(), RunningService.ADMIN).bodyAsJsonObject()
        .getString("id");
    ConsoleBrowserSession boss = signedIn();
    assertThat(boss.get("/console/polls/" + poll).bodyAsString()).doesNotContain("id=\"add-followup\"");
    HttpResponse<Buffer> early = boss.submit("/console/polls/" + poll + "/followups", "text", "已通知物业");
    assertThat(early.statusCode()).isEqualTo(409);

    assertThat(service.post("/api/v1/polls/" + poll + "/close", "", RunningService.ADMIN).statusCode())
        .isEqualTo(200);
    assertThat(boss.get("/console/polls/" + poll).bodyAsString()).contains("id=\"add-followup\"", "还没有记录落实情况");
    assertThat(boss.submit("/console/polls/" + poll + "/followups", "text", "已通知物业，周六上午清理").statusCode())
        .isEqualTo(303);
    boss.get("/console/polls/" + poll);
    assertThat(boss.submit("/console/polls/" + poll + "/followups", "text", "清理完毕", "done", "1").statusCode())
        .isEqualTo(303);
    String page = boss.get("/console/polls/" + poll).bodyAsString();
    assertThat(page).contains("已通知物业，周六上午清理", "清理完毕", "已办结").doesNotContain("id=\"add-followup\"");
    boss.get("/console/polls/" + poll);
    HttpResponse<Buffer> unknownTicket = boss.submit("/console/polls/" + poll + "/followups", "text", "再补一步",
        "tickets", "20991231-9999");
    assertThat(unknownTicket.statusCode()).isEqualTo(400);
    JsonObject recorded = service.get("/api/v1/polls/" + poll + "/followups", RunningService.ADMIN)
        .bodyAsJsonObject();
    assertThat(recorded.getJsonArray("steps")).hasSize(2);
    assertThat(recorded.getBoolean("done")).isTrue();
    assertThat(boss.get("/console/audit").bodyAsString()).contains("poll.followup");
  }
}
