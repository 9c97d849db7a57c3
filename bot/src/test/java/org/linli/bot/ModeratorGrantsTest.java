package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moderators granted and taken back through the admin API while the service runs: no restart, every
 * instance on the same Redis follows within seconds, the setting's moderators stay as they are,
 * and bad input changes nothing.
 */
class ModeratorGrantsTest {

  @TempDir
  Path data;

  private static String say(RunningService service, String user, String text) {
    return service.say("g1", user, text, null).getJsonObject(0).getString("text");
  }

  private static JsonObject grant(String platform, String chat, String user) {
    return new JsonObject().put("platform", platform).put("chat", chat).put("user", user);
  }

  @Test
  void a_moderator_granted_by_the_api_runs_polls_at_once_on_every_instance_until_revoked() {
    try (RunningService one = RunningService.start(data.resolve("one"),
        Map.of("LINLI_CONSULTATION_MODERATORS", "generic:g1:chair"))) {
      try (RunningService two = RunningService.start(data.resolve("two"),
          Map.of("LINLI_REDIS_URL", one.redisUrl(), "LINLI_CONSULTATION_MODERATORS", "generic:g1:chair"))) {
        assertThat(say(one, "wang", "/poll 周末开放活动室吗 | 开放 | 不开放")).contains("只有本群的社区工作人员");

        var granted = one.post("/api/v1/moderators", grant("generic", "g1", "wang").encode(), RunningService.ADMIN);
        assertThat(granted.statusCode()).isEqualTo(201);
        assertThat(one.post("/api/v1/moderators", grant("generic", "g1", "wang").encode(), RunningService.ADMIN)
            .bodyAsJsonObject().getBoolean("granted")).isFalse();

        assertThat(say(one, "wang", "/poll 周末开放活动室吗 | 开放 | 不开放")).contains("议事投票");
        Waits.eventually(() -> say(two, "wang", "/poll 楼道里能放自行车吗 | 能 | 不能").contains("议事投票"),
            java.time.Duration.ofSeconds(10), () -> "the second instance seeing the grant within 10 s");

        JsonObject list = one.get("/api/v1/moderators", RunningService.ADMIN).bodyAsJsonObject();
        assertThat(list.getJsonArray("settings").getJsonObject(0).getString("entry")).isEqualTo("generic:g1:chair");
        assertThat(list.getJsonArray("granted").getJsonObject(0).getString("entry")).isEqualTo("generic:g1:wang");

        assertThat(one.delete("/api/v1/moderators?platform=generic&chat=g1&user=wang", RunningService.ADMIN)
            .statusCode()).isEqualTo(200);
        Waits.eventually(() -> say(two, "wang", "/poll 要不要装快递柜 | 要 | 不要").contains("只有本群的社区工作人员"),
            java.time.Duration.ofSeconds(10), () -> "the second instance seeing the revocation within 10 s");
      }
    }
  }

  @Test
  void bad_grants_are_refused_with_a_sentence_and_the_settings_moderator_cannot_be_revoked_here() {
    try (RunningService service = RunningService.start(data,
        Map.of("LINLI_CONSULTATION_MODERATORS", "generic:g1:chair"))) {
      for (JsonObject bad : new JsonObject[]{grant("", "g1", "u"), grant("Generic!", "g1", "u"),
          grant("generic", "a:b", "u"), grant("generic", "g1", ""), grant("generic", "g1", "u\u0007"),
          new JsonObject().put("platform", 7).put("chat", "g1").put("user", "u")}) {
        var r = service.post("/api/v1/moderators", bad.encode(), RunningService.ADMIN);
        assertThat(r.statusCode()).as(bad.encode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("detail")).as(bad.encode()).isNotBlank();
      }
      assertThat(service.post("/api/v1/moderators", "{\"platform\":", RunningService.ADMIN).statusCode())
          .isEqualTo(400);
      assertThat(service.post("/api/v1/moderators", grant("generic", "g1", "u").encode(), null).statusCode())
          .isEqualTo(401);
      assertThat(service.delete("/api/v1/moderators?platform=generic&chat=g1&user=chair", RunningService.ADMIN)
          .statusCode()).isEqualTo(409);
      assertThat(service.delete("/api/v1/moderators?platform=generic&chat=g1&user=nobody", RunningService.ADMIN)
          .statusCode()).isEqualTo(404);

      JsonObject list = service.get("/api/v1/moderators", RunningService.ADMIN).bodyAsJsonObject();
      assertThat(list.getJsonArray("granted")).isEmpty();
      assertThat(list.getJsonArray("settings")).hasSize(1);
    }
  }
}
