package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.community.Communities;
import org.linli.bot.community.LocalFacts;
import org.linli.bot.console.Account;
import org.linli.bot.console.Role;

/**
 * The help-line per community over real HTTP with a real Redis, in the built-in hub mode: a
 * ticket belongs to its chat's community; the REST lists, queue, figures and actions of a
 * community hold its tickets only (another community's ticket is 404); an operator's token works
 * for its account's communities; a moderator reads their community's tickets in the console but
 * may not act on them; the public monthly page of one community.
 */
class TicketsPerCommunityTest {

  static final String BOSS = "boss";
  static final String BOSS_PASSWORD = "correct-horse-battery";

  @RegisterExtension
  static final RunningService service = RunningService.perClassWithChatApp(Map.of(
      "LINLI_HUB_MODE", "builtin",
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", BOSS + ":" + BOSS_PASSWORD,
      "LINLI_OUTBOX_POLL_MILLIS", "50"));

  @BeforeAll
  static void two_communities_with_a_chat_each() {
    Communities communities = service.verticle.communities();
    for (String id : List.of("a", "b", "s1", "s2")) {
      RunningService.await(communities.create(id, id.toUpperCase() + "社区", LocalFacts.NONE));
      RunningService.await(communities.addChat(id, "generic", "chat-" + id));
    }
    RunningService.await(communities.refresh());
  }

  /** Opens a ticket for {@code user} in the group {@code chat} through the generic webhook; its receipt number. */
  private static String help(String chat, String user, String text) {
    JsonObject body = new JsonObject().put("chat", new JsonObject().put("id", chat).put("type", "group"))
        .put("from", new JsonObject().put("id", user)).put("text", "/help " + text);
    JsonArray replies = service.post("/webhooks/generic", body.encode(), RunningService.GENERIC).bodyAsJsonObject()
        .getJsonArray("replies");
    String reply = replies.getJsonObject(0).getString("text");
    String receipt = reply.replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");
    assertThat(receipt).as(reply).matches("\\d{8}-\\d{4}");
    return receipt;
  }

