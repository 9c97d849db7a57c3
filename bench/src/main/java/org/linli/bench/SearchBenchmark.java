package org.linli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.linli.kb.Answer;
import org.linli.kb.Entry;
import org.linli.kb.EntryLoader;
import org.linli.kb.KnowledgeBase;
import org.linli.kb.embed.BgeSmallZhEmbedder;
import org.linli.kb.embed.Embedder;
import org.linli.kb.eval.EvalQuestion;
import org.linli.kb.search.Calibration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one {@link KnowledgeBase#ask} (intent, analysis, Lucene search, embedding of the
 * question in hybrid mode, ranking and calibrated confidence) on one thread, as JMH sample-time
 * percentiles in milliseconds.
 *
 * <ul>
 *   <li>{@code kb=shipped}: the 46 guides shipped in the knowledge-base jar (the directory named
 *       by {@code -Dlinli.bench.entries=DIR} instead, if set).
 *   <li>{@code kb=synthetic5000}: 5,000 guides (the shipped ones plus short variants, see {@link
 *       SyntheticKb}) written to a temp folder and loaded from there.
 *   <li>{@code mode=lexical}: words only; {@code mode=hybrid}: words and bge-small-zh vectors,
 *       each with its shipped calibrated scoring model, as the service runs them.
 * </ul>
 *
 * Each invocation asks the next evaluation question, round-robin. The trial setup's timings (index
 * build, model load) and a sanity figure (in-scope questions answered with the expected guide) are
 * printed and, when {@code -Dlinli.bench.setupLog=FILE} is set, appended to that file for {@link
 * BenchMain}'s table.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class SearchBenchmark {

  /** Guides in the synthetic knowledge base. */
  public static final int SYNTHETIC_SIZE = 5_000;

  /** Which knowledge base: {@code shipped} or {@code synthetic5000}. */
  @Param({"shipped", "synthetic5000"})
  public String kb;

  /** {@code lexical} (words only) or {@code hybrid} (words and vectors). */
  @Param({"lexical", "hybrid"})
  public String mode;

  private KnowledgeBase base;
  private List<String> questions;
  private Path temp;

  /** Per-thread position in the question list, so threads do not contend on a counter. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  /** Builds the knowledge base for this trial (not measured). */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    boolean hybrid = switch (mode) {
      case "lexical" -> false;
      case "hybrid" -> true;
      default -> throw new IllegalArgumentException("mode must be lexical or hybrid: " + mode);
    };
    temp = Files.createTempDirectory("linli-bench-");
    List<EvalQuestion> eval = EvalQuestions.all();
    questions = eval.stream().map(EvalQuestion::text).toList();

    long t0 = System.nanoTime();
    Path entries;
    switch (kb) {
      case "shipped" -> {
        String dir = System.getProperty("linli.bench.entries");
        entries = dir == null || dir.isBlank() ? null : Path.of(dir);
      }
      case "synthetic5000" -> {
        EntryLoader.Loaded shipped = new EntryLoader().shipped();
        List<Entry> all = SyntheticKb.generate(shipped.entries(), SYNTHETIC_SIZE, SyntheticKb.SEED);
        entries = temp.resolve("entries");
        SyntheticKb.write(all, entries);
      }
      default -> throw new IllegalArgumentException("kb must be shipped or synthetic5000: " + kb);
    }
    long generated = System.nanoTime();

    // One intra-op thread per call, as the service runs the model (the index build batches
    // passages and runs batches on both cores by itself).
    Embedder embedder = hybrid ? BgeSmallZhEmbedder.load(temp, 1) : null;
    long modelLoaded = System.nanoTime();
    base = new KnowledgeBase(entries, embedder, Calibration.shipped().model(hybrid), 3);
    KnowledgeBase.LoadReport report = base.reload();
    long indexed = System.nanoTime();
    if (!report.problems().isEmpty()) {
      throw new IllegalStateException("Guides were skipped: " + report.problems());
    }

    // Sanity figure (also a first warm-up pass): in-scope questions answered with the expected
    // guide or, in the synthetic KB, one of its variants (same text, so equally right).
    int inScope = 0;
    int right = 0;
    for (EvalQuestion q : eval) {
      Answer a = base.ask(q.text());
      if (q.inScope()) {
        inScope++;
        if (a.answered() && (a.entry().id().equals(q.expected()) || a.entry().id().matches(
            Pattern.quote(q.expected()) + "-\\d{4}"))) {
          right++;
        }
      }
    }
    String line = String.format(
        Locale.ROOT,
        "setup kb=%s mode=%s guides=%d generate_ms=%d model_ms=%d index_ms=%d answered_right=%d/%d",
        kb, mode, report.entries(), ms(t0, generated), ms(generated, modelLoaded), ms(modelLoaded, indexed),
        right, inScope);
    System.out.println(line);
    String log = System.getProperty("linli.bench.setupLog");
    if (log != null && !log.isBlank()) {
      Files.writeString(
          Path.of(log), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  /** One question, answered end to end. */
  @Benchmark
  public Answer ask(Cursor cursor) {
    String q = questions.get(cursor.next);
    cursor.next = (cursor.next + 1) % questions.size();
    return base.ask(q);
  }

  /** Closes the index and the model and deletes the temp folder. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (base != null) {
      base.close();
    }
    deleteTree(temp);
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
