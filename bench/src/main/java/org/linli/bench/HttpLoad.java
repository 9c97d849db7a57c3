package org.linli.bench;

import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator: {@code concurrency} virtual clients each POST a JSON body to
 * {@code http://127.0.0.1:port/path}, and send the next one as soon as the answer arrives. After
 * a warm-up (not counted), every request that completes inside the measurement window counts:
 * requests/s = completions / window, latency percentiles over those completions, errors = non-2xx
 * answers, timeouts and connection failures.
 *
 * <p>The body is a template whose {@code %s} is replaced by the next evaluation question,
 * JSON-escaped (round-robin), so the default posts {@code {"text": "..."}} to {@code /api/v1/ask};
 * another path, template and headers post e.g. chat messages to {@code /webhooks/generic} with a
 * Bearer token. Only 127.0.0.1 is ever targeted.
 *
 * <p>The client runs on one Vert.x event loop with a pool of {@code concurrency} keep-alive
 * HTTP/1.1 connections. On a small machine it shares the CPU with the service under test, which
 * the figures include.
 */
public final class HttpLoad {

  /** What to send and for how long. */
  public record Options(
      int port,
      String path,
      String bodyTemplate,
      Map<String, String> headers,
      int concurrency,
      int warmupSeconds,
      int durationSeconds,
      int timeoutMillis) {

    /**
     * Defaults: 64 in flight, 20 s warm-up (the JIT needs that long to compile the search path;
     * with 5 s the lexical figure is a third lower), 15 s measured, {@code {"text":"%s"}} to
     * /api/v1/ask.
     */
    public static Options defaults(int port) {
      return new Options(port, "/api/v1/ask", "{\"text\":\"%s\"}", Map.of(), 64, 20, 15, 10_000);
    }

    /** A copy aimed at another port. */
    public Options withPort(int p) {
      return new Options(p, path, bodyTemplate, headers, concurrency, warmupSeconds, durationSeconds, timeoutMillis);
    }

    public Options {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with '/': " + path);
      }
      if (!bodyTemplate.contains("%s")) {
        throw new IllegalArgumentException("the body template needs a %s for the question text");
      }
      if (concurrency < 1 || durationSeconds < 1 || warmupSeconds < 0) {
        throw new IllegalArgumentException("concurrency and duration must be positive");
      }
      headers = Map.copyOf(new LinkedHashMap<>(headers));
    }
  }

  /**
   * The measured figures.
   *
   * @param label what was measured (for the summary)
   * @param completed requests answered (any status) inside the window
   * @param ok of which 2xx
   * @param errors non-2xx answers, timeouts and connection failures inside the window
   * @param errorKinds errors by status code or exception
   * @param seconds length of the window
   * @param p50 median latency, ms
   * @param p90 90th percentile, ms
   * @param p99 99th percentile, ms
   * @param max slowest, ms
   * @param warmupRequests requests completed during the warm-up (not counted)
   */
  public record Result(
      String label,
      long completed,
      long ok,
      long errors,
      Map<String, Long> errorKinds,
      double seconds,
      double p50,
      double p90,
      double p99,
      double max,
      long warmupRequests) {

    /** Completed requests per second (errors included: they also took a round trip). */
    public double requestsPerSecond() {
      return completed / seconds;
    }

    /** One line for the console and the summary. */
    public String line() {
      return String.format(
          Locale.ROOT,
          "%-34s %8.1f req/s  p50 %8.2f ms  p90 %8.2f ms  p99 %8.2f ms  max %8.2f ms  n=%d  errors=%d%s",
          label, requestsPerSecond(), p50, p90, p99, max, completed, errors, errors == 0 ? "" : " " + errorKinds);
    }
  }

  private final Options options;
  private final List<String> questions;

  /**
   * @param options what to send
   * @param questions texts cycled through, one per request
   */
  public HttpLoad(Options options, List<String> questions) {
    if (questions.isEmpty()) {
      throw new IllegalArgumentException("no questions");
    }
    this.options = options;
    this.questions = List.copyOf(questions);
  }

  /** The request body for one question text. */
  public static String body(String template, String text) {
    return template.replace("%s", Json.escape(text));
  }

  /** Runs the warm-up and the measurement; blocks until done. */
  public Result run(String label) throws InterruptedException {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    try {
      WebClient client = WebClient.create(
          vertx,
          new WebClientOptions()
              .setDefaultHost("127.0.0.1")
              .setDefaultPort(options.port())
              .setKeepAlive(true)
              .setConnectTimeout(5_000)
              .setUserAgent("linli-bench"),
          new PoolOptions().setHttp1MaxSize(options.concurrency()).setMaxWaitQueueSize(-1));
      Run run = new Run(client);
      return run.go(label);
    } finally {
      CountDownLatch closed = new CountDownLatch(1);
      vertx.close().onComplete(ar -> closed.countDown());
      closed.await(10, TimeUnit.SECONDS);
    }
  }

  /** The state of one run. */
  private final class Run {
    private final WebClient client;
    private final AtomicInteger cursor = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong warmupCount = new AtomicLong();
    private final CountDownLatch drained = new CountDownLatch(1);
    private final Map<String, Long> errorKinds = new TreeMap<>();
    private long[] latencies = new long[1 << 16];
    private int count;
    private long ok;
    private long errors;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean stopping;

    Run(WebClient client) {
      this.client = client;
    }

    Result go(String label) throws InterruptedException {
      long start = System.nanoTime();
      windowStart = start + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
      windowEnd = windowStart + TimeUnit.SECONDS.toNanos(options.durationSeconds());
      for (int i = 0; i < options.concurrency(); i++) {
        inFlight.incrementAndGet();
        send();
      }
      long sleep = windowEnd - System.nanoTime();
      if (sleep > 0) {
        TimeUnit.NANOSECONDS.sleep(sleep);
      }
      stopping = true;
      // Requests still in flight finish outside the window and are not counted; wait for them so
      // the next run starts on a quiet service.
      drained.await(options.timeoutMillis() + 2_000L, TimeUnit.MILLISECONDS);
      synchronized (this) {
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        double seconds = options.durationSeconds();
        return new Result(
            label, count, ok, errors, new LinkedHashMap<>(errorKinds), seconds,
            percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), percentile(sorted, 100),
            warmupCount.get());
      }
    }

    private void send() {
      if (stopping) {
        if (inFlight.decrementAndGet() == 0) {
          drained.countDown();
        }
        return;
      }
      String text = questions.get(Math.floorMod(cursor.getAndIncrement(), questions.size()));
      HttpRequest<Buffer> request = client.post(options.path()).timeout(options.timeoutMillis());
      request.putHeader("Content-Type", "application/json; charset=utf-8");
      options.headers().forEach(request::putHeader);
      long sent = System.nanoTime();
      request.sendBuffer(Buffer.buffer(body(options.bodyTemplate(), text)))
          .onComplete(ar -> {
            record(sent, System.nanoTime(), ar);
            send();
          });
    }

    private void record(long sent, long done, AsyncResult<HttpResponse<Buffer>> ar) {
      if (done < windowStart) {
        warmupCount.incrementAndGet();
        return;
      }
      if (done >= windowEnd) {
        return;
      }
      String error = null;
      if (ar.failed()) {
        error = ar.cause().getClass().getSimpleName();
      } else if (ar.result().statusCode() / 100 != 2) {
        error = "HTTP " + ar.result().statusCode();
      }
      synchronized (this) {
        if (count == latencies.length) {
          latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = done - sent;
        if (error == null) {
          ok++;
        } else {
          errors++;
          errorKinds.merge(error, 1L, Long::sum);
        }
      }
    }
  }

  /** Nearest-rank percentile of sorted nanosecond values, in milliseconds; NaN when empty. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  /** Parses {@code "Name: value"}. */
  static Map.Entry<String, String> header(String spec) {
    int colon = spec.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("a header is 'Name: value': " + spec);
    }
    return Map.entry(spec.substring(0, colon).strip(), spec.substring(colon + 1).strip());
  }

  /** Lists the headers for printing, hiding credentials. */
  static List<String> describeHeaders(Map<String, String> headers) {
    List<String> out = new ArrayList<>();
    headers.forEach(
        (k, v) -> out.add(k + ": " + (k.equalsIgnoreCase("Authorization") ? v.split(" ")[0] + " ***" : v)));
    return out;
  }
}