  private static List<String> listed(String path, String bearer) {
    HttpResponse<Buffer> r = service.get(path, bearer);
    assertThat(r.statusCode()).as(path + " " + r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getJsonArray("tickets").stream()
        .map(o -> ((JsonObject) o).getString("receipt")).toList();
  }

  private static JsonObject ticket(String receipt) {
    return service.get("/api/v1/communities/a/tickets/" + receipt, RunningService.ADMIN).bodyAsJsonObject();
  }

  private static ConsoleBrowserSession signedIn(String name, String password) {
    ConsoleBrowserSession b = new ConsoleBrowserSession(service.client);
    assertThat(b.login(name, password).statusCode()).isEqualTo(302);
    return b;
  }

  /** An account of {@code role} for {@code communities}, made once. */
  private static Account account(String name, Role role, Set<String> communities) {
    var accounts = service.verticle.console().accounts();
    return RunningService.await(accounts.find(name)).orElseGet(() -> RunningService.await(accounts.create(name,
        name + "-password", role, communities)));
  }

  @Test
  void a_help_in_a_s_chat_makes_a_ticket_of_community_a_listed_under_a_only() {
    String inA = help("chat-a", "ua1", "3号楼电梯坏了");
    String inDefault = help("g0", "u01", "小区门口路灯不亮");

    assertThat(ticket(inA).getString("community")).isEqualTo("a");
    assertThat(listed("/api/v1/communities/a/tickets", RunningService.ADMIN)).contains(inA).doesNotContain(inDefault);
    assertThat(listed("/api/v1/communities/b/tickets", RunningService.ADMIN)).doesNotContain(inA, inDefault);
    assertThat(listed("/api/v1/tickets", RunningService.ADMIN)).contains(inDefault).doesNotContain(inA);
    assertThat(listed("/api/v1/communities/default/tickets", RunningService.ADMIN)).contains(inDefault)
        .doesNotContain(inA);
    assertThat(service.get("/api/v1/tickets/" + inDefault, RunningService.ADMIN).bodyAsJsonObject()
        .getString("community")).isEqualTo("default");

    JsonObject queue = service.get("/api/v1/communities/a/tickets/queue", RunningService.ADMIN).bodyAsJsonObject();
    assertThat(queue.getJsonArray("tickets").stream().map(o -> ((JsonObject) o).getString("receipt")))
        .contains(inA).doesNotContain(inDefault);
    String csv = service.get("/api/v1/communities/a/tickets.csv", RunningService.ADMIN).bodyAsString();
    assertThat(csv).contains(inA).doesNotContain(inDefault);
    assertThat(service.get("/api/v1/tickets.csv", RunningService.ADMIN).bodyAsString()).contains(inDefault)
        .doesNotContain(inA);
    assertThat(service.get("/api/v1/communities/nowhere/tickets", RunningService.ADMIN).statusCode()).isEqualTo(404);
  }

  @Test
  void a_ticket_of_a_is_not_found_through_b_s_path_and_nothing_changes() {
    String inA = help("chat-a", "ua2", "5号楼楼道灯坏了");
    String inB = help("chat-b", "ub2", "7号楼漏水");

    assertThat(service.get("/api/v1/communities/b/tickets/" + inA, RunningService.ADMIN).statusCode()).isEqualTo(404);
    assertThat(service.get("/api/v1/tickets/" + inA, RunningService.ADMIN).statusCode()).isEqualTo(404);
    for (String[] call : List.of(new String[]{"status", "{\"status\": \"dispatched\"}"},
        new String[]{"replies", "{\"text\": \"师傅下午到\"}"}, new String[]{"category", "{\"category\": \"emergency\"}"},
        new String[]{"merge", "{\"into\": \"" + inB + "\"}"}, new String[]{"evaluation", "{\"score\": 4}"})) {
      HttpResponse<Buffer> refused = service.post("/api/v1/communities/b/tickets/" + inA + "/" + call[0], call[1],
          RunningService.ADMIN);
      assertThat(refused.statusCode()).as(call[0] + " " + refused.bodyAsString()).isEqualTo(404);
    }
    HttpResponse<Buffer> across = service.post("/api/v1/communities/a/tickets/" + inA + "/merge",
        "{\"into\": \"" + inB + "\"}", RunningService.ADMIN);
    assertThat(across.statusCode()).as(across.bodyAsString()).isEqualTo(400);

    JsonObject after = ticket(inA);
    assertThat(after.getString("status")).isEqualTo("received");
    assertThat(after.getString("category")).isNotEqualTo("emergency");
    assertThat(after.getJsonArray("history")).hasSize(1);

    HttpResponse<Buffer> moved = service.post("/api/v1/communities/a/tickets/" + inA + "/status",
        "{\"status\": \"dispatched\"}", RunningService.ADMIN);
    assertThat(moved.statusCode()).as(moved.bodyAsString()).isEqualTo(200);
    assertThat(moved.bodyAsJsonObject().getString("status")).isEqualTo("dispatched");
  }

  @Test
  void an_operator_token_of_community_a_only_is_refused_b_s_tickets() {
    String inB = help("chat-b", "ub3", "9号楼地下室漏水");
    Account operator = account("op-a", Role.OPERATOR, Set.of("a"));
    String token = RunningService.await(service.verticle.console().tokens().create(operator, "queue")).token();

    assertThat(service.get("/api/v1/communities/a/tickets", token).statusCode()).isEqualTo(200);
    assertThat(service.get("/api/v1/communities/b/tickets", token).statusCode()).isEqualTo(403);
    assertThat(service.get("/api/v1/communities/b/tickets/" + inB, token).statusCode()).isEqualTo(403);
    assertThat(service.get("/api/v1/tickets", token).statusCode()).isEqualTo(403);
    assertThat(service.post("/api/v1/communities/b/tickets/" + inB + "/status", "{\"status\": \"dispatched\"}",
        token).statusCode()).isEqualTo(403);
    assertThat(service.get("/api/v1/communities/b/stats", token).statusCode()).isEqualTo(403);
    assertThat(service.get("/api/v1/communities/a/tickets/" + inB, RunningService.ADMIN).statusCode()).isEqualTo(404);
    assertThat(service.get("/api/v1/communities/b/tickets/" + inB, RunningService.ADMIN).bodyAsJsonObject()
        .getString("status")).isEqualTo("received");
  }

  @Test
  void a_moderator_of_a_reads_a_s_queue_but_not_b_s_and_may_not_act() {
    String inA = help("chat-a", "ua4", "2号楼垃圾没人收");
    String inB = help("chat-b", "ub4", "4号楼门禁坏了");
    account("mod-a", Role.MODERATOR, Set.of("a"));
    ConsoleBrowserSession mod = signedIn("mod-a", "mod-a-password");

    assertThat(mod.get("/console/?c=a").bodyAsString()).contains("href=\"/console/tickets\"");
    HttpResponse<Buffer> queue = mod.get("/console/tickets?c=a");
    assertThat(queue.statusCode()).isEqualTo(200);
    assertThat(queue.bodyAsString()).contains("href=\"/console/tickets/" + inA + "?c=a\"").doesNotContain(inB);
    assertThat(mod.get("/console/tickets?c=b").statusCode()).isEqualTo(403);
    assertThat(mod.get("/console/tickets/" + inB + "?c=b").statusCode()).isEqualTo(403);
    assertThat(mod.get("/console/tickets/" + inB + "?c=a").statusCode()).isEqualTo(404);
    assertThat(mod.get("/console/tickets.csv?c=a").bodyAsString()).contains(inA).doesNotContain(inB);

    HttpResponse<Buffer> detail = mod.get("/console/tickets/" + inA + "?c=a");
    assertThat(detail.statusCode()).isEqualTo(200);
    assertThat(detail.bodyAsString()).contains(inA, "<dd>A社区</dd>").doesNotContain("id=\"status-form\"");
    HttpResponse<Buffer> refused = mod.submit("/console/tickets/" + inA + "/status?c=a", "status", "dispatched");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(ticket(inA).getJsonArray("history")).hasSize(1);

    account("op-b", Role.OPERATOR, Set.of("b"));
    ConsoleBrowserSession op = signedIn("op-b", "op-b-password");
    op.get("/console/tickets/" + inB + "?c=b");
    HttpResponse<Buffer> moved = op.submit("/console/tickets/" + inB + "/status?c=b", "status", "dispatched",
        "note", "");
    assertThat(moved.statusCode()).isEqualTo(303);
    assertThat(moved.getHeader("Location")).isEqualTo("/console/tickets/" + inB + "?done=status&c=b");
    assertThat(op.submit("/console/tickets/" + inA + "/status?c=b", "status", "dispatched").statusCode())
        .isEqualTo(404);
    assertThat(op.get("/console/tickets?c=a").statusCode()).isEqualTo(403);
    assertThat(ticket(inA).getJsonArray("history")).hasSize(1);
  }

  @Test
  void per_community_stats_count_only_that_community_s_tickets() {
    help("chat-s1", "us11", "6号楼电梯坏了");
    help("chat-s1", "us12", "8号楼楼道灯坏了");
    help("chat-s2", "us21", "1号楼漏水");
    String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

    JsonObject s1 = service.get("/api/v1/communities/s1/stats?month=" + month, RunningService.ADMIN)
        .bodyAsJsonObject();
    JsonObject s2 = service.get("/api/v1/communities/s2/stats?month=" + month, RunningService.ADMIN)
        .bodyAsJsonObject();
    assertThat(s1.getInteger("opened")).isEqualTo(2);
    assertThat(s2.getInteger("opened")).isEqualTo(1);
    assertThat(service.get("/api/v1/communities/s1/tickets/queue", RunningService.ADMIN).bodyAsJsonObject()
        .getInteger("total")).isEqualTo(2);

    HttpResponse<Buffer> page = service.get("/stats/" + month + "?community=s1", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).contains("S1社区", "?community=s1");
    assertThat(service.get("/stats/" + month + "?community=nowhere", null).statusCode()).isEqualTo(404);
    assertThat(RunningService.await(service.client.get("/stats?community=s1").followRedirects(false).send())
        .getHeader("Location"))
        .isEqualTo("/stats/" + month + "?community=s1");
  }
}
