package org.linli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.linli.kb.Answer;
import org.linli.kb.Entry;
import org.linli.kb.EntryLoader;
import org.linli.kb.KnowledgeBase;
import org.linli.kb.embed.BgeSmallZhEmbedder;
import org.linli.kb.embed.CachedEmbedder;
import org.linli.kb.embed.MicroBatchingEmbedder;
import org.linli.kb.eval.EvalQuestion;
import org.linli.kb.intent.MessageKind;
import org.linli.kb.search.Calibration;

/**
 * Latency of one {@link KnowledgeBase#ask} on one thread over a question set, for one knowledge
 * base in lexical and hybrid mode, set up as the service sets them up: the shipped scoring models,
 * and in hybrid mode the words-only shortcut and the embedder chain of the service (passage cache,
 * micro-batching, bge-small-zh with one intra-op thread). Each call's time is recorded, after a
 * warm-up that cycles through the same set, and the percentiles are exact over those calls.
 *
 * <p>In hybrid mode it also reports how often the shortcut spared the model and whether it costs
 * accuracy: every question the shortcut answers is asked again with the shortcut off, and the two
 * guides compared (in the synthetic KB a variant counts as its shipped guide: they say the same);
 * and the in-scope evaluation questions are scored both ways.
 */
final class AskLatency {

  /** The figures of one (kb, mode). */
  record Figures(String kb, String mode, int guides, double buildSeconds, long calls, double p50, double p90,
      double p99, double max, double mean, double modelShare, int questions, int searched, int shortcut,
      int shortcutDiffers, String evalWith, String evalWithout, String byLength) {

    String line() {
      String base = String.format(Locale.ROOT, "  %-14s %-8s %7.2f %7.2f %7.2f %8.2f %7.2f %7d %7d %8.1f",
          kb, mode, p50, p90, p99, max, mean, calls, guides, buildSeconds);
      if (!mode.equals("hybrid")) {
        return base;
      }
      return base + String.format(Locale.ROOT, "   model %3.0f%% of time, shortcut %d/%d searched (%.0f%%)",
          100 * modelShare, shortcut, searched, searched == 0 ? 0 : 100.0 * shortcut / searched);
    }

    String lengthLine() {
      return String.format(Locale.ROOT, "  %-14s %-8s by length:%s", kb, mode, byLength);
    }

    String shortcutLine() {
      return String.format(Locale.ROOT,
          "  %-14s shortcut check: %d of %d shortcut answers differ from the full hybrid answer;"
              + " eval in-scope right with shortcut %s, without %s",
          kb, shortcutDiffers, shortcut, evalWith, evalWithout);
    }
  }

  private final List<String> questions;
  private final Path vectorCache;
  private final int warmupSeconds;
  private final int measureSeconds;

  /**
   * @param questions the set to cycle through
   * @param vectorCache folder of the passage-vector cache ({@link CachedEmbedder}), kept between
   *     runs so the 5,000-guide index is embedded once; the questions are never cached
   */
  AskLatency(List<String> questions, Path vectorCache, int warmupSeconds, int measureSeconds) {
    this.questions = List.copyOf(questions);
    this.vectorCache = vectorCache;
    this.warmupSeconds = warmupSeconds;
    this.measureSeconds = measureSeconds;
  }

  /** Table header matching {@link Figures#line()}. */
  static String header() {
    return String.format(Locale.ROOT, "  %-14s %-8s %7s %7s %7s %8s %7s %7s %7s %8s",
        "kb", "mode", "p50", "p90", "p99", "max", "mean", "calls", "guides", "build s");
  }

  /** Runs the modes on one knowledge base: {@code shipped} or {@code synthetic5000}. */
  List<Figures> run(String kb, List<String> modes) throws IOException {
    Path temp = Files.createTempDirectory("linli-bench-ask-");
    try {
      Path entries = switch (kb) {
        case "shipped" -> null;
        case "synthetic5000" -> {
          List<Entry> all = SyntheticKb.generate(new EntryLoader().shipped().entries(), SearchBenchmark.SYNTHETIC_SIZE,
              SyntheticKb.SEED);
          Path dir = temp.resolve("entries");
          SyntheticKb.write(all, dir);
          yield dir;
        }
        default -> throw new IllegalArgumentException("--kb takes shipped and/or synthetic5000: " + kb);
      };
      List<Figures> out = new ArrayList<>();
      for (String mode : modes) {
        switch (mode) {
          case "lexical" -> out.add(lexical(kb, entries, temp));
          case "hybrid" -> out.add(hybrid(kb, entries, temp));
          default -> throw new IllegalArgumentException("--modes takes lexical and/or hybrid: " + mode);
        }
      }
      return out;
    } finally {
      SearchBenchmark.deleteTree(temp);
    }
  }

  private Figures lexical(String kb, Path entries, Path temp) {
    long t0 = System.nanoTime();
    try (KnowledgeBase base = new KnowledgeBase(entries, null, Calibration.shipped().lexical(), 3,
        temp.resolve("index-lexical"))) {
      int guides = load(base);
      double build = (System.nanoTime() - t0) / 1e9;
      Timed times = measure(base, () -> {
      });
      return figures(kb, "lexical", guides, build, times, 0, 0, 0, 0, "-", "-");
    }
  }

