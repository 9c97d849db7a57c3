package org.linli.webhooks.wecom;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for {@code qyapi.weixin.qq.com}: a Vert.x server on loopback that records every call
 * and answers as WeCom does (HTTP 200 with an {@code errcode}). gettoken hands out {@code TOKEN-1},
 * {@code TOKEN-2} ...; a test queues other answers per path.
 */
final class FakeWecomApi {

  record Call(String method, String path, Map<String, String> query, String contentType, Buffer body) {
    JsonObject json() {
      return body.toJsonObject();
    }
  }

  /** The paths a test looks for: gettoken and media upload (answered as WeCom does), and the two sends. */
  static final String GETTOKEN = "/cgi-bin/gettoken";
  static final String UPLOAD = "/cgi-bin/media/upload";
  static final String SEND = "/cgi-bin/message/send";
  static final String MEDIA_GET = "/cgi-bin/media/get";
  static final String GROUP_SEND = "/cgi-bin/appchat/send";

  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<JsonObject>> scripted = new ConcurrentHashMap<>();
  private final AtomicInteger tokens = new AtomicInteger();
  private final Map<String, byte[]> media = new ConcurrentHashMap<>();
  private HttpServer server;

  /** Keeps {@code bytes} as the image {@code mediaId}, for media/get. */
  FakeWecomApi media(String mediaId, byte[] bytes) {
    media.put(mediaId, bytes);
    return this;
  }

  Future<FakeWecomApi> start(Vertx vertx) {
    return vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> {
          Map<String, String> query = new TreeMap<>();
          request.params().forEach(p -> query.put(p.getKey(), p.getValue()));
          calls.add(new Call(request.method().name(), request.path(), query, request.getHeader("Content-Type"), body));
          JsonObject answer;
          synchronized (scripted) {
            Deque<JsonObject> queue = scripted.get(request.path());
            answer = queue == null || queue.isEmpty() ? null : queue.poll();
          }
          if (answer == null && request.path().equals(MEDIA_GET) && media.containsKey(query.get("media_id"))) {
            request.response().putHeader("Content-Type", "image/jpeg")
                .putHeader("Content-disposition", "attachment; filename=\"MEDIA.jpg\"")
                .end(Buffer.buffer(media.get(query.get("media_id"))));
            return;
          }
          if (answer == null && request.path().equals(MEDIA_GET)) {
            answer = new JsonObject().put("errcode", 40007).put("errmsg", "invalid media_id");
          }
          if (answer == null) {
            answer = switch (request.path()) {
              case GETTOKEN -> new JsonObject().put("errcode", 0).put("errmsg", "ok")
                  .put("access_token", "TOKEN-" + tokens.incrementAndGet()).put("expires_in", 7200);
              case UPLOAD ->
                new JsonObject().put("errcode", 0).put("errmsg", "ok").put("type", "image")
                    .put("media_id", "MEDIA-1").put("created_at", "1735689600");
              default -> new JsonObject().put("errcode", 0).put("errmsg", "ok");
            };
          }
          request.response().putHeader("Content-Type", "application/json; charset=UTF-8").end(answer.encode());
        }))
        .listen(0, "127.0.0.1")
        .map(s -> {
          server = s;
          return this;
        });
  }

  /** The address to configure as {@code wecom.apiUrl}. */
  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** The next call to {@code path} is answered with this errcode. */
  void answer(String path, int errcode, String errmsg) {
    synchronized (scripted) {
      scripted.computeIfAbsent(path, p -> new ArrayDeque<>())
          .add(new JsonObject().put("errcode", errcode).put("errmsg", errmsg));
    }
  }

  List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  Future<Void> close() {
    return server.close();
  }
}
