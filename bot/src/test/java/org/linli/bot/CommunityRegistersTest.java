package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.community.Communities;
import org.linli.bot.community.LocalFacts;
import org.linli.bot.console.Account;
import org.linli.bot.console.Console;
import org.linli.bot.console.Role;
import org.linli.bot.text.Text;
import org.linli.config.SettingsLoader;

/**
 * Two communities through the running service: each has its own household register, its own
 * binding codes and its own polls and proposals, over REST, in the chat and in the console; a
 * moderator of one community reaches nothing of the other.
 */
class CommunityRegistersTest {

  static final String BOSS = "boss";
  static final String BOSS_PASSWORD = "correct-horse-battery";
  static final String MODERATOR_PASSWORD = "moderator-of-a-only";

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of(
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", BOSS + ":" + BOSS_PASSWORD));

  static String moderatorToken;

  @BeforeAll
  static void two_communities_with_a_chat_each_and_a_moderator_of_the_first() {
    RedisAPI redis = RedisAPI.api(Redis.createClient(service.vertx, service.verticle.redisUrl()));
    Communities communities = new Communities(redis, "默认社区", LocalFacts.NONE);
    RunningService.await(communities.create("a", "安和社区", LocalFacts.NONE));
    RunningService.await(communities.create("b", "北辰社区", LocalFacts.NONE));
    RunningService.await(communities.addChat("a", "generic", "a1"));
    RunningService.await(communities.addChat("b", "generic", "b1"));
    Console console = Console.of(service.vertx, redis, new SettingsLoader().load(Map.of()).console(),
        Clock.systemUTC());
    Account moderator = RunningService.await(console.accounts().create("mod-a", MODERATOR_PASSWORD, Role.MODERATOR,
        Set.of("a")));
    moderatorToken = RunningService.await(console.tokens().create(moderator, "test")).token();
    // The service reads the communities every two seconds: wait until it puts a1 in a.
    Waits.eventually(() -> openPoll("b", "a1", "small").bodyAsString().contains("community a"));
    Waits.eventually(() -> openPoll("a", "b1", "small").bodyAsString().contains("community b"));
  }

  private static HttpResponse<Buffer> importCsv(String community, String csv) {
    return RunningService.await(service.client.post(base(community) + "/households")
        .putHeader("Content-Type", "text/csv").putHeader("Authorization", "Bearer " + RunningService.ADMIN)
        .sendBuffer(Buffer.buffer(csv)));
  }

  private static String base(String community) {
    return community == null ? "/api/v1" : "/api/v1/communities/" + community;
  }

  private static JsonObject register(String community) {
    HttpResponse<Buffer> list = service.get(base(community) + "/households", RunningService.ADMIN);
    assertThat(list.statusCode()).as(list.bodyAsString()).isEqualTo(200);
    return list.bodyAsJsonObject();
  }

  private static List<String> ids(JsonObject register) {
    return register.getJsonArray("list").stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  private static HttpResponse<Buffer> openPoll(String community, String chat, String scale) {
    JsonObject draft = new JsonObject().put("channel", "generic").put("chat", chat).put("question", "是否同意加装雨棚")
        .put("options", new JsonArray().add("同意").add("不同意").add("弃权")).put("scale", scale)
        .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(2).toString());
    if (scale.equals("big")) {
      draft.put("rule", "civil-code-ordinary");
    }
    return service.post(base(community) + "/polls", draft.encode(), RunningService.ADMIN);
  }

  private static String opened(String community, String chat, String scale) {
    HttpResponse<Buffer> opened = openPoll(community, chat, scale);
    assertThat(opened.statusCode()).as(opened.bodyAsString()).isEqualTo(201);
    return opened.bodyAsJsonObject().getString("id");
  }

  private static String say(String chat, String user, String text) {
    return service.say(chat, user, text, null).getJsonObject(0).getString("text");
  }

  @Test
  void the_register_of_one_community_is_not_the_other_ones() {
    assertThat(importCsv("a", "household,building,unit,room,area,owners\nra-1,1,1,101,80,1\nra-2,1,1,102,90,1\n")
        .statusCode()).isEqualTo(200);
    assertThat(importCsv("b", "household,building,unit,room,area,owners\nrb-1,2,1,101,70,1\n").statusCode())
        .isEqualTo(200);

    assertThat(ids(register("a"))).contains("ra-1", "ra-2").doesNotContain("rb-1");
    assertThat(ids(register("b"))).contains("rb-1").doesNotContain("ra-1", "ra-2");
    assertThat(ids(register(null))).doesNotContain("ra-1", "ra-2", "rb-1");
    assertThat(service.post("/api/v1/communities/b/households/ra-1/codes", "", RunningService.ADMIN).statusCode())
        .isEqualTo(404);
    assertThat(service.redisDump()).contains("households:{register:a}\n", "households:{register:b}\n");
  }

  @Test
  void a_code_of_a_household_of_one_community_does_not_bind_in_a_chat_of_the_other() {
    importCsv("a", "household,building,unit,room,area,owners\nca-1,3,1,101,80,1\n");
    String code = service.post("/api/v1/communities/a/households/ca-1/codes", "", RunningService.ADMIN)
        .bodyAsJsonObject().getString("code");

    assertThat(say("b1", "binder", "/bind " + code)).isEqualTo(Text.BIND_REFUSED.of());
    assertThat(say("g1", "binder", "/bind " + code)).isEqualTo(Text.BIND_REFUSED.of());
    assertThat(say("a1", "binder", "/bind " + code)).startsWith(Text.BIND_BOUND.of("3号楼1单元101"));

    assertThat(say("a1", "binder", "/bind")).isEqualTo(Text.BIND_CURRENT.of("3号楼1单元101"));
    assertThat(say("b1", "binder", "/bind")).isEqualTo(Text.BIND_USAGE.of());
  }

  @Test
  void a_household_poll_opened_in_a_chat_of_one_community_counts_that_community_s_households_only() {
    importCsv("a", "household,building,unit,room,area,owners\npa-1,4,1,101,80,1\n");
    importCsv("b", "household,building,unit,room,area,owners\npb-1,5,1,101,70,1\npb-2,5,1,102,70,1\n");
    long households = register("a").getLong("households");

    long householdsOfB = register("b").getLong("households");

    String poll = opened("a", "a1", "big");
    String pollOfB = opened("b", "b1", "big");

    assertThat(service.get("/api/v1/communities/a/polls/" + poll + "/results", RunningService.ADMIN)
        .bodyAsJsonObject().getLong("eligible")).isEqualTo(households);
    assertThat(service.get("/api/v1/communities/b/polls/" + pollOfB + "/results", RunningService.ADMIN)
        .bodyAsJsonObject().getLong("eligible")).isEqualTo(householdsOfB);
  }

  @Test
  void a_poll_of_one_community_is_not_found_under_the_other_and_not_in_its_list() {
    String poll = opened("a", "a1", "small");

    assertThat(service.get("/api/v1/communities/a/polls/" + poll, RunningService.ADMIN).statusCode()).isEqualTo(200);
    for (String path : List.of("", "/results", "/results.csv", "/followups")) {
      assertThat(service.get("/api/v1/communities/b/polls/" + poll + path, RunningService.ADMIN).statusCode())
          .as(path).isEqualTo(404);
      assertThat(service.get("/api/v1/polls/" + poll + path, RunningService.ADMIN).statusCode()).as(path)
          .isEqualTo(404);
    }
    assertThat(service.post("/api/v1/communities/b/polls/" + poll + "/close", "", RunningService.ADMIN).statusCode())
        .isEqualTo(404);
    assertThat(service.get("/api/v1/communities/a/polls/" + poll, RunningService.ADMIN).bodyAsJsonObject()
        .getString("status")).isEqualTo("open");
    assertThat(service.get("/api/v1/communities/a/polls", RunningService.ADMIN).bodyAsString()).contains(poll);
    assertThat(service.get("/api/v1/communities/b/polls", RunningService.ADMIN).bodyAsJsonObject()
        .getJsonArray("polls").stream().map(o -> ((JsonObject) o).getString("id"))).doesNotContain(poll);
  }

  @Test
  void a_poll_in_a_chat_of_another_community_is_refused_saying_whose_the_chat_is() {
    HttpResponse<Buffer> refused = openPoll("b", "a1", "small");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getString("detail")).contains("generic:a1", "community a");
    HttpResponse<Buffer> defaultPath = openPoll(null, "a1", "small");
    assertThat(defaultPath.statusCode()).isEqualTo(400);
    assertThat(defaultPath.bodyAsJsonObject().getString("detail")).contains("community a");
  }

