package org.linli.bot;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.linli.bot.metrics.ServiceMetrics;
import org.linli.bot.redis.RealRedis;
import org.linli.bot.redis.RedisPerClass;
import org.linli.config.SettingsLoader;

/**
 * A real Linli on loopback for tests: real HTTP on a free port, a real (embedded or given) Redis,
 * the shipped or a given knowledge base. Blocking helpers keep tests short and readable.
 *
 * <p>Started by hand with {@link #start} (tests that restart a service on the same data), or as a
 * JUnit extension, one service for all the tests of a class, with its data in a temporary folder
 * removed afterwards:
 *
 * <pre>{@code
 * @RegisterExtension static final RunningService service = RunningService.perClass(Map.of());
 * }</pre>
 */
final class RunningService implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

  static final String ADMIN = "admin-secret";
  static final String GENERIC = "generic-secret";

  /** The answering threshold of the lexical services the tests start. */
  static final String LEXICAL_THRESHOLD = "0.5";

  Vertx vertx;
  LinliVerticle verticle;
  WebClient client;
  private String deployment;
  private final Map<String, String> extra;
  private final boolean withChatApp;
  private FakeChatApp app;
  private Path data;

  private RunningService(Map<String, String> extra, boolean withChatApp) {
    this.extra = extra;
    this.withChatApp = withChatApp;
  }

  /** Starts a lexical-only service (fast) with its data under {@code data}. */
  static RunningService start(Path data, Map<String, String> extra) {
    RunningService service = new RunningService(extra, false);
    service.launch(data);
    return service;
  }

  /**
   * A service for {@code @RegisterExtension}: started before the first test of the class (lexical
   * unless {@code extra} says {@code LINLI_KB_SEMANTIC=true}), closed after the last.
   */
  static RunningService perClass(Map<String, String> extra) {
    return new RunningService(extra, false);
  }

  /**
   * As {@link #perClass}, with a {@link FakeChatApp} started first and set as the generic
   * channel's outbound URL, so what the bot sends through the outbox can be read back with
   * {@link #app()}; closed after the service.
   */
  static RunningService perClassWithChatApp(Map<String, String> extra) {
    return new RunningService(extra, true);
  }

  /** The chat app the generic channel sends to ({@link #perClassWithChatApp} only). */
  FakeChatApp app() {
    return app;
  }

  /** The id of the service's deployment (to undeploy it by hand). */
  String deployment() {
    return deployment;
  }

  /** The service's data folder. */
  Path data() {
    return data;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    launch(Files.createTempDirectory("linli-test-"));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    close();
    if (app != null) {
      app.close();
    }
    RedisPerClass.deleteTree(data);
  }

  private void launch(Path folder) {
    data = folder;
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
    if (withChatApp) {
      app = app == null ? new FakeChatApp() : app;
      env.put("LINLI_GENERIC_OUTBOUND_URL", app.url());
    }
    env.putAll(extra);
    if ("true".equals(env.get("LINLI_KB_SEMANTIC")) && !extra.containsKey("LINLI_KB_THRESHOLD")) {
      env.remove("LINLI_KB_THRESHOLD");
    }
    ServiceMetrics metrics = new ServiceMetrics();
    vertx = metrics.vertx();
    verticle = new LinliVerticle(new SettingsLoader().load(env), metrics);
    deployment = await(vertx.deployVerticle(verticle));
    client = WebClient.create(vertx,
        new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(verticle.port()));
  }

  HttpResponse<Buffer> post(String path, String body, String bearer) {
    var request = client.post(path).putHeader("Content-Type", "application/json");
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    return await(request.sendBuffer(Buffer.buffer(body)));
  }

  /** Any request, with the headers given and nothing else (for requests no client of ours would send). */
  HttpResponse<Buffer> send(io.vertx.core.http.HttpMethod method, String path, Map<String, String> headers,
      String body) {
    var request = client.request(method, path);
    headers.forEach(request::putHeader);
    return await(request.sendBuffer(Buffer.buffer(body)));
  }

  HttpResponse<Buffer> get(String path, String bearer) {
    var request = client.get(path);
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    return await(request.send());
  }

  HttpResponse<Buffer> put(String path, String body, String bearer) {
    var request = client.put(path).putHeader("Content-Type", "application/json");
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    return await(request.sendBuffer(Buffer.buffer(body)));
  }

  HttpResponse<Buffer> delete(String path, String bearer) {
    var request = client.delete(path);
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    return await(request.send());
  }

  /** The Redis this service uses (a second instance given it shares every state). */
  String redisUrl() {
    return verticle.redisUrl();
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

  /**
   * What the bot answers in the generic channel's JSON (its {@code replies}) to {@code user}
   * writing {@code text} in group {@code chat}, or pressing the button {@code callback} when that
   * is set ({@code text} then null).
   */
  JsonArray say(String chat, String user, String text, String callback) {
    JsonObject body = new JsonObject()
        .put("chat", new JsonObject().put("id", chat).put("type", "group"))
        .put("from", new JsonObject().put("id", user))
        .put("mentioned", false);
    if (text != null) {
      body.put("text", text);
    }
    if (callback != null) {
      body.put("callback", callback);
    }
    return post("/webhooks/generic", body.encode(), GENERIC).bodyAsJsonObject().getJsonArray("replies");
  }

  /** Every key of the service's Redis with every value in it, as text (to look for what must not be there). */
  String redisDump() {
    Redis redis = Redis.createClient(vertx, verticle.redisUrl());
    try {
      RedisAPI api = RedisAPI.api(redis);
      StringBuilder all = new StringBuilder();
      for (var key : await(api.keys("*"))) {
        String k = key.toString();
        all.append(k).append('\n');
        switch (await(api.type(k)).toString()) {
          case "hash" -> await(api.hgetall(k)).forEach(v -> all.append(v).append('\n'));
          case "string" -> all.append(await(api.get(k))).append('\n');
          case "zset" -> await(api.zrange(List.of(k, "0", "-1"))).forEach(v -> all.append(v).append('\n'));
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

  static <T> T await(Future<T> future) {
    return RealRedis.await(future);
  }

  @Override
  public void close() {
    client.close();
    await(vertx.undeploy(deployment));
    await(vertx.close());
  }
}
