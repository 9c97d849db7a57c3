package org.linli.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
 * this process on loopback. Prints requests/s accepted; tickets accepted/s and delivered/s at
 * saturation (the measured window of the load) and at steady rates (the {@code --ticket-rate},
 * then the saturation intake as measured); and the delivery latency (ticket created → hub
 * received) p50/p99 of each.
 */
final class TicketBenchmark {

  static final String GENERIC = "bench-generic";
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private final HttpLoad.Options options;
  private final Vertx vertx = Vertx.vertx();
  /** Receipt → [created at, arrived at the hub], epoch ms, of every ticket.created the hub got. */
  private final Map<String, long[]> times = new ConcurrentHashMap<>();
  private final int steadyRate;
  private final int steadySeconds;
  private HttpServer hub;

  TicketBenchmark(HttpLoad.Options options) {
    this(options, 100, 30);
  }

  /** @param steadyRate requests per second of the steady run, for {@code steadySeconds} */
  TicketBenchmark(HttpLoad.Options options, int steadyRate, int steadySeconds) {
    this.options = options;
    this.steadyRate = steadyRate;
    this.steadySeconds = steadySeconds;
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
          times.putIfAbsent(data.getString("receipt"), new long[] {created, now});
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
    long loadEnd = System.currentTimeMillis();
    System.out.println(accepted.line());
    drain(120);
    List<String> lines = new ArrayList<>();
    lines.add(accepted.line());
    lines.add(window("at saturation (" + options.concurrency() + " in flight)",
        loadEnd - options.durationSeconds() * 1000L, loadEnd, times.values()));
    lines.add(delivery("  created -> hub, under that load", List.copyOf(times.values())));
    lines.forEach(System.out::println);
    if (accepted.errors() > 0) {
      throw new IllegalStateException("help requests had " + accepted.errors() + " errors: " + accepted.errorKinds());
    }
    // The saturation intake as measured, then a lower steady rate: can deliveries keep up?
    int intake = (int) Math.max(1, Math.floor(accepted.ok() / accepted.seconds()));
    for (int rate : new int[] {steadyRate, intake}) {
      List<String> steady = paced(servicePort, rate, steadySeconds);
      steady.forEach(System.out::println);
      lines.addAll(steady);
    }
    return lines;
  }

  /** Waits until no new ticket reached the hub for 3 s, at most {@code seconds}. */
  private void drain(int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    int seen = -1;
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(3)) {
      if (times.size() != seen) {
        seen = times.size();
        quietSince = System.nanoTime();
      }
      Thread.sleep(100);
    }
  }

  /**
   * Accepted/s (tickets created in [from, to)) and delivered/s (tickets that reached the hub in the
   * same window, whenever created), once every ticket has been delivered. At a steady state the two
   * are equal when deliveries keep up: those delivered in the window were created one latency
   * earlier, at the same rate.
   */
  static String window(String label, long from, long to, Collection<long[]> all) {
    double seconds = (to - from) / 1000.0;
    long created = all.stream().filter(t -> t[0] >= from && t[0] < to).count();
    long delivered = all.stream().filter(t -> t[1] >= from && t[1] < to).count();
    double in = created / seconds;
    double out = delivered / seconds;
    return String.format(Locale.ROOT, "%-34s accepted %7.1f tickets/s  delivered %7.1f tickets/s  (%s, %.0f s window)",
        label, in, out, out >= in ? "delivered >= accepted" : String.format(Locale.ROOT, "delivered %.0f%% of accepted",
            in == 0 ? 0 : 100 * out / in), seconds);
  }

  private static String delivery(String label, List<long[]> tickets) {
    List<Long> all = new ArrayList<>();
    tickets.forEach(t -> all.add(t[1] - t[0]));
    Collections.sort(all);
    return String.format(Locale.ROOT, "%-34s p50 %6d ms  p90 %6d ms  p99 %6d ms  max %6d ms  n=%d tickets at the hub",
        label, percentile(all, 50), percentile(all, 90), percentile(all, 99), all.isEmpty() ? 0 : all.get(all.size() - 1),
        all.size());
  }

  /**
   * A steady rate: {@code perSecond} requests for {@code seconds}, one at a time on a fixed
   * schedule, after the backlog of the load has drained. Accepted/s and delivered/s are counted
   * over the sending window less its first 3 s (so that deliveries of the window's first tickets
   * fall in it too), the latency over every ticket of the run.
   */
  private List<String> paced(int port, int perSecond, int seconds) throws InterruptedException {
    drain(120);
    times.clear();
    WebClient client = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(64));
    int total = perSecond * seconds;
    CountDownLatch answered = new CountDownLatch(total);
    AtomicInteger failures = new AtomicInteger();
    long startMillis = System.currentTimeMillis();
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + i * 1_000_000_000L / perSecond;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      JsonObject body = new JsonObject()
          .put("chat", new JsonObject().put("id", "bench").put("type", "group"))
          .put("from", new JsonObject().put("id", "paced" + perSecond + "-" + i))
          .put("text", "/help 3号楼2单元楼道灯坏了");
      client.post(port, "127.0.0.1", "/webhooks/generic").putHeader("Authorization", "Bearer " + GENERIC)
          .sendJsonObject(body).onComplete(r -> {
            if (r.failed() || r.result().statusCode() != 200) {
              failures.incrementAndGet();
            }
            answered.countDown();
          });
    }
    long sendEnd = System.currentTimeMillis();
    answered.await(60, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (times.size() < total - failures.get() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    client.close();
    String label = "at a steady " + perSecond + "/s for " + seconds + " s";
    List<long[]> run = List.copyOf(times.values());
    return List.of(
        window(label, startMillis + 3000, sendEnd, run) + (failures.get() == 0 ? "" : "  " + failures.get() + " failed"),
        delivery("  created -> hub, at that rate", run) + String.format(Locale.ROOT, " of %d sent", total));
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
