package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {

  @TempDir
  Path data;
  @TempDir
  Path otherData;

  @Test
  void unanswered_questions_survive_a_restart_on_the_embedded_redis() {
    try (RunningService first = RunningService.start(data, Map.of())) {
      first.ask("小区门口能不能摆摊卖菜？");
    }
    try (RunningService second = RunningService.start(data, Map.of())) {
      assertThat(gaps(second).encode()).contains("小区门口能不能摆摊卖菜");
    }
  }

  @Test
  void a_second_instance_on_the_same_redis_sees_what_the_first_stored() {
    try (RunningService first = RunningService.start(data, Map.of());
        RunningService second = RunningService.start(otherData, Map.of("LINLI_REDIS_URL", first.verticle.redisUrl()))) {
      assertThat(second.ask("哪里可以买到便宜的二手钢琴？").getBoolean("answered")).isFalse();
      assertThat(first.ask("哪里可以买到便宜的二手钢琴？").getBoolean("answered")).isFalse();

      JsonObject gap = gaps(first).stream().map(o -> (JsonObject) o)
          .filter(g -> g.getString("question").equals("哪里可以买到便宜的二手钢琴")).findFirst().orElseThrow();
      assertThat(gap.getLong("count")).isEqualTo(2);
      assertThat(gaps(second)).isEqualTo(gaps(first));
    }
  }

  @Test
  void health_is_503_when_redis_does_not_answer() {
    try (RunningService service = RunningService.start(data, Map.of("LINLI_REDIS_URL", "redis://127.0.0.1:1"))) {
      var response = service.get("/health", null);
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.bodyAsJsonObject().getString("redis")).isEqualTo("DOWN");
    }
  }

  private static JsonArray gaps(RunningService service) {
    return service.get("/api/v1/kb/gaps?limit=1000", RunningService.ADMIN).bodyAsJsonObject().getJsonArray("gaps");
  }
}
