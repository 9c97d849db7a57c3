package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The consultation pages over real HTTP, a real Redis and a fake chat app: roles, CSRF, a poll
 * opened from the form with the API's checks (a bad one is shown again with its sentence and
 * stores nothing), its results, closing it early (the chat gets the result) and its CSV.
 */
class ConsolePollsTest {

  static final String BOSS = "boss";
  static final String BOSS_PASSWORD = "correct-horse-battery";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private static final Pattern POLL = Pattern.compile("/console/polls/(p[0-9a-z]+)");

  @RegisterExtension
  static final RunningService service = RunningService.perClassWithChatApp(Map.of(
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", BOSS + ":" + BOSS_PASSWORD, "LINLI_PROPOSALS_SUPPORTS_NEEDED", "2"));

  private static ConsoleBrowserSession signedIn(String name, String password) {
    return ConsoleBrowserSession.signedIn(service.client, name, password);
  }

  private static ConsoleBrowserSession account(String name, String role) {
    ConsoleBrowserSession boss = signedIn(BOSS, BOSS_PASSWORD);
    boss.get("/console/accounts");
    assertThat(boss.submit("/console/accounts", "username", name, "password", name + "-password", "role", role)
        .statusCode()).isIn(303, 409);
    return signedIn(name, name + "-password");
  }

  private static String inTwoDays() {
    return LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2).withSecond(0).withNano(0).format(LOCAL);
  }

  private static long pollCount() {
    var seq = RunningService.await(redisApi().get("polls:{seq}"));
    return seq == null ? 0 : seq.toLong();
  }

  private static io.vertx.redis.client.RedisAPI redisApi() {
    return io.vertx.redis.client.RedisAPI.api(io.vertx.redis.client.Redis.createClient(service.vertx,
        service.verticle.redisUrl()));
  }

  @Test
  void an_operator_is_refused_every_consultation_route() {
    ConsoleBrowserSession operator = account("ops", "operator");

    assertThat(operator.get("/console/polls").statusCode()).isEqualTo(403);
    assertThat(operator.get("/console/polls/p1").statusCode()).isEqualTo(403);
    assertThat(operator.get("/console/polls/p1/results.csv").statusCode()).isEqualTo(403);
    assertThat(operator.submit("/console/polls", "chat", "g1", "question", "Q", "options", "a\nb", "closesAt",
        inTwoDays()).statusCode()).isEqualTo(403);
    assertThat(operator.submit("/console/polls/p1/close").statusCode()).isEqualTo(403);
    assertThat(operator.submit("/console/proposals/t1/decline", "reason", "no").statusCode()).isEqualTo(403);
    assertThat(operator.get("/console/").bodyAsString()).doesNotContain("href=\"/console/polls\"");
    assertThat(account("wang", "moderator").get("/console/polls").statusCode()).isEqualTo(200);
  }

  @Test
  void a_bad_poll_is_shown_again_with_its_sentence_and_nothing_is_stored() {
    ConsoleBrowserSession boss = signedIn(BOSS, BOSS_PASSWORD);
    boss.get("/console/polls");
    long before = pollCount();

    HttpResponse<Buffer> oneOption = boss.submit("/console/polls", "channel", "generic", "chat", "g1", "question",
        "周六活动室开放时间", "options", "上午", "closesAt", inTwoDays());
    HttpResponse<Buffer> past = boss.submit("/console/polls", "channel", "generic", "chat", "g1", "question",
        "周六活动室开放时间", "options", "上午\n下午", "closesAt", "2020-01-01T10:00");
    HttpResponse<Buffer> civilSmall = boss.submit("/console/polls", "channel", "generic", "chat", "g1", "question",
        "是否同意加装电梯", "options", "同意\n不同意", "rule", "civil-code-major", "closesAt", inTwoDays());
    HttpResponse<Buffer> noRegister = boss.submit("/console/polls", "channel", "generic", "chat", "g1", "question",
        "是否同意加装电梯", "options", "同意\n不同意", "household", "1", "rule", "civil-code-major", "closesAt",
        inTwoDays());

    assertThat(oneOption.statusCode()).isEqualTo(400);
    assertThat(oneOption.bodyAsString()).contains("投票没有发起", "选项要有 2 到 10 个", "value=\"周六活动室开放时间\"")
        .doesNotContain("2 to 10");
    assertThat(past.statusCode()).isEqualTo(400);
    assertThat(past.bodyAsString()).contains("投票没有发起", "截止时间已经过去了");
    assertThat(civilSmall.statusCode()).isEqualTo(400);
    assertThat(civilSmall.bodyAsString()).contains("按户表决");
    assertThat(noRegister.statusCode()).isEqualTo(409);
    assertThat(noRegister.bodyAsString()).contains("住户名册还是空的");
    // A big matter refused for its empty register has used an id, as through the API; no poll is stored.
    for (long n = before + 1; n <= pollCount(); n++) {
      assertThat(service.get("/api/v1/polls/p" + Long.toString(n, 36), RunningService.ADMIN).statusCode())
          .isEqualTo(404);
    }
    assertThat(pollCount()).isLessThanOrEqualTo(before + 1);
  }

  @Test
  void without_the_csrf_token_no_poll_is_opened_or_closed() {
    ConsoleBrowserSession boss = signedIn(BOSS, BOSS_PASSWORD);
    boss.get("/console/polls");
    long before = pollCount();

    HttpResponse<Buffer> refused = boss.post("/console/polls", "chat", "g1", "question", "Q", "options", "a\nb",
        "closesAt", inTwoDays(), "_csrf", "forged");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.bodyAsString()).contains("表单已经过期");
    assertThat(pollCount()).isEqualTo(before);
  }

