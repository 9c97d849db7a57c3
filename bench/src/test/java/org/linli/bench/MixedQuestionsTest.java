package org.linli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.kb.eval.EvalQuestion;

/** The benchmark's mixed question set and the wrk script that posts it. */
class MixedQuestionsTest {

  private final List<String> questions = MixedQuestions.load(null);

  @Test
  void the_set_is_mixed_like_real_questions_and_owes_nothing_to_the_evaluation_sets() {
    assertThat(questions).hasSizeGreaterThanOrEqualTo(300).doesNotHaveDuplicates();
    assertThat(questions.stream().filter(q -> q.length() >= 60).count()).as("long questions")
        .isGreaterThanOrEqualTo(50);
    assertThat(questions.stream().filter(q -> q.codePoints().anyMatch(c -> c > 0xFFFF)).count())
        .as("emoji outside the BMP").isGreaterThanOrEqualTo(30);
    assertThat(questions).anyMatch(q -> q.contains("\u200d")).as("a ZWJ sequence");
    Set<String> eval = EvalQuestions.all().stream().map(EvalQuestion::text).collect(Collectors.toSet());
    assertThat(questions).noneMatch(eval::contains);
  }

  @Test
  void the_wrk_script_posts_every_question_exactly_as_written(@TempDir Path dir) throws Exception {
    assumeThat(WrkLoad.available()).as("wrk is installed").isTrue();
    Set<String> expected = Set.copyOf(questions);
    Map<String, Boolean> seen = new ConcurrentHashMap<>();
    AtomicInteger wrong = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/api/v1/ask", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      try {
        String text = new JsonObject(body).getString("text");
        if (expected.contains(text) && exchange.getRequestMethod().equals("POST")) {
          seen.put(text, true);
        } else {
          wrong.incrementAndGet();
        }
      } catch (RuntimeException e) {
        wrong.incrementAndGet();
      }
      byte[] out = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    ExecutorService handlers = Executors.newFixedThreadPool(4);
    server.setExecutor(handlers);
    server.start();
    try {
      Path[] files = MixedQuestions.writeForWrk(questions, dir);
      HttpLoad.Options options = new HttpLoad.Options(server.getAddress().getPort(), "/api/v1/ask", "%s", Map.of(), 16,
          0, 3, 5_000);
      HttpLoad.Result result = new WrkLoad(options).runScript("self", files[1], List.of(files[0].toString()));
      assertThat(result.errors()).isZero();
      assertThat(wrong.get()).isZero();
      // Questions go in order, so once more requests than questions were sent, every one arrived.
      assertThat(result.completed()).isGreaterThan(questions.size() + 8L);
      assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      server.stop(0);
      handlers.shutdownNow();
    }
  }
}
