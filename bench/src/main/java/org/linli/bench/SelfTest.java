package org.linli.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks {@link HttpLoad} against a trivial in-process Vert.x server on 127.0.0.1, so the load
 * generator can be trusted before the real service exists: it parses every body as JSON, checks
 * the text is one of the questions sent (so escaping works, quotes and newlines included) and the
 * Bearer token on the webhook path, and answers after a 1 ms timer.
 *
 * <p>Three runs: the default {@code /api/v1/ask} body (no errors expected), a {@code
 * /webhooks/generic} chat message with the right token (no errors expected), and the same with a
 * wrong token (every request must count as an error).
 */
public final class SelfTest {

  private static final String TOKEN = "self-test-token";

  private SelfTest() {
  }

  /** Runs the three checks; returns true when all pass. */
  public static boolean run(int concurrency, int warmupSeconds, int durationSeconds) throws Exception {
    List<String> questions = new ArrayList<>(EvalQuestions.texts());
    // Texts that only survive with correct JSON escaping.
    questions.add("他说\"居住证\"要带\\什么\n材料\t吗");
    questions.add("control \u0001 char and emoji 🏠");
    Set<String> known = new HashSet<>(questions);
    AtomicLong bad = new AtomicLong();

    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    HttpServer server = vertx.createHttpServer()
        .requestHandler(
            req -> req.body()
                .onSuccess(
                    buf -> {
                      int status = 200;
                      try {
                        JsonObject json = buf.toJsonObject();
                        if (!known.contains(json.getString("text"))) {
                          status = 422;
                        } else if (req.path().equals("/webhooks/generic")) {
                          if (!("Bearer " + TOKEN).equals(req.getHeader("Authorization"))
                              || json.getString("chat") == null) {
                            status = 401;
                          }
                        } else if (!req.path().equals("/api/v1/ask")) {
                          status = 404;
                        }
                      } catch (RuntimeException e) {
                        status = 400;
                      }
                      if (status == 422 || status == 400) {
                        bad.incrementAndGet();
                      }
                      int answer = status;
                      vertx.setTimer(
                          1,
                          t -> req.response()
                              .setStatusCode(answer)
                              .putHeader("Content-Type", "application/json")
                              .end("{\"outcome\":\"ANSWERED\"}"));
                    }))
        .listen(0, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    int port = server.actualPort();
    boolean pass = true;
    try {
      System.out.println("Self-test server on 127.0.0.1:" + port);
      HttpLoad.Options ask = new HttpLoad.Options(port, "/api/v1/ask", "{\"text\":\"%s\"}", Map.of(), concurrency,
          warmupSeconds,
          durationSeconds, 5_000);
      HttpLoad.Result r1 = new HttpLoad(ask, questions).run("self-test /api/v1/ask");
      System.out.println(r1.line());
      pass &= check(r1.completed() > 0 && r1.errors() == 0, "ask: requests answered, no errors");

      String chat = "{\"chat\":\"bench-room\",\"user\":\"resident-1\",\"text\":\"%s\"}";
      HttpLoad.Options hook = new HttpLoad.Options(port, "/webhooks/generic", chat,
          Map.of("Authorization", "Bearer " + TOKEN),
          concurrency, warmupSeconds, durationSeconds, 5_000);
      HttpLoad.Result r2 = new HttpLoad(hook, questions).run("self-test /webhooks/generic");
      System.out.println(r2.line());
      pass &= check(r2.completed() > 0 && r2.errors() == 0, "webhook with token: no errors");

      HttpLoad.Options wrong = new HttpLoad.Options(port, "/webhooks/generic", chat,
          Map.of("Authorization", "Bearer wrong"),
          concurrency, 0, Math.max(1, durationSeconds / 2), 5_000);
      HttpLoad.Result r3 = new HttpLoad(wrong, questions).run("self-test wrong token");
      System.out.println(r3.line());
      pass &= check(r3.completed() > 0 && r3.errors() == r3.completed()
          && r3.errorKinds().keySet().equals(Set.of("HTTP 401")), "wrong token: every request is an error");
      pass &= check(bad.get() == 0, "server saw no malformed body or unknown text (" + bad.get() + ")");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    System.out.println(pass ? "Self-test PASSED" : "Self-test FAILED");
    return pass;
  }

  private static boolean check(boolean ok, String what) {
    System.out.println((ok ? "  ok    " : "  FAIL  ") + what);
    return ok;
  }
}
