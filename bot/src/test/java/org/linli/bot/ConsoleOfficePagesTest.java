package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's dashboard, outbox and moderators pages over real HTTP against a real Redis: what
 * each role sees on the dashboard (an open poll, a ticket by time left, this week's unanswered
 * question), dead letters replayed, moderators granted and revoked with the API's checks, and the
 * roles refused route by route.
 */
class ConsoleOfficePagesTest {

  private static final String BOSS = "boss";
  private static final String PASSWORD = "correct-horse-battery";

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of(
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", BOSS + ":" + PASSWORD,
      "LINLI_HUB_MODE", "builtin",
      "LINLI_HUB_TOKEN", "hub-token",
      "LINLI_CONSULTATION_MODERATORS", "generic:g1:office1",
      // Nothing listens there: what the bot sends on its own dies after one retry.
      "LINLI_GENERIC_OUTBOUND_URL", "http://127.0.0.1:9/",
      "LINLI_OUTBOX_RETRY_SECONDS", "1",
      "LINLI_OUTBOX_POLL_MILLIS", "50"));

  @BeforeAll
  static void accounts() {
    ConsoleBrowserSession boss = signedIn(BOSS, PASSWORD);
    boss.get("/console/accounts");
    for (String[] a : List.of(new String[]{"li", "moderator"}, new String[]{"wang", "operator"})) {
      assertThat(boss.submit("/console/accounts", "username", a[0], "password", a[0] + "-password-1", "role", a[1])
          .statusCode()).isEqualTo(303);
    }
  }

  private static ConsoleBrowserSession signedIn(String name, String password) {
    return ConsoleBrowserSession.signedIn(service.client, name, password);
  }

  private static String openPoll(String question) {
    JsonObject draft = new JsonObject().put("chat", "g1").put("question", question)
        .put("options", new JsonArray().add("同意").add("不同意"))
        .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(2).withNano(0).toString());
    HttpResponse<Buffer> created = service.post("/api/v1/polls", draft.encode(), RunningService.ADMIN);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    return created.bodyAsJsonObject().getString("id");
  }

  private static String help(String text) {
    String reply = service.say("g1", "resident7", "/help " + text, null).getJsonObject(0).getString("text");
    String receipt = reply.replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");
    assertThat(receipt).as(reply).matches("\\d{8}-\\d{4}");
    return receipt;
  }

  @Test
  void each_role_sees_its_parts_of_the_dashboard_each_linking_to_its_page() {
    String poll = openPoll("5号楼加装电梯方案");
    String receipt = help("5号楼楼道灯坏了好几天");
    String asked = "社区有没有给流浪狗做登记的地方";
    assertThat(service.ask(asked).getString("kind")).isEqualTo("not_sure");

    String boss = signedIn(BOSS, PASSWORD).get("/console/").bodyAsString();
    assertThat(boss).contains("你好，boss", "进行中的表决", "href=\"/console/polls/" + poll + "\"", "5号楼加装电梯方案",
        "热线工单", "时限内 1 件", "已超时 0 件", "href=\"/console/tickets/" + receipt + "\"", "还剩",
        "本周没答上", asked, "href=\"" + org.linli.bot.http.console.GuidePages.writeFor(asked) + "\"");
    String li = signedIn("li", "li-password-1").get("/console/").bodyAsString();
    assertThat(li).contains("5号楼加装电梯方案", asked).doesNotContain("id=\"dash-tickets\"", receipt);
    String wang = signedIn("wang", "wang-password-1").get("/console/").bodyAsString();
    assertThat(wang).contains("id=\"dash-tickets\"", receipt).doesNotContain("5号楼加装电梯方案", asked);
  }

  @Test
  void a_dead_letter_is_listed_with_its_error_and_replayed_once_with_an_audit_entry() throws Exception {
    openPoll("3号楼外墙粉刷颜色");
    ConsoleBrowserSession boss = signedIn(BOSS, PASSWORD);
    Pattern replay = Pattern.compile("action=\"(/console/outbox/chat/[^\"]+/replay)\"");
    String page = "";
    for (int i = 0; i < 100 && !replay.matcher(page).find(); i++) {
      Thread.sleep(100);
      page = boss.get("/console/outbox").bodyAsString();
    }
    Matcher m = replay.matcher(page);
    assertThat(m.find()).as(page).isTrue();
    assertThat(page).contains("队列 chat", "队列 hub", "死信", "3号楼外墙粉刷颜色");

    assertThat(boss.submit(m.group(1)).statusCode()).isEqualTo(303);
    HttpResponse<Buffer> again = boss.submit(m.group(1));
    HttpResponse<Buffer> unknown = boss.submit("/console/outbox/nosuch/x1/replay");
    assertThat(again.statusCode()).as("replayed already").isEqualTo(404);
    assertThat(again.bodyAsString()).contains("可能已经重发过");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(boss.post(m.group(1), "_csrf", "forged").statusCode()).isEqualTo(403);
    assertThat(boss.get("/console/audit").bodyAsString()).contains("outbox.replay", "chat/");
  }

  @Test
  void an_admin_grants_and_revokes_a_moderator_with_the_api_s_checks() {
    ConsoleBrowserSession boss = signedIn(BOSS, PASSWORD);
    String page = boss.get("/console/moderators").bodyAsString();
    assertThat(page).contains("generic:g1:office1", "action=\"/console/moderators\"");

    assertThat(boss.submit("/console/moderators", "platform", "generic", "chat", "g2", "user", "zhang3")
        .statusCode()).isEqualTo(303);
    assertThat(service.get("/api/v1/moderators", RunningService.ADMIN).bodyAsJsonObject().getJsonArray("granted")
        .encode()).contains("generic:g2:zhang3");
    assertThat(boss.get("/console/moderators").bodyAsString()).contains("zhang3", "/console/moderators/revoke");
    HttpResponse<Buffer> bad = boss.submit("/console/moderators", "platform", "Not A Platform", "chat", "g2", "user",
        "x");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsString()).contains("must be a platform");
    HttpResponse<Buffer> setting = boss.submit("/console/moderators/revoke", "platform", "generic", "chat", "g1",
        "user", "office1");
    assertThat(setting.statusCode()).isEqualTo(409);
    assertThat(setting.bodyAsString()).contains("consultation.moderators");
    assertThat(boss.post("/console/moderators", "platform", "generic", "chat", "g3", "user", "forger").statusCode())
        .isEqualTo(403);

    assertThat(boss.submit("/console/moderators/revoke", "platform", "generic", "chat", "g2", "user", "zhang3")
        .statusCode()).isEqualTo(303);
    String after = service.get("/api/v1/moderators", RunningService.ADMIN).bodyAsString();
    assertThat(after).doesNotContain("zhang3", "forger", "Not A Platform");
    assertThat(boss.get("/console/audit").bodyAsString()).contains("moderator.grant", "moderator.revoke",
        "generic:g2:zhang3");
  }

  @Test
  void a_moderator_or_an_operator_is_refused_the_outbox_and_moderators_pages_and_their_changes() {
    for (String name : List.of("li", "wang")) {
      ConsoleBrowserSession b = signedIn(name, name + "-password-1");
      assertThat(b.get("/console/").bodyAsString()).doesNotContain("href=\"/console/outbox\"",
          "href=\"/console/moderators\"");
      for (String page : List.of("/console/outbox", "/console/moderators")) {
        HttpResponse<Buffer> refused = b.get(page);
        assertThat(refused.statusCode()).as(page).isEqualTo(403);
        assertThat(refused.bodyAsString()).contains("没有权限");
      }
      b.get("/console/tokens");
      assertThat(b.submit("/console/moderators", "platform", "generic", "chat", "g9", "user", name).statusCode())
          .isEqualTo(403);
      assertThat(b.submit("/console/outbox/chat/x1/replay").statusCode()).isEqualTo(403);
    }
    assertThat(service.get("/api/v1/moderators", RunningService.ADMIN).bodyAsString()).doesNotContain("g9");
  }
}
