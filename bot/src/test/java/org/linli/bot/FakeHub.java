package org.linli.bot;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A help-line hub on loopback (a real HTTP server): records every call — its headers and the
 * exact bytes of its body — and answers with the statuses it is told, then 204.
 */
final class FakeHub implements AutoCloseable {

  /** One call as the hub received it. */
  record Call(String webhookId, String timestamp, String signature, byte[] body, int answered) {
    /** The body as a form (Open311 requests). */
    Map<String, String> form() {
      Map<String, String> out = new java.util.HashMap<>();
      for (String pair : new String(body, java.nio.charset.StandardCharsets.UTF_8).split("&")) {
        String[] kv = pair.split("=", 2);
        out.put(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
            kv.length < 2 ? "" : java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
      }
      return out;
    }

    JsonObject json() {
      return new JsonObject(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
  private volatile String answerBody = "";

  FakeHub() {
    server = RunningService.await(vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> {
          Integer status = answers.poll();
          int answer = status == null ? 204 : status;
          calls.add(new Call(request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
              request.getHeader("webhook-signature"), body.getBytes(), answer));
          if (answerBody.isEmpty()) {
            request.response().setStatusCode(answer).end();
          } else {
            request.response().setStatusCode(answer == 204 ? 200 : answer)
                .putHeader("Content-Type", "application/json").end(answerBody);
          }
        }))
        .listen(0, "127.0.0.1"));
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/hub/events";
  }

  /** Answers the next calls with these statuses (then 204 again). */
  void answerNext(Integer... statuses) {
    answers.addAll(List.of(statuses));
  }

  /** Answers accepted calls with this JSON body (an Open311 hub's receipt). */
  void answerWith(String json) {
    answerBody = json;
  }

  List<Call> calls() {
    return new ArrayList<>(calls);
  }

  /** Calls the hub accepted (2xx), by webhook-id → how many times. */
  Map<String, Long> accepted() {
    Map<String, Long> out = new java.util.HashMap<>();
    calls.stream().filter(c -> c.answered() < 300).forEach(c -> out.merge(c.webhookId(), 1L, Long::sum));
    return out;
  }

  /** Waits until a call matches (up to {@code seconds}). */
  Call await(Predicate<Call> test, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      for (Call c : calls) {
        if (test.test(c)) {
          return c;
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("no matching hub call within " + seconds + " s; calls: " + calls.size());
  }

  @Override
  public void close() {
    RunningService.await(server.close());
    RunningService.await(vertx.close());
  }
}
