package org.linli.webhooks.feishu;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Feishu's open API on loopback, as far as Linli uses it: a real Vert.x HTTP server issuing tenant
 * tokens ({@code t-1}, {@code t-2} ...) for one app, refusing calls without a valid one (code
 * 99991663), telling the bot's open_id, taking image uploads and messages. Every call is recorded;
 * message calls can be scripted to fail.
 */
public final class FakeFeishu {

  public static final String APP_ID = "cli_linli_test";
  public static final String APP_SECRET = "app-secret-for-tests";

  /** The paths of the tenant tokens and of the messages. */
  public static final String TOKENS = "/open-apis/auth/v3/tenant_access_token/internal";
  public static final String MESSAGES = "/open-apis/im/v1/messages";

  /** One call as the API received it. */
  public record Call(String method, String path, Map<String, String> query, String authorization, JsonObject json,
      Map<String, String> form, byte[] file) {
  }

  /** A scripted answer to a message call. */
  public record Answer(int status, Map<String, String> headers, JsonObject body) {
    public static Answer code(int status, int code) {
      return new Answer(status, Map.of(), new JsonObject().put("code", code).put("msg", "scripted " + code));
    }
  }

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Set<String> valid = ConcurrentHashMap.newKeySet();
  private final AtomicInteger issued = new AtomicInteger();
  private final Deque<Answer> script = new ArrayDeque<>();
  private volatile long expireSeconds = 7200;
  private volatile String botOpenId = "";
  private HttpServer server;

  public Future<FakeFeishu> start(Vertx vertx) {
    return vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1").map(s -> {
      server = s;
      return this;
    });
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  List<Call> calls() {
    return calls;
  }

  private final Map<String, byte[]> resources = new ConcurrentHashMap<>();

  public List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  public synchronized void answerMessages(Answer... answers) {
    script.clear();
    script.addAll(List.of(answers));
  }

  /** Makes the API forget every token issued so far, as when Feishu revokes them. */
  void revokeTokens() {
    valid.clear();
  }

  void expireSeconds(long seconds) {
    expireSeconds = seconds;
  }

  /** Keeps {@code bytes} as the image {@code imageKey} of message {@code messageId}. */
  void resource(String messageId, String imageKey, byte[] bytes) {
    resources.put("/open-apis/im/v1/messages/" + messageId + "/resources/" + imageKey, bytes);
  }

  void botOpenId(String openId) {
    botOpenId = openId;
  }

  private synchronized Answer nextScripted() {
    return script.poll();
  }

  private void handle(HttpServerRequest request) {
    boolean multipart = String.valueOf(request.getHeader("Content-Type")).startsWith("multipart/form-data");
    Buffer file = Buffer.buffer();
    if (multipart) {
      request.setExpectMultipart(true);
      request.uploadHandler(upload -> upload.handler(file::appendBuffer));
    }
    Buffer body = Buffer.buffer();
    request.handler(body::appendBuffer);
    request.endHandler(v -> {
      Map<String, String> query = new ConcurrentHashMap<>();
      request.params().forEach(e -> query.put(e.getKey(), e.getValue()));
      Map<String, String> form = new ConcurrentHashMap<>();
      if (multipart) {
        request.formAttributes().forEach(e -> form.put(e.getKey(), e.getValue()));
      }
      JsonObject json = !multipart && body.length() > 0 ? body.toJsonObject() : null;
      String authorization = request.getHeader("Authorization");
      calls.add(new Call(request.method().name(), request.path(), query, authorization, json, form, file.getBytes()));
      answer(request, json, authorization);
    });
  }

  private void answer(HttpServerRequest request, JsonObject json, String authorization) {
    if (request.path().equals(TOKENS)) {
      if (json == null || !APP_ID.equals(json.getString("app_id"))
          || !APP_SECRET.equals(json.getString("app_secret"))) {
        reply(request, new Answer(400, Map.of(), new JsonObject().put("code", 10014).put("msg", "app secret invalid")));
        return;
      }
      String token = "t-" + issued.incrementAndGet();
      valid.add(token);
      reply(request, new Answer(200, Map.of(), new JsonObject().put("code", 0).put("msg", "ok")
          .put("tenant_access_token", token).put("expire", expireSeconds)));
      return;
    }
    if (authorization == null || !authorization.startsWith("Bearer ") || !valid.contains(authorization.substring(7))) {
      reply(request, Answer.code(400, 99991663));
      return;
    }
    if (request.path().contains("/resources/")) {
      byte[] bytes = resources.get(request.path());
      if (bytes == null || !"image".equals(request.getParam("type"))) {
        reply(request, Answer.code(400, 234003));
      } else {
        request.response().putHeader("Content-Type", "image/png").end(Buffer.buffer(bytes));
      }
      return;
    }
    switch (request.path()) {
      case "/open-apis/bot/v3/info" -> reply(request, new Answer(200, Map.of(),
          new JsonObject().put("code", 0).put("msg", "ok").put("bot",
              new JsonObject().put("open_id", botOpenId).put("app_name", "邻里"))));
      case "/open-apis/im/v1/images" -> reply(request, new Answer(200, Map.of(),
          new JsonObject().put("code", 0).put("msg", "success").put("data",
              new JsonObject().put("image_key", "img_v2_chart"))));
      case MESSAGES -> {
        Answer scripted = nextScripted();
        reply(request,
            scripted != null
                ? scripted
                : new Answer(200, Map.of(), new JsonObject().put("code", 0).put("msg", "success")
                    .put("data", new JsonObject().put("message_id", "om_sent_" + calls.size()))));
      }
      default -> reply(request, Answer.code(404, 404));
    }
  }

  private static void reply(HttpServerRequest request, Answer answer) {
    answer.headers().forEach(request.response()::putHeader);
    request.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json")
        .end(answer.body().encode());
  }
}
