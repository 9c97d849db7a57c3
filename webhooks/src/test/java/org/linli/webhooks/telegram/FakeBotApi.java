package org.linli.webhooks.telegram;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the Telegram Bot API: a Vert.x HTTP server on 127.0.0.1 that answers {@code POST
 * /bot<token>/<method>} for getMe, getUpdates (a queue the test pushes updates into, held as a long
 * poll until one arrives), deleteWebhook, sendMessage, sendPhoto, answerCallbackQuery and
 * editMessageText, and records every call: HTTP method, path, headers, parameters (JSON, form or
 * multipart) and uploaded files.
 *
 * <p>Scripting: {@link #script} answers the next call of a method with a given status and body (a
 * 429 with {@code retry_after}, a 502, garbage); {@link #forbid} makes private messages to a user
 * fail with 403 as for someone who never started the bot. Self-contained (Vert.x core only), so it
 * can be copied to another module's tests as it is.
 */
public final class FakeBotApi {

  /** The bot the fake pretends to be. */
  public static final long BOT_ID = 7_000_000_001L;
  public static final String BOT_USERNAME = "linli_bot";

  /** One recorded call; {@code params} holds JSON values, or strings for form and multipart fields. */
  public record Call(String httpMethod, String path, String method, Map<String, String> headers, JsonObject params,
      Map<String, byte[]> files) {

    /** The parameter as a JSON object, also when it came as a string in a form (reply_markup). */
    public JsonObject json(String name) {
      Object value = params.getValue(name);
      return value instanceof String s ? new JsonObject(s) : (JsonObject) value;
    }
  }

  private record Scripted(int status, String body) {
  }

  private record Waiter(long offset, HttpServerRequest request, long timer) {
  }

  private final Vertx vertx;
  private final String token;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Scripted>> scripts = new ConcurrentHashMap<>();
  private final Set<String> forbidden = ConcurrentHashMap.newKeySet();
  private final Deque<JsonObject> updates = new ArrayDeque<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private final AtomicLong nextUpdateId = new AtomicLong(100_000);
  private final AtomicLong nextMessageId = new AtomicLong(500);
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private HttpServer server;

  private FakeBotApi(Vertx vertx, String token) {
    this.vertx = vertx;
    this.token = token;
  }

  /** Starts the fake on a free port of 127.0.0.1, accepting {@code token}. */
  public static Future<FakeBotApi> start(Vertx vertx, String token) {
    FakeBotApi fake = new FakeBotApi(vertx, token);
    return vertx.createHttpServer().requestHandler(fake::handle).listen(0, "127.0.0.1").map(server -> {
      fake.server = server;
      return fake;
    });
  }

  /** The address to configure as {@code telegram.apiUrl}. */
  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Every call so far, in order of arrival. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The calls of one Bot API method, in order. */
  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** Queues an update for getUpdates, giving it the next {@code update_id} unless it has one. */
  public synchronized JsonObject push(JsonObject update) {
    if (!update.containsKey("update_id")) {
      update.put("update_id", nextUpdateId.getAndIncrement());
    }
    updates.add(update);
    List<Waiter> ready = new ArrayList<>(waiters);
    waiters.clear();
    ready.forEach(w -> {
      vertx.cancelTimer(w.timer());
      answerUpdates(w.request(), w.offset());
    });
    return update;
  }

  /**
   * Answers the next call of {@code method} with {@code status} and {@code body} instead of the
   * usual; status 0 leaves the call unanswered.
   */
  public FakeBotApi script(String method, int status, String body) {
    scripts.computeIfAbsent(method, m -> new ConcurrentLinkedDeque<>()).add(new Scripted(status, body));
    return this;
  }

  /** Keeps {@code bytes} as the file {@code fileId}, for getFile and the file download. */
  public FakeBotApi file(String fileId, byte[] bytes) {
    files.put(fileId, bytes);
    return this;
  }

  /** Private messages to {@code userId} fail with 403, as when the user never started the bot. */
  public FakeBotApi forbid(String userId) {
    forbidden.add(userId);
    return this;
  }

  public Future<Void> close() {
    return server.close();
  }

  private void handle(HttpServerRequest request) {
    String filePrefix = "/file/bot" + token + "/photos/";
    if (request.method().name().equals("GET") && request.path().startsWith("/file/")) {
      byte[] bytes = request.path().startsWith(filePrefix)
          ? files.get(request.path().substring(filePrefix.length()))
          : null;
      request.response().setStatusCode(bytes == null ? 404 : 200).end(bytes == null
          ? Buffer.buffer()
          : Buffer.buffer(bytes));
      return;
    }
    String contentType = String.valueOf(request.getHeader("Content-Type"));
    if (contentType.startsWith("multipart/form-data")) {
      Map<String, byte[]> files = new HashMap<>();
      request.setExpectMultipart(true);
      request.uploadHandler(upload -> {
        Buffer content = Buffer.buffer();
        upload.handler(content::appendBuffer);
        upload.endHandler(v -> files.put(upload.name(), content.getBytes()));
      });
      request.endHandler(v -> {
        JsonObject params = new JsonObject();
        request.formAttributes().forEach(a -> params.put(a.getKey(), a.getValue()));
        answer(request, params, files);
      });
      return;
    }
    request.body().onSuccess(body -> {
      JsonObject params = new JsonObject();
      request.params().forEach(p -> params.put(p.getKey(), p.getValue()));
      if (body.length() > 0 && contentType.startsWith("application/json")) {
        params.mergeIn(body.toJsonObject());
      }
      answer(request, params, Map.of());
    });
  }

  private void answer(HttpServerRequest request, JsonObject params, Map<String, byte[]> files) {
    String path = request.path();
    String method = path.substring(path.lastIndexOf('/') + 1);
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
    calls.add(new Call(request.method().name(), path, method, headers, params, files));
    HttpServerResponse response = request.response().putHeader("Content-Type", "application/json");
    if (!path.equals("/bot" + token + "/" + method)) {
      response.setStatusCode(401).end(error(401, "Unauthorized").encode());
      return;
    }
    Deque<Scripted> scripted = scripts.get(method);
    Scripted next = scripted == null ? null : scripted.poll();
    if (next != null) {
      if (next.status() == 0) {
        return; // never answers: the caller's timeout must end the call
      }
      response.setStatusCode(next.status()).end(next.body());
      return;
    }
    switch (method) {
      case "getMe" -> ok(response, new JsonObject().put("id", BOT_ID).put("is_bot", true).put("first_name", "邻里")
          .put("username", BOT_USERNAME).put("can_join_groups", true).put("can_read_all_group_messages", false));
      case "deleteWebhook" -> ok(response, true);
      case "answerCallbackQuery" -> ok(response, true);
      case "getFile" -> {
        String fileId = String.valueOf(params.getValue("file_id"));
        byte[] bytes = this.files.get(fileId);
        if (bytes == null) {
          response.setStatusCode(400).end(error(400, "Bad Request: invalid file_id").encode());
          return;
        }
        ok(response, new JsonObject().put("file_id", fileId).put("file_unique_id", "u" + fileId.hashCode())
            .put("file_size", bytes.length).put("file_path", "photos/" + fileId));
      }
      case "getUpdates" -> getUpdates(request, params);
      case "sendMessage", "sendPhoto", "editMessageText" -> {
        String chat = String.valueOf(params.getValue("chat_id"));
        if (forbidden.contains(chat)) {
          response.setStatusCode(403)
              .end(error(403, "Forbidden: bot can't initiate conversation with a user").encode());
          return;
        }
        long id = method.equals("editMessageText")
            ? Long.parseLong(String.valueOf(params.getValue("message_id")))
            : nextMessageId.getAndIncrement();
        JsonObject message = new JsonObject().put("message_id", id).put("date", System.currentTimeMillis() / 1000)
            .put("chat",
                new JsonObject().put("id", Long.parseLong(chat)).put("type",
                    chat.startsWith("-") ? "supergroup" : "private"))
            .put("from", new JsonObject().put("id", BOT_ID).put("is_bot", true).put("username", BOT_USERNAME));
        if (params.containsKey("text")) {
          message.put("text", params.getValue("text"));
        }
        ok(response, message);
      }
      default -> response.setStatusCode(404).end(error(404, "Not Found: method not found").encode());
    }
  }

  private synchronized void getUpdates(HttpServerRequest request, JsonObject params) {
    long offset = Long.parseLong(String.valueOf(params.getValue("offset", 0)));
    // As Telegram does: an offset confirms every update before it.
    updates.removeIf(u -> u.getLong("update_id") < offset);
    if (!updates.isEmpty()) {
      answerUpdates(request, offset);
      return;
    }
    long seconds = Long.parseLong(String.valueOf(params.getValue("timeout", 0)));
    if (seconds <= 0) {
      answerUpdates(request, offset);
      return;
    }
    long[] timer = new long[1];
    timer[0] = vertx.setTimer(seconds * 1000, id -> {
      synchronized (this) {
        waiters.removeIf(w -> w.timer() == timer[0]);
      }
      answerUpdates(request, offset);
    });
    waiters.add(new Waiter(offset, request, timer[0]));
  }

  private synchronized void answerUpdates(HttpServerRequest request, long offset) {
    JsonArray result = new JsonArray();
    updates.stream().filter(u -> u.getLong("update_id") >= offset).forEach(result::add);
    if (!request.response().ended() && !request.response().closed()) {
      ok(request.response().putHeader("Content-Type", "application/json"), result);
    }
  }

  private static void ok(HttpServerResponse response, Object result) {
    response.setStatusCode(200).end(new JsonObject().put("ok", true).put("result", result).encode());
  }

  private static JsonObject error(int code, String description) {
    return new JsonObject().put("ok", false).put("error_code", code).put("description", description);
  }
}
