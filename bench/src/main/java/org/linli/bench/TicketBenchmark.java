package org.linli.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests for help, end to end: residents send {@code /help …} to {@code /webhooks/generic}
 * (wrk, or the Java generator), the service stores each ticket, answers with its receipt number,
 * and forwards it through the durable outbox, signed, to a help-line hub — a real HTTP server in
 * this process on loopback. Prints requests/s accepted and the delivery latency (ticket created →
 * hub received) p50/p99 over every ticket of the measured window.
 */
final class TicketBenchmark {

  static final String GENERIC = "bench-generic";
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private final HttpLoad.Options options;
  private final Vertx vertx = Vertx.vertx();
  private final Map<String, Long> latencyMillis = new ConcurrentHashMap<>();
  private HttpServer hub;

  TicketBenchmark(HttpLoad.Options options) {
    this.options = options;
  }

  /** Starts the fake hub; returns its URL for {@code LINLI_HUB_URL}. */
  String startHub() {
    hub = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      long now = System.currentTimeMillis();
      try {
        JsonObject event = body.toJsonObject();
        JsonObject data = event.getJsonObject("data", new JsonObject());
        if ("ticket.created".equals(event.getString("type"))) {
          long created = Instant.parse(data.getString("createdAt")).toEpochMilli();
          latencyMillis.putIfAbsent(data.getString("receipt"), now - created);
        }
        request.response().setStatusCode(204).end();
      } catch (RuntimeException e) {
        request.response().setStatusCode(400).end();
      }
    })).listen(0, "127.0.0.1").await();
    return "http://127.0.0.1:" + hub.actualPort() + "/hub/events";
  }

  /** The environment the service under test needs. */
  Map<String, String> environment(String hubUrl) {
    return Map.of(
        "LINLI_KB_SEMANTIC", "false",
        "LINLI_GENERIC_TOKEN", GENERIC,
        "LINLI_HUB_URL", hubUrl,
        "LINLI_HUB_SECRET", SECRET,
        "LINLI_OUTBOX_POLL_MILLIS", "50");
  }

  /** Runs the load and waits for deliveries; returns the summary lines. */
  List<String> run(int servicePort) throws Exception {
    HttpLoad.Options http = new HttpLoad.Options(servicePort, "/webhooks/generic",
        "{\"chat\":{\"id\":\"bench\",\"type\":\"group\"},\"from\":{\"id\":\"%s\"},\"text\":\"/help 3号楼2单元楼道灯坏了\"}",
        Map.of("Authorization", "Bearer " + GENERIC), options.concurrency(), options.warmupSeconds(),
        options.durationSeconds(), options.timeoutMillis());
    boolean wrk = WrkLoad.available();
    List<String> residents = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      residents.add("r" + i);
    }
    HttpLoad.Result accepted = wrk
        ? new WrkLoad(http).run("help requests via /webhooks/generic (wrk)", 1_000_000)
        : new HttpLoad(http, residents).run("help requests via /webhooks/generic (Java)");
    System.out.println(accepted.line());
    // Wait for the outbox to drain (no new ticket at the hub for 3 s), at most two minutes.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    int seen = -1;
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(3)) {
      if (latencyMillis.size() != seen) {
        seen = latencyMillis.size();
        quietSince = System.nanoTime();
      }
      Thread.sleep(100);
    }
    List<Long> all = new ArrayList<>(latencyMillis.values());
    Collections.sort(all);
    String delivery = String.format(Locale.ROOT,
        "%-34s p50 %6d ms  p90 %6d ms  p99 %6d ms  max %6d ms  n=%d tickets at the hub",
        "created -> hub, under that load", percentile(all, 50), percentile(all, 90), percentile(all, 99),
        all.isEmpty() ? 0 : all.get(all.size() - 1), all.size());
    System.out.println(delivery);
    if (accepted.errors() > 0) {
      throw new IllegalStateException("help requests had " + accepted.errors() + " errors: " + accepted.errorKinds());
    }
    String paced = paced(servicePort, 100, 20);
    System.out.println(paced);
    return List.of(accepted.line(), delivery, paced);
  }

  /**
   * Delivery latency at a steady rate the service keeps up with: {@code perSecond} requests for
   * {@code seconds}, one at a time on a fixed schedule, after the backlog of the load has drained.
   */
  private String paced(int port, int perSecond, int seconds) throws InterruptedException {
    latencyMillis.clear();
    WebClient client = WebClient.create(vertx);
    int total = perSecond * seconds;
    CountDownLatch answered = new CountDownLatch(total);
    AtomicInteger failures = new AtomicInteger();
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + i * 1_000_000_000L / perSecond;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      JsonObject body = new JsonObject()
          .put("chat", new JsonObject().put("id", "bench").put("type", "group"))
          .put("from", new JsonObject().put("id", "paced" + i))
          .put("text", "/help 3号楼2单元楼道灯坏了");
      client.post(port, "127.0.0.1", "/webhooks/generic").putHeader("Authorization", "Bearer " + GENERIC)
          .sendJsonObject(body).onComplete(r -> {
            if (r.failed() || r.result().statusCode() != 200) {
              failures.incrementAndGet();
            }
            answered.countDown();
          });
    }
    answered.await(60, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (latencyMillis.size() < total - failures.get() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    client.close();
    List<Long> all = new ArrayList<>(latencyMillis.values());
    Collections.sort(all);
    return String.format(Locale.ROOT,
        "%-34s p50 %6d ms  p90 %6d ms  p99 %6d ms  max %6d ms  n=%d of %d (%d/s for %d s, %d failed)",
        "  same, at a steady " + perSecond + "/s", percentile(all, 50), percentile(all, 90), percentile(all, 99),
        all.isEmpty() ? 0 : all.get(all.size() - 1), all.size(), total, perSecond, seconds, failures.get());
  }

  private static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  void close() {
    if (hub != null) {
      hub.close().await();
    }
    vertx.close().await();
  }
}
