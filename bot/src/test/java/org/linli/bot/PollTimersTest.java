package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deadlines and reminders are kept in Redis: a poll closes on time after a restart, and with two
 * instances on one Redis it closes — and its result is posted — exactly once.
 */
class PollTimersTest {

  @TempDir
  Path data;
  @TempDir
  Path otherData;
  FakeChatApp app;

  @BeforeEach
  void startApp() {
    app = new FakeChatApp();
  }

  @AfterEach
  void stopApp() {
    app.close();
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("LINLI_GENERIC_OUTBOUND_URL", app.url());
    env.put("LINLI_GENERIC_OUTBOUND_TOKEN", "app-token");
    env.put("LINLI_OUTBOX_RETRY_SECONDS", "0,1,1");
    return env;
  }

  private static String open(RunningService service, int closesInSeconds, Integer remindSecondsBefore) {
    JsonObject draft = new JsonObject()
        .put("chat", "g1")
        .put("question", "周六活动室开放时间")
        .put("options", new JsonArray().add("上午").add("下午"))
        .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(closesInSeconds).toString());
    if (remindSecondsBefore != null) {
      draft.put("remindMinutesBefore", 1);
    }
    var response = service.post("/api/v1/polls", draft.encode(), RunningService.ADMIN);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject().getString("id");
  }

  private static void vote(RunningService service, String user, String poll, int option) {
    JsonObject body = new JsonObject()
        .put("chat", new JsonObject().put("id", "g1").put("type", "group"))
        .put("from", new JsonObject().put("id", user))
        .put("callback", "vote:" + poll + ":" + option);
    String reply = service.post("/webhooks/generic", body.encode(), RunningService.GENERIC).bodyAsString();
    assertThat(reply).contains("已记录");
  }

  private static boolean resultOf(JsonObject message, String poll) {
    return message.getString("text", "").contains("投票结果 " + poll);
  }

  @Test
  void a_poll_opened_through_the_api_is_announced_in_its_chat_with_buttons_even_if_the_app_refuses_at_first() {
    try (RunningService service = RunningService.start(data, env())) {
      app.refuseNext(2);
      String id = open(service, 3600, null);

      JsonObject announcement = app.await(m -> m.getString("text", "").contains("议事投票 " + id), 10);

      assertThat(announcement.getJsonObject("chat").getString("id")).isEqualTo("g1");
      assertThat(announcement.getJsonArray("buttons")).hasSize(2);
      assertThat(announcement.getString("id")).isEqualTo("open:" + id);
      assertThat(app.authorizations()).contains("Bearer app-token");
      assertThat(app.matching(m -> m.getString("id", "").equals("open:" + id))).hasSize(1);
    }
  }

  @Test
  void a_restart_in_the_middle_of_a_poll_loses_no_vote_and_it_still_closes_on_time() {
    String id;
    try (RunningService first = RunningService.start(data, env())) {
      id = open(first, 6, null);
      vote(first, "u1", id, 1);
      vote(first, "u2", id, 1);
    }
    try (RunningService second = RunningService.start(data, env())) {
      vote(second, "u3", id, 2);

      JsonObject result = app.await(m -> resultOf(m, id), 20);

      assertThat(result.getString("text")).contains("1. 上午：2 票", "2. 下午：1 票", "结论：“上午”得票最多");
      JsonObject results = second.get("/api/v1/polls/" + id + "/results", RunningService.ADMIN).bodyAsJsonObject();
      assertThat(results.getString("status")).isEqualTo("closed");
      assertThat(results.getLong("ballots")).isEqualTo(3);
    }
  }

  @Test
  void two_instances_on_one_redis_close_a_poll_and_post_its_result_exactly_once() throws InterruptedException {
    try (RunningService first = RunningService.start(data, env());
        RunningService second = RunningService.start(otherData, withRedis(env(), first))) {
      String id = open(first, 4, null);
      vote(first, "u1", id, 2);
      vote(second, "u2", id, 2);
      vote(second, "u3", id, 1);

      app.await(m -> resultOf(m, id), 20);
      Thread.sleep(2_000); // time for a second close or a second post, if either could happen

      assertThat(app.matching(m -> resultOf(m, id))).hasSize(1);
      assertThat(app.matching(m -> m.getString("id", "").equals("open:" + id))).hasSize(1);
      assertThat(first.get("/api/v1/polls/" + id + "/results", RunningService.ADMIN).bodyAsJsonObject()
          .getJsonArray("tally").getJsonObject(1).getLong("votes")).isEqualTo(2);
    }
  }

  @Test
  void the_reminder_posts_participation_without_naming_anyone() {
    try (RunningService service = RunningService.start(data, env())) {
      String id = open(service, 62, 60);
      vote(service, "u1", id, 1);

      JsonObject reminder = app.await(m -> m.getString("text", "").contains("提醒：投票 " + id), 10);

      assertThat(reminder.getString("text")).contains("已有 1 人参与").doesNotContain("u1");
      assertThat(reminder.getJsonArray("buttons")).hasSize(2);
    }
  }

  private static Map<String, String> withRedis(Map<String, String> env, RunningService first) {
    Map<String, String> out = new HashMap<>(env);
    out.put("LINLI_REDIS_URL", first.verticle.redisUrl());
    return out;
  }
}
