package org.linli.bot;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A community app on loopback that receives the generic channel's outbound messages (a real HTTP
 * server) and records every POST body; it can be told to refuse the next calls.
 */
final class FakeChatApp implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private volatile int refuseNext;

  FakeChatApp() {
    server = RunningService.await(vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> {
          if (refuseNext > 0) {
            refuseNext--;
            request.response().setStatusCode(503).end();
            return;
          }
          authorizations.add(String.valueOf(request.getHeader("Authorization")));
          received.add(body.toJsonObject());
          request.response().setStatusCode(200).end("{}");
        }))
        .listen(0, "127.0.0.1"));
  }

  /** The URL to set as {@code LINLI_GENERIC_OUTBOUND_URL}. */
  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/linli/messages";
  }

  /** Answers 503 to the next {@code n} calls. */
  void refuseNext(int n) {
    refuseNext = n;
  }

  List<JsonObject> received() {
    return new ArrayList<>(received);
  }

  List<String> authorizations() {
    return new ArrayList<>(authorizations);
  }

  /** Messages received so far that match. */
  List<JsonObject> matching(Predicate<JsonObject> test) {
    return received.stream().filter(test).toList();
  }

  /** Waits up to {@code seconds} until a message matches; returns it, or throws. */
  JsonObject await(Predicate<JsonObject> test, int seconds) {
    Waits.eventually(() -> !matching(test).isEmpty(), Duration.ofSeconds(seconds),
        () -> "no matching message within " + seconds + " s; received " + received);
    return matching(test).get(0);
  }

  @Override
  public void close() {
    RunningService.await(server.close());
    RunningService.await(vertx.close());
  }
}
