package org.linli.webhooks.hub;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hub on loopback: a real Vert.x HTTP server that records every request (method, path, headers,
 * the exact body bytes, and the form fields as Vert.x decodes them) and answers from a script,
 * one answer per request, the last answer repeating.
 */
final class FakeHub {

  /** One request as the hub received it. */
  record Received(String method, String path, Map<String, String> headers, byte[] body, MultiMap form) {}

  /** One scripted answer; status 0 means never answer. */
  record Answer(int status, Map<String, String> headers, String body) {
    static Answer of(int status) {
      return new Answer(status, Map.of(), "");
    }

    static Answer of(int status, String body) {
      return new Answer(status, Map.of("Content-Type", "application/json"), body);
    }
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Deque<Answer> script = new ArrayDeque<>();
  private Answer last = Answer.of(200);
  private HttpServer server;

  Future<FakeHub> start(Vertx vertx) {
    return vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
        .map(s -> {
          server = s;
          return this;
        });
  }

  synchronized FakeHub answer(Answer... answers) {
    script.clear();
    script.addAll(List.of(answers));
    return this;
  }

  List<Received> received() {
    return received;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  Future<Void> close() {
    return server.close();
  }

  private synchronized Answer next() {
    if (!script.isEmpty()) {
      last = script.poll();
    }
    return last;
  }

  private void handle(HttpServerRequest request) {
    boolean form = String.valueOf(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    request.setExpectMultipart(form);
    request.body().onSuccess(body -> {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
      received.add(new Received(request.method().name(), request.path(), headers, body.getBytes(),
          MultiMap.caseInsensitiveMultiMap().addAll(request.formAttributes())));
      Answer answer = next();
      if (answer.status() == 0) {
        return;
      }
      answer.headers().forEach(request.response()::putHeader);
      request.response().setStatusCode(answer.status()).end(answer.body());
    });
  }
}