  private Figures hybrid(String kb, Path entries, Path temp) {
    long t0 = System.nanoTime();
    Calibration calibration = Calibration.shipped();
    TimedEmbedder embedder = new TimedEmbedder(CachedEmbedder.wrap(
        new MicroBatchingEmbedder(BgeSmallZhEmbedder.load(temp, 1), 2, 8), vectorCache));
    try (KnowledgeBase base = new KnowledgeBase(entries, embedder, calibration.hybrid(), 3,
        temp.resolve("index-hybrid"))) {
      base.withShortcut(calibration.shortcut());
      int guides = load(base);
      double build = (System.nanoTime() - t0) / 1e9;

      // Which questions the shortcut settles, and whether the full hybrid search agrees with it.
      int searched = 0;
      int shortcut = 0;
      int differs = 0;
      List<String> settled = new ArrayList<>();
      List<Answer> quick = new ArrayList<>();
      for (String q : questions) {
        MessageKind kind = base.intent(q).kind();
        if (kind == MessageKind.HELP_REQUEST || kind == MessageKind.CHITCHAT) {
          continue;
        }
        searched++;
        long before = embedder.calls();
        Answer a = base.ask(q);
        if (embedder.calls() == before && a.answered()) {
          shortcut++;
          settled.add(q);
          quick.add(a);
        }
      }
      String evalWith = evalRight(base, kb);
      base.withShortcut(null);
      for (int i = 0; i < settled.size(); i++) {
        Answer full = base.ask(settled.get(i));
        String fullGuide = full.answered() ? guide(kb, full.entry().id()) : null;
        if (!Objects.equals(fullGuide, guide(kb, quick.get(i).entry().id()))) {
          differs++;
        }
      }
      String evalWithout = evalRight(base, kb);
      base.withShortcut(calibration.shortcut());

      long[] modelAtStart = new long[1];
      Timed times = measure(base, () -> modelAtStart[0] = embedder.nanos());
      double modelShare = (double) (embedder.nanos() - modelAtStart[0]) / Arrays.stream(times.nanos()).sum();
      return figures(kb, "hybrid", guides, build, times, modelShare, searched, shortcut, differs, evalWith,
          evalWithout);
    }
  }

  private static int load(KnowledgeBase base) {
    KnowledgeBase.LoadReport report = base.reload();
    if (!report.problems().isEmpty()) {
      throw new IllegalStateException("Guides were skipped: " + report.problems());
    }
    return report.entries();
  }

  /** Each timed call: its nanoseconds and the index of its question. */
  private record Timed(long[] nanos, int[] question) {
  }

  /** Warm-up, then {@code atStart}, then the timed calls. */
  private Timed measure(KnowledgeBase base, Runnable atStart) {
    int next = 0;
    long end = System.nanoTime() + warmupSeconds * 1_000_000_000L;
    // At least one full pass, so every question's path is compiled before it is timed.
    for (int done = 0; done < questions.size() || System.nanoTime() < end; done++) {
      base.ask(questions.get(next));
      next = (next + 1) % questions.size();
    }
    atStart.run();
    long[] times = new long[1 << 14];
    int[] asked = new int[times.length];
    int n = 0;
    end = System.nanoTime() + measureSeconds * 1_000_000_000L;
    for (int done = 0; done < questions.size() || System.nanoTime() < end; done++) {
      String q = questions.get(next);
      long t0 = System.nanoTime();
      base.ask(q);
      long t = System.nanoTime() - t0;
      if (n == times.length) {
        times = Arrays.copyOf(times, n * 2);
        asked = Arrays.copyOf(asked, n * 2);
      }
      asked[n] = next;
      times[n++] = t;
      next = (next + 1) % questions.size();
    }
    return new Timed(Arrays.copyOf(times, n), Arrays.copyOf(asked, n));
  }

  /** The shipped guide an answer is, or is a synthetic variant of ({@code id-0123}). */
  private static String guide(String kb, String id) {
    return kb.startsWith("synthetic") ? VARIANT.matcher(id).replaceFirst("") : id;
  }

  private static final Pattern VARIANT = Pattern.compile("-\\d{4}$");

  private static String evalRight(KnowledgeBase base, String kb) {
    int inScope = 0;
    int right = 0;
    for (EvalQuestion q : EvalQuestions.all()) {
      if (!q.inScope()) {
        continue;
      }
      inScope++;
      Answer a = base.ask(q.text());
      if (a.answered() && (a.entry().id().equals(q.expected())
          || kb.startsWith("synthetic") && a.entry().id().matches(Pattern.quote(q.expected()) + "-\\d{4}"))) {
        right++;
      }
    }
    return right + "/" + inScope;
  }

  private Figures figures(String kb, String mode, int guides, double build, Timed times, double modelShare,
      int searched, int shortcut, int differs, String evalWith, String evalWithout) {
    long[] sorted = times.nanos().clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    StringBuilder byLength = new StringBuilder();
    for (int[] range : LENGTHS) {
      long[] part = IntStream.range(0, times.nanos().length)
          .filter(i -> {
            int len = questions.get(times.question()[i]).length();
            return len >= range[0] && len < range[1];
          })
          .mapToLong(i -> times.nanos()[i]).sorted().toArray();
      if (part.length > 0) {
        byLength.append(String.format(Locale.ROOT, "   %s chars: p50 %.2f p99 %.2f (n=%d)",
            range[1] == Integer.MAX_VALUE ? range[0] + "+" : range[0] + "-" + (range[1] - 1), pct(part, 50),
            pct(part, 99), part.length));
      }
    }
    return new Figures(kb, mode, guides, build, sorted.length, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
        sorted[sorted.length - 1] / 1e6, mean, modelShare, questions.size(), searched, shortcut, differs, evalWith,
        evalWithout, byLength.toString());
  }

  /** Question lengths, in chars, the latency is also broken down by: [from, to). */
  private static final int[][] LENGTHS = {{0, 20}, {20, 60}, {60, Integer.MAX_VALUE}};

  /** Nearest-rank percentile, in milliseconds. */
  static double pct(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }
}
