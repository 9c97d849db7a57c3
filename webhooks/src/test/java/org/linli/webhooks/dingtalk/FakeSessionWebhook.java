package org.linli.webhooks.dingtalk;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * DingTalk's session webhook on loopback: a real Vert.x HTTP server recording each message posted
 * to it and answering from a script (one answer per request, the last repeating; by default
 * DingTalk's {@code {"errcode":0,"errmsg":"ok"}}).
 */
public final class FakeSessionWebhook {

  /** One scripted answer. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public static Answer ok() {
      return errcode(0);
    }

    public static Answer errcode(int code) {
      return new Answer(200, Map.of("Content-Type", "application/json"),
          "{\"errcode\":" + code + ",\"errmsg\":\"" + (code == 0 ? "ok" : "refused") + "\"}");
    }
  }

  private final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final Deque<Answer> script = new ArrayDeque<>();
  private Answer last = Answer.ok();
  private HttpServer server;

  public Future<FakeSessionWebhook> start(Vertx vertx) {
    return vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1").map(s -> {
      server = s;
      return this;
    });
  }

  public synchronized void answer(Answer... answers) {
    script.clear();
    script.addAll(List.of(answers));
  }

  public List<JsonObject> received() {
    return received;
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/robot/sendBySession?session=s3ss10n";
  }

  private synchronized Answer next() {
    if (!script.isEmpty()) {
      last = script.poll();
    }
    return last;
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      if (request.path().equals("/robot/sendBySession") && "s3ss10n".equals(request.getParam("session"))) {
        received.add(body.toJsonObject());
      }
      Answer answer = next();
      answer.headers().forEach(request.response()::putHeader);
      request.response().setStatusCode(answer.status()).end(answer.body());
    });
  }
}