  @Test
  void a_proposal_of_one_community_is_not_found_under_the_other_and_not_in_its_list() {
    HttpResponse<Buffer> raised = service.post("/api/v1/communities/a/proposals",
        new JsonObject().put("chat", "a1").put("title", "东门加装雨棚").encode(), RunningService.ADMIN);
    assertThat(raised.statusCode()).as(raised.bodyAsString()).isEqualTo(201);
    String id = raised.bodyAsJsonObject().getString("id");

    assertThat(service.get("/api/v1/communities/a/proposals/" + id, RunningService.ADMIN).statusCode())
        .isEqualTo(200);
    assertThat(service.get("/api/v1/communities/b/proposals/" + id, RunningService.ADMIN).statusCode())
        .isEqualTo(404);
    assertThat(service.post("/api/v1/communities/b/proposals/" + id + "/decline", "{\"reason\": \"不归本社区\"}",
        RunningService.ADMIN).statusCode()).isEqualTo(404);
    assertThat(service.get("/api/v1/communities/b/proposals", RunningService.ADMIN).bodyAsString())
        .doesNotContain("\"" + id + "\"");
    assertThat(service.get("/api/v1/communities/a/proposals", RunningService.ADMIN).bodyAsString())
        .contains("\"" + id + "\"");
    assertThat(service.get("/api/v1/communities/a/proposals/" + id, RunningService.ADMIN).bodyAsJsonObject()
        .getString("status")).isEqualTo("open");
  }