  @Test
  void a_poll_opened_from_the_form_is_announced_listed_voted_closed_early_and_its_result_reaches_the_chat() {
    ConsoleBrowserSession mod = account("li", "moderator");
    mod.get("/console/polls");

    HttpResponse<Buffer> created = mod.submit("/console/polls", "channel", "generic", "chat", "g7", "question",
        "周六活动室开放时间", "options", "上午\n下午\n晚上", "closesAt", inTwoDays());

    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(303);
    Matcher id = POLL.matcher(created.getHeader("Location"));
    assertThat(id.matches()).isTrue();
    String poll = id.group(1);
    service.app().await(m -> m.getJsonObject("chat").getString("id").equals("g7")
        && m.getString("text", "").contains("周六活动室开放时间"), 10);
    assertThat(mod.get("/console/polls").bodyAsString()).contains("/console/polls/" + poll, "周六活动室开放时间",
        "进行中");
    service.say("g7", "resident-a", "/vote " + poll + " 2", null);
    service.say("g7", "resident-b", "/vote " + poll + " 2", null);
    service.say("g7", "resident-c", "/vote " + poll + " 1", null);

    String page = mod.get("/console/polls/" + poll).bodyAsString();
    assertThat(page).contains("<td>下午</td><td class=\"votes\">2</td>", "<td>上午</td><td class=\"votes\">1</td>",
        "id=\"close-poll\"", "/console/polls/" + poll + "/results.csv");
    HttpResponse<Buffer> closed = mod.submit("/console/polls/" + poll + "/close");

    assertThat(closed.statusCode()).isEqualTo(303);
    JsonObject result = service.app().await(m -> m.getJsonObject("chat").getString("id").equals("g7")
        && m.getString("text", "").contains("下午") && m.getString("text", "").contains("得票最多"), 10);
    assertThat(result.getString("text")).contains("周六活动室开放时间");
    String after = mod.get("/console/polls/" + poll).bodyAsString();
    assertThat(after).contains("已结束", "得票最多").doesNotContain("id=\"close-poll\"");
    HttpResponse<Buffer> csv = mod.get("/console/polls/" + poll + "/results.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(csv.bodyAsString()).contains("下午");
    assertThat(mod.get("/console/polls/p999").statusCode()).isEqualTo(404);
    String audit = signedIn(BOSS, BOSS_PASSWORD).get("/console/audit").bodyAsString();
    assertThat(audit).contains("poll.create", poll + " 周六活动室开放时间", "poll.close");
  }

  @Test
  void the_proposals_queue_accepts_one_into_a_poll_and_declines_another_only_with_a_reason() {
    String first = proposal("东门加装雨棚");
    String second = proposal("增设快递柜");
    service.say("g1", "neighbour-1", "/support " + first, null);
    ConsoleBrowserSession mod = account("zhao", "moderator");

    String queue = mod.get("/console/polls").bodyAsString();
    assertThat(queue).contains("东门加装雨棚", "增设快递柜", "/console/proposals/" + first + "/accept")
        .doesNotContain("/console/proposals/" + second + "/accept");
    HttpResponse<Buffer> noReason = mod.submit("/console/proposals/" + second + "/decline", "reason", "");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.bodyAsString()).contains("不予立项必须写明理由");
    assertThat(proposalStatus(second)).isEqualTo("open");

    HttpResponse<Buffer> declined = mod.submit("/console/proposals/" + second + "/decline", "reason",
        "小区已有快递驿站");
    HttpResponse<Buffer> accepted = mod.submit("/console/proposals/" + first + "/accept", "flags", "--closes 3d");

    assertThat(declined.statusCode()).isEqualTo(303);
    assertThat(proposalStatus(second)).isEqualTo("declined");
    assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(303);
    assertThat(proposalStatus(first)).isEqualTo("accepted");
    assertThat(mod.get(accepted.getHeader("Location")).bodyAsString()).contains("东门加装雨棚", "进行中");
    service.app().await(m -> m.getString("text", "").contains("小区已有快递驿站"), 10);
  }

  private static String proposal(String title) {
    HttpResponse<Buffer> created = service.post("/api/v1/proposals", new JsonObject().put("chat", "g1")
        .put("title", title).put("proposer", "generic:proposer-" + title.hashCode()).encode(), RunningService.ADMIN);
    assertThat(created.statusCode()).isEqualTo(201);
    return created.bodyAsJsonObject().getString("id");
  }

  private static String proposalStatus(String id) {
    return service.get("/api/v1/proposals/" + id, RunningService.ADMIN).bodyAsJsonObject().getString("status");
  }
}
