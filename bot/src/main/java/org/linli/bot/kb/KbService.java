package org.linli.bot.kb;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.linli.bot.errors.ServiceUnavailable;
import org.linli.kb.Answer;
import org.linli.kb.KnowledgeBase;
import org.linli.kb.index.Candidate;
import org.linli.kb.intent.Intent;
import org.linli.kb.intent.MessageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base on the Vert.x side: every search, load and reload runs on the named worker
 * pool {@code linli-kb}, never on an event loop. When the guides come from a folder, the folder is
 * polled and re-indexed on change; searches keep using the old index until the new one is ready.
 */
public final class KbService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KbService.class);
  private static final long POLL_MILLIS = 2_000;
  private static final double TOPIC_COVERAGE = 0.5;

  private final Vertx vertx;
  private final KnowledgeBase kb;
  private final WorkerExecutor workers;
  private final Path watched;
  private final SearchFailures failures = new SearchFailures(LOG);
  private final Timer asks;
  private final Map<Answer.Outcome, Counter> outcomes = new EnumMap<>(Answer.Outcome.class);
  private long timer = -1;
  private String fingerprint = "";

  /**
   * @param watched the folder to watch for changes, or null (shipped guides never change)
   */
  public KbService(Vertx vertx, KnowledgeBase kb, int threads, Path watched) {
    this(vertx, kb, threads, watched, new CompositeMeterRegistry());
  }

  /**
   * As above, counting answers by outcome in {@code linli_answers_total} and timing each search
   * (words and the embedding of the question) in {@code linli_kb_ask_seconds}.
   */
  public KbService(Vertx vertx, KnowledgeBase kb, int threads, Path watched, MeterRegistry meters) {
    this.vertx = vertx;
    this.kb = kb;
    this.workers = vertx.createSharedWorkerExecutor("linli-kb", threads);
    this.watched = watched;
    this.asks = Timer.builder("linli_kb_ask").description("Time to answer a question (search and embedding)")
        .register(meters);
    for (Answer.Outcome outcome : Answer.Outcome.values()) {
      outcomes.put(outcome, Counter.builder("linli_answers").description("Questions answered, by outcome")
          .tag("outcome", outcomeLabel(outcome)).register(meters));
    }
  }

  /** answered, declined (not sure), forwarded (offered to the help-line), small_talk. */
  private static String outcomeLabel(Answer.Outcome outcome) {
    return switch (outcome) {
      case ANSWERED -> "answered";
      case NOT_SURE -> "declined";
      case FORWARD -> "forwarded";
      default -> outcome.name().toLowerCase(Locale.ROOT);
    };
  }

  /** Loads the guides (first start) and starts watching the folder. */
  public Future<KnowledgeBase.LoadReport> start() {
    return reload().onSuccess(r -> {
      if (watched != null) {
        workers.executeBlocking(() -> fingerprint(watched), false).onSuccess(f -> fingerprint = f);
        timer = vertx.setPeriodic(POLL_MILLIS, id -> checkForChanges());
      }
    });
  }

  /** Re-reads and re-indexes the guides without interrupting searches. */
  public Future<KnowledgeBase.LoadReport> reload() {
    return workers.executeBlocking(kb::reload, true);
  }

  /**
   * Answers a message. A search that fails unexpectedly is answered as not sure (the resident gets
   * the "not sure" reply and the help-line, never an error); see {@link SearchFailures}.
   */
  public Future<Answer> ask(String text) {
    if (!kb.loaded()) {
      return Future
          .failedFuture(new ServiceUnavailable("The knowledge base is still loading; try again in a few seconds"));
    }
    return workers.executeBlocking(() -> asks.recordCallable(() -> askSafely(text)), false)
        .onSuccess(answer -> outcomes.get(answer.outcome()).increment());
  }

  /** The guides whose words match {@code text}, with their word scores (a search, so on the worker pool). */
  public Future<List<Candidate>> wordCandidates(String text) {
    return workers.executeBlocking(() -> kb.wordCandidates(text), false);
  }

  /**
   * What the guides say {@code text} is about: the category and tags of the guide its words match
   * best, when what that guide is about covers at least half of the text's topic words; blank when
   * no guide does, while the guides load, or when the search fails. The help-line's category guess
   * reads it ({@link org.linli.bot.ticket.CategoryGuesser}).
   */
  public Future<String> topicsOf(String text) {
    if (!kb.loaded()) {
      return Future.succeededFuture("");
    }
    return wordCandidates(text).map(found -> found.stream()
        .max(Comparator.comparingDouble(Candidate::lexical))
        .filter(best -> best.headTopicCoverage() >= TOPIC_COVERAGE)
        .map(best -> kb.entry(best.entryId()))
        .map(entry -> entry == null ? "" : entry.category() + " " + String.join(" ", entry.tags()))
        .orElse("")).otherwise("");
  }

  private Answer askSafely(String text) {
    try {
      return kb.ask(text);
    } catch (RuntimeException | StackOverflowError e) {
      failures.record(e);
      return new Answer(Answer.Outcome.NOT_SURE, null, 0, List.of(), intentOf(text), false);
    }
  }

  private Intent intentOf(String text) {
    try {
      return kb.intent(text);
    } catch (RuntimeException e) {
      return new Intent(MessageKind.QUESTION, false, "search-failed");
    }
  }

  /** How many searches failed unexpectedly since the start (answered as not sure). */
  public long failedSearches() {
    return failures.total();
  }

  /** The knowledge base itself, for reads that do not block (entry lookups, counts). */
  public KnowledgeBase knowledgeBase() {
    return kb;
  }

  private void checkForChanges() {
    workers.executeBlocking(() -> fingerprint(watched), false)
        .onSuccess(current -> {
          if (!current.equals(fingerprint)) {
            fingerprint = current;
            LOG.info("Knowledge base: files changed in {}; re-indexing", watched);
            reload().onFailure(e -> LOG.error("Knowledge base: re-index failed", e));
          }
        });
  }

  static String fingerprint(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        out.append(p).append(':').append(Files.getLastModifiedTime(p).toMillis()).append(':').append(Files.size(p))
            .append('\n');
      }
    }
    return out.toString();
  }

  @Override
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    workers.close();
  }
}
