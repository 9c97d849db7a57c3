package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.bot.redis.RealRedis;

/** {@code /health/ready} says which check keeps the service out of traffic; {@code /health/live} stays up. */
class ReadinessTest {

  @TempDir
  Path data;
  @TempDir
  Path redisData;

  @Test
  void a_draining_service_is_not_ready_and_says_why_while_health_for_people_is_unchanged() {
    try (RunningService service = RunningService.start(data, Map.of())) {
      assertThat(service.get("/health/ready", null).statusCode()).isEqualTo(200);
      service.verticle.probes().drain();

      HttpResponse<Buffer> ready = service.get("/health/ready", null);
      assertThat(ready.statusCode()).isEqualTo(503);
      JsonObject body = ready.bodyAsJsonObject();
      assertThat(body.getString("status")).isEqualTo("DOWN");
      assertThat(body.getJsonObject("checks").getString("shutdown")).isEqualTo("DRAINING");
      assertThat(body.getJsonArray("failed").getList()).containsExactly("shutdown");
      assertThat(service.get("/health/live", null).statusCode()).isEqualTo(200);
      assertThat(service.get("/health", null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void when_redis_stops_answering_ready_turns_503_naming_redis_and_the_outbox_while_live_stays_200() {
    RealRedis redis = RealRedis.start(redisData);
    boolean redisClosed = false;
    try (RunningService service = RunningService.start(data, Map.of("LINLI_REDIS_URL", redis.server.url()))) {
      assertThat(service.get("/health/ready", null).statusCode()).isEqualTo(200);
      redis.close();
      redisClosed = true;

      HttpResponse<Buffer> ready = service.get("/health/ready", null);
      assertThat(ready.statusCode()).isEqualTo(503);
      JsonObject checks = ready.bodyAsJsonObject().getJsonObject("checks");
      assertThat(checks.getString("redis")).isEqualTo("DOWN");
      assertThat(checks.getString("outbox")).isEqualTo("DOWN");
      assertThat(checks.getString("kb")).isEqualTo("UP");
      assertThat(ready.bodyAsJsonObject().getJsonArray("failed").getList()).containsExactly("redis", "outbox");
      assertThat(service.get("/health/live", null).statusCode()).isEqualTo(200);
    } finally {
      if (!redisClosed) {
        redis.close();
      }
    }
  }
}
