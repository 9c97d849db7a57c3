package org.linli.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.Waits.eventually;
import static org.linli.bot.outbox.OutboxTest.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.bot.http.AdminAuth;
import org.linli.bot.http.DeadLetterApi;
import org.linli.bot.http.FailureHandler;
import org.linli.bot.redis.EmbeddedRedis;
import org.linli.config.Secret;

/**
 * The dead-letter admin API over real HTTP, on an outbox whose receiver refuses everything until
 * it is told to accept.
 */
class DeadLetterApiTest {

  private static final String ADMIN = "admin-token";

  @TempDir
  static Path data;
  static EmbeddedRedis server;
  static Vertx vertx;
  static Redis client;
  static WebClient web;
  static Outbox outbox;
  static int port;
  static volatile boolean accepting;
  static final Set<String> delivered = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void start() {
    server = EmbeddedRedis.start(data, 0);
    vertx = Vertx.vertx();
    client = Redis.createClient(vertx, new RedisOptions().setConnectionString(server.url()));
    Delivery receiver = (id, payload, attempt) -> {
      if (!accepting) {
        return Future.failedFuture(new PermanentFailure("receiver answered 422"));
      }
      delivered.add(id);
      return Future.succeededFuture();
    };
    outbox = new Outbox(vertx, RedisAPI.api(client), "hub",
        new Outbox.Timing(Duration.ofMillis(20), List.of(Duration.ZERO), Duration.ofSeconds(5), 8, Duration.ofDays(7)),
        receiver);
    outbox.start();
    DeadLetterApi api = new DeadLetterApi(List.of(outbox));
    AdminAuth admin = new AdminAuth(Secret.of(ADMIN), "LINLI_ADMIN_TOKEN");
    Router router = Router.router(vertx);
    router.get("/api/v1/outbox/:queue/dead").handler(admin).handler(api::list);
    router.post("/api/v1/outbox/:queue/dead/:id/replay").handler(admin).handler(api::replay);
    router.route().failureHandler(new FailureHandler());
    port = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")).actualPort();
    web = WebClient.create(vertx);

    await(outbox.enqueue("ticket:T1:status", new JsonObject().put("ticket", "T1").put("status", "accepted")));
    await(outbox.enqueue("ticket:T2:status", new JsonObject().put("ticket", "T2").put("status", "done")));
    eventually(() -> await(outbox.stats()).dead() == 2);
  }

  @AfterAll
  static void stop() {
    await(outbox.stop());
    client.close();
    await(vertx.close());
    server.close();
  }

  private static HttpResponse<Buffer> get(String path) {
    return await(web.get(port, "127.0.0.1", path).bearerTokenAuthentication(ADMIN).send());
  }

  private static HttpResponse<Buffer> post(String path) {
    return await(web.post(port, "127.0.0.1", path).bearerTokenAuthentication(ADMIN).send());
  }

  @Test
  void an_administrator_sees_the_dead_letters_with_their_payload_attempts_and_error() {
    HttpResponse<Buffer> response = get("/api/v1/outbox/hub/dead?limit=10");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("queue")).isEqualTo("hub");
    assertThat(body.getLong("dead")).isGreaterThanOrEqualTo(1);
    JsonObject t1 = body.getJsonArray("deadLetters").stream().map(JsonObject.class::cast)
        .filter(l -> l.getString("id").equals("ticket:T1:status")).findFirst().orElseThrow();
    assertThat(t1.getJsonObject("payload")).isEqualTo(new JsonObject().put("ticket", "T1").put("status", "accepted"));
    assertThat(t1.getInteger("attempts")).isEqualTo(1);
    assertThat(t1.getString("error")).isEqualTo("receiver answered 422");
    assertThat(Instant.parse(t1.getString("diedAt"))).isBefore(Instant.now());
  }

  @Test
  void a_replayed_dead_letter_is_delivered_and_leaves_the_list() {
    accepting = true;
    HttpResponse<Buffer> replay = post("/api/v1/outbox/hub/dead/ticket:T2:status/replay");

    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.bodyAsJsonObject())
        .isEqualTo(new JsonObject().put("id", "ticket:T2:status").put("replayed", true));
    eventually(() -> delivered.contains("ticket:T2:status"));
    assertThat(get("/api/v1/outbox/hub/dead").bodyAsJsonObject().getJsonArray("deadLetters").stream()
        .map(l -> ((JsonObject) l).getString("id"))).doesNotContain("ticket:T2:status");
    assertThat(post("/api/v1/outbox/hub/dead/ticket:T2:status/replay").statusCode()).isEqualTo(404);
  }

  @Test
  void an_unknown_queue_or_dead_letter_is_not_found_and_a_wrong_limit_is_a_bad_request() {
    HttpResponse<Buffer> queue = get("/api/v1/outbox/nowhere/dead");
    assertThat(queue.statusCode()).isEqualTo(404);
    assertThat(queue.bodyAsJsonObject().getString("detail")).contains("hub");
    assertThat(post("/api/v1/outbox/hub/dead/no-such-id/replay").statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/outbox/hub/dead?limit=0").statusCode()).isEqualTo(400);
    assertThat(get("/api/v1/outbox/hub/dead?limit=many").statusCode()).isEqualTo(400);
  }

  @Test
  void without_the_admin_token_nothing_is_shown() {
    assertThat(await(web.get(port, "127.0.0.1", "/api/v1/outbox/hub/dead").send()).statusCode()).isEqualTo(401);
  }
}