  @Test
  void a_moderator_token_of_one_community_reaches_its_register_only() {
    assertThat(service.get("/api/v1/communities/a/households", moderatorToken).statusCode()).isEqualTo(200);
    assertThat(service.get("/api/v1/communities/b/households", moderatorToken).statusCode()).isEqualTo(403);
    assertThat(service.get("/api/v1/households", moderatorToken).statusCode()).isEqualTo(403);
    assertThat(service.get("/api/v1/communities/b/polls", moderatorToken).statusCode()).isEqualTo(403);
    assertThat(service.get("/api/v1/communities/a/polls", moderatorToken).statusCode()).isEqualTo(200);
  }

  @Test
  void the_console_register_and_polls_pages_of_another_community_are_forbidden_to_a_moderator_of_one() {
    ConsoleBrowserSession moderator = new ConsoleBrowserSession(service.client);
    assertThat(moderator.login("mod-a", MODERATOR_PASSWORD).statusCode()).isEqualTo(302);

    assertThat(moderator.get("/console/households?c=b").statusCode()).isEqualTo(403);
    assertThat(moderator.get("/console/polls?c=b").statusCode()).isEqualTo(403);
    assertThat(moderator.get("/console/households?c=default").statusCode()).isEqualTo(403);
    assertThat(moderator.get("/console/households?c=a").statusCode()).isEqualTo(200);
    assertThat(moderator.get("/console/polls").statusCode()).isEqualTo(200);
  }

  @Test
  void the_console_shows_each_community_its_own_register_and_polls() {
    importCsv("a", "household,building,unit,room,area,owners\nka-1,6,1,101,80,1\n");
    String poll = opened("a", "a1", "small");
    ConsoleBrowserSession boss = new ConsoleBrowserSession(service.client);
    assertThat(boss.login(BOSS, BOSS_PASSWORD).statusCode()).isEqualTo(302);

    assertThat(boss.get("/console/households?c=a").bodyAsString()).contains("ka-1",
        "action=\"/console/households/preview?c=a\"", "name=\"c\" value=\"a\"");
    assertThat(boss.get("/console/households?c=b").bodyAsString()).doesNotContain("ka-1");
    assertThat(boss.get("/console/polls?c=a").bodyAsString()).contains("href=\"/console/polls/" + poll + "?c=a\"");
    assertThat(boss.get("/console/polls?c=b").bodyAsString()).doesNotContain("/console/polls/" + poll + "?");
    assertThat(boss.get("/console/polls/" + poll + "?c=b").statusCode()).isEqualTo(404);
    assertThat(boss.get("/console/polls/" + poll + "/results.csv?c=b").statusCode()).isEqualTo(404);
    assertThat(boss.get("/console/polls/" + poll + "?c=a").statusCode()).isEqualTo(200);
    boss.get("/console/polls/" + poll + "?c=a");
    assertThat(boss.submit("/console/polls/" + poll + "/close?c=b").statusCode()).isEqualTo(404);
    assertThat(service.get("/api/v1/communities/a/polls/" + poll, RunningService.ADMIN).bodyAsJsonObject()
        .getString("status")).isEqualTo("open");
  }
}
