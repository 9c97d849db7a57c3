package org.linli.bot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.kb.Answer;
import org.linli.kb.KnowledgeBase;
import org.linli.kb.embed.Embedder;
import org.linli.kb.search.Calibration;
import org.slf4j.LoggerFactory;

/** A search that fails unexpectedly is answered as not sure, and logged once per kind of failure. */
class KbServiceFailureTest {

  /**
   * The marker that makes {@link FailingEmbedder} fail, as a broken model or index would (Latin
   * letters, as they reach the model: emoji and other symbols are dropped before it).
   */
  private static final String BOOM = "zzboomzz";

  @TempDir
  static Path index;
  private static Vertx vertx;
  private static KbService service;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    KnowledgeBase kb = new KnowledgeBase(null, new FailingEmbedder(), Calibration.shipped().model(true), 3, index);
    service = new KbService(vertx, kb, 1, null);
    service.start().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
    service.knowledgeBase().close();
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void a_search_that_throws_is_answered_as_not_sure_and_counted() throws Exception {
    long before = service.failedSearches();

    Answer answer = service.ask(BOOM + "居住证怎么办").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Answer fine = service.ask("居住证怎么办").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(answer.outcome()).isEqualTo(Answer.Outcome.NOT_SURE);
    assertThat(answer.entry()).isNull();
    assertThat(answer.alternatives()).isEmpty();
    assertThat(answer.intent()).isNotNull();
    assertThat(fine.outcome()).isNotNull();
    assertThat(service.failedSearches()).isEqualTo(before + 1);
  }

  @Test
  void each_kind_of_failure_is_logged_the_first_time_and_then_only_at_powers_of_ten() {
    SearchFailures failures = new SearchFailures(LoggerFactory.getLogger(KbServiceFailureTest.class));
    IllegalStateException one = new IllegalStateException("one");
    ArithmeticException other = new ArithmeticException("other");

    boolean[] logged = new boolean[100];
    IntStream.range(0, 100).forEach(i -> logged[i] = failures.record(one));
    boolean otherLogged = failures.record(other);

    assertThat(IntStream.range(0, 100).filter(i -> logged[i]).map(i -> i + 1).toArray()).containsExactly(1, 10, 100);
    assertThat(otherLogged).isTrue();
    assertThat(failures.total()).isEqualTo(101);
  }

  /** Unit vectors from character codes for the guides; fails on any text with {@link #BOOM}. */
  private static final class FailingEmbedder implements Embedder {

    @Override
    public int dimensions() {
      return 16;
    }

    @Override
    public float[] embed(String text) {
      if (text.contains(BOOM)) {
        throw new IllegalStateException("the embedding model failed");
      }
      float[] v = new float[16];
      text.codePoints().forEach(cp -> v[cp % 16] += 1);
      v[0] += 1;
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      for (int i = 0; i < v.length; i++) {
        v[i] /= (float) Math.sqrt(norm);
      }
      return v;
    }

    @Override
    public String name() {
      return "failing-test-embedder";
    }
  }
}
