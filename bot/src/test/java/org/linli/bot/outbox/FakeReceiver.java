package org.linli.bot.outbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A community app on loopback that records every request it receives and answers with scripted
 * statuses: the queued ones first, then {@link #otherwise}. Status 0 means "never answer".
 */
final class FakeReceiver {

  /** One request as received, and when (epoch ms). */
  record Request(String method, String path, Map<String, String> headers, JsonObject body, long at) {
    String key() {
      return headers.get("Idempotency-Key");
    }
  }

  final List<Request> requests = new CopyOnWriteArrayList<>();
  final Map<String, AtomicInteger> perKey = new ConcurrentHashMap<>();
  final ConcurrentLinkedDeque<Integer> script = new ConcurrentLinkedDeque<>();
  volatile int otherwise = 200;
  private HttpServer server;

  Future<FakeReceiver> start(Vertx vertx) {
    return vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> {
          Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
          Request r = new Request(request.method().name(), request.path(), headers, body.toJsonObject(),
              System.currentTimeMillis());
          requests.add(r);
          perKey.computeIfAbsent(String.valueOf(r.key()), k -> new AtomicInteger()).incrementAndGet();
          Integer next = script.pollFirst();
          int status = next == null ? otherwise : next;
          if (status != 0) {
            request.response().setStatusCode(status).end();
          }
        }))
        .listen(0, "127.0.0.1")
        .map(s -> {
          server = s;
          return this;
        });
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/app/messages";
  }

  /** Requests that carried {@code key} as Idempotency-Key. */
  List<Request> with(String key) {
    return requests.stream().filter(r -> key.equals(r.key())).toList();
  }
}
