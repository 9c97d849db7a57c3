package org.linli.bot;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.linli.config.SettingsLoader;

/**
 * A real Linli on loopback for tests: real HTTP on a free port, a real (embedded or given) Redis,
 * the shipped or a given knowledge base. Blocking helpers keep tests short and readable.
 */
final class RunningService implements AutoCloseable {

  static final String ADMIN = "admin-secret";
  static final String GENERIC = "generic-secret";

  final Vertx vertx;
  final LinliVerticle verticle;
  final WebClient client;
  private final String deployment;

  private RunningService(Vertx vertx, LinliVerticle verticle, String deployment) {
    this.vertx = vertx;
    this.verticle = verticle;
    this.deployment = deployment;
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(verticle.port()));
  }

  /** The answering threshold of the lexical services the tests start. */
  static final String LEXICAL_THRESHOLD = "0.5";

  /** Starts a lexical-only service (fast) with its data under {@code data}. */
  static RunningService start(Path data, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("LINLI_HTTP_PORT", "0");
    env.put("LINLI_HTTP_HOST", "127.0.0.1");
    env.put("LINLI_DATA_DIR", data.toString());
    env.put("LINLI_KB_SEMANTIC", "false");
    // These tests are about what the bot does with an answer, not where the operating point lies
    // (the evaluation command measures that, and each refit moves it): a fixed threshold that a
    // guide's own kind of question clears in lexical mode keeps them independent of the refits.
    env.put("LINLI_KB_THRESHOLD", LEXICAL_THRESHOLD);
    env.put("LINLI_ADMIN_TOKEN", ADMIN);
    env.put("LINLI_GENERIC_TOKEN", GENERIC);
    env.putAll(extra);
    if ("true".equals(env.get("LINLI_KB_SEMANTIC")) && !extra.containsKey("LINLI_KB_THRESHOLD")) {
      env.remove("LINLI_KB_THRESHOLD");
    }
    Vertx vertx = Vertx.vertx();
    LinliVerticle verticle = new LinliVerticle(new SettingsLoader().load(env));
    String id = await(vertx.deployVerticle(verticle));
    return new RunningService(vertx, verticle, id);
  }

  HttpResponse<Buffer> post(String path, String body, String bearer) {
    var request = client.post(path).putHeader("Content-Type", "application/json");
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    return await(request.sendBuffer(Buffer.buffer(body)));
  }

  HttpResponse<Buffer> get(String path, String bearer) {
    var request = client.get(path);
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    return await(request.send());
  }

  JsonObject ask(String text) {
    HttpResponse<Buffer> response = post("/api/v1/ask", new JsonObject().put("text", text).encode(), null);
    if (response.statusCode() != 200) {
      throw new AssertionError("ask returned " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  /** Sends a chat message through the generic channel and returns its JSON answer. */
  JsonObject chat(String chatType, String text, boolean mentioned) {
    JsonObject body = new JsonObject()
        .put("chat", new JsonObject().put("id", "g1").put("type", chatType))
        .put("from", new JsonObject().put("id", "u1").put("name", "张三"))
        .put("text", text)
        .put("mentioned", mentioned);
    HttpResponse<Buffer> response = post("/webhooks/generic", body.encode(), GENERIC);
    if (response.statusCode() != 200) {
      throw new AssertionError("generic returned " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  /** Every key of the service's Redis with every value in it, as text (to look for what must not be there). */
  String redisDump() {
    io.vertx.redis.client.Redis redis = io.vertx.redis.client.Redis.createClient(vertx, verticle.redisUrl());
    try {
      io.vertx.redis.client.RedisAPI api = io.vertx.redis.client.RedisAPI.api(redis);
      StringBuilder all = new StringBuilder();
      for (var key : await(api.keys("*"))) {
        String k = key.toString();
        all.append(k).append('\n');
        switch (await(api.type(k)).toString()) {
          case "hash" -> await(api.hgetall(k)).forEach(v -> all.append(v).append('\n'));
          case "string" -> all.append(await(api.get(k))).append('\n');
          case "zset" -> await(api.zrange(java.util.List.of(k, "0", "-1"))).forEach(v -> all.append(v).append('\n'));
          case "set" -> await(api.smembers(k)).forEach(v -> all.append(v).append('\n'));
          case "list" -> await(api.lrange(k, "0", "-1")).forEach(v -> all.append(v).append('\n'));
          default -> all.append("?\n");
        }
      }
      return all.toString();
    } finally {
      redis.close();
    }
  }

  static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
    }
  }

  @Override
  public void close() {
    client.close();
    await(vertx.undeploy(deployment));
    await(vertx.close());
  }
}
