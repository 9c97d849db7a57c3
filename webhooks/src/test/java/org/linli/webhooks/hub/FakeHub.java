package org.linli.webhooks.hub;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.linli.webhooks.Eventually;

/**
 * A hub on loopback: a real Vert.x HTTP server that records every request (method, path, headers,
 * the exact body bytes, the form fields as Vert.x decodes them, and the status it answered) and
 * answers from a script, one answer per request, then the last answer again. Shared with the
 * bot's end-to-end tests through this module's test-jar.
 */
public final class FakeHub {

  /** One request as the hub received it, and the status it answered (0: never answered). */
  public record Received(String method, String path, Map<String, String> headers, byte[] body, MultiMap form,
      int answered) {

    /** The Standard Webhooks {@code webhook-id} header. */
    public String webhookId() {
      return headers.get("webhook-id");
    }

    /** The Standard Webhooks {@code webhook-timestamp} header. */
    public String timestamp() {
      return headers.get("webhook-timestamp");
    }

    /** The Standard Webhooks {@code webhook-signature} header. */
    public String signature() {
      return headers.get("webhook-signature");
    }

    /** The body as JSON. */
    public JsonObject json() {
      return new JsonObject(new String(body, StandardCharsets.UTF_8));
    }

    /** The form fields (an Open311 request), the first value of each. */
    public Map<String, String> formFields() {
      Map<String, String> out = new LinkedHashMap<>();
      form.names().forEach(name -> out.put(name, form.get(name)));
      return out;
    }
  }

  /** One scripted answer; status 0 means never answer. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public static Answer of(int status) {
      return new Answer(status, Map.of(), "");
    }

    public static Answer of(int status, String body) {
      return new Answer(status, Map.of("Content-Type", "application/json"), body);
    }
  }

  private static final String EVENTS = "/hub/events";

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Deque<Answer> script = new ArrayDeque<>();
  private Answer fallback;
  private HttpServer server;
  private Vertx own;

  /** A hub that answers 200 until told otherwise; {@link #start} it on a Vert.x of the test's. */
  public FakeHub() {
    this(Answer.of(200));
  }

  private FakeHub(Answer fallback) {
    this.fallback = fallback;
  }

  /**
   * A hub already listening, on a Vert.x of its own that {@link #close} closes, answering 204 (as a
   * Standard Webhooks hub does) until told otherwise; for tests that run the service on another.
   */
  public static FakeHub standalone() {
    FakeHub hub = new FakeHub(Answer.of(204));
    hub.own = Vertx.vertx();
    try {
      hub.start(hub.own).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      hub.own.close();
      throw new IllegalStateException("the fake hub did not start", e);
    }
    return hub;
  }

  public Future<FakeHub> start(Vertx vertx) {
    return vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
        .map(s -> {
          server = s;
          return this;
        });
  }

  /** Answers the next requests with these, in order, and every later one with the last. */
  public synchronized FakeHub answer(Answer... answers) {
    script.clear();
    for (int i = 0; i < answers.length; i++) {
      if (i == answers.length - 1) {
        fallback = answers[i];
      } else {
        script.add(answers[i]);
      }
    }
    return this;
  }

  /** Answers the next requests with these statuses, then as before. */
  public synchronized FakeHub answerNext(Integer... statuses) {
    for (int status : statuses) {
      script.add(Answer.of(status));
    }
    return this;
  }

  /** Answers from now on with 200 and this JSON body (an Open311 hub's receipt). */
  public synchronized FakeHub answerWith(String json) {
    fallback = Answer.of(200, json);
    return this;
  }

  /** Every request so far, in order (a live list). */
  public List<Received> received() {
    return received;
  }

  /** The requests the hub accepted (2xx), by webhook-id → how many times. */
  public Map<String, Long> accepted() {
    Map<String, Long> out = new HashMap<>();
    received.stream().filter(r -> r.answered() >= 200 && r.answered() < 300)
        .forEach(r -> out.merge(r.webhookId(), 1L, Long::sum));
    return out;
  }

  /** Waits (blocking, up to {@code seconds}) until a request matches, and returns it. */
  public Received await(Predicate<Received> test, int seconds) {
    return Eventually.first(() -> received, test, Duration.ofSeconds(seconds), Duration.ofMillis(50),
        () -> "no matching hub request within " + seconds + " s; requests: " + received.size());
  }

  /** The address of {@code path} on this hub. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  /** The address of the hub's event endpoint, {@code /hub/events}. */
  public String url() {
    return url(EVENTS);
  }

  /** Stops listening; a {@link #standalone} hub closes its own Vert.x, which closes its server. */
  public Future<Void> close() {
    return own == null ? server.close() : own.close();
  }

  private synchronized Answer next() {
    return script.isEmpty() ? fallback : script.poll();
  }

  private void handle(HttpServerRequest request) {
    boolean form = String.valueOf(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    request.setExpectMultipart(form);
    request.body().onSuccess(body -> {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
      Answer answer = next();
      received.add(new Received(request.method().name(), request.path(), headers, body.getBytes(),
          MultiMap.caseInsensitiveMultiMap().addAll(request.formAttributes()), answer.status()));
      if (answer.status() == 0) {
        return;
      }
      answer.headers().forEach(request.response()::putHeader);
      request.response().setStatusCode(answer.status()).end(answer.body());
    });
  }
}
