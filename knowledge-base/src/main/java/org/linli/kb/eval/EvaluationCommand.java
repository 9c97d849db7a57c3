package org.linli.kb.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.linli.kb.KnowledgeBase;
import org.linli.kb.embed.BgeSmallZhEmbedder;
import org.linli.kb.embed.Embedder;
import org.linli.kb.intent.Intent;
import org.linli.kb.intent.MessageKind;
import org.linli.kb.search.Calibration;
import org.linli.kb.search.Ranking;
import org.linli.kb.search.ScoringModel;

/**
 * Measures how well the knowledge base answers questions nobody tuned it on, and fits the shipped
 * calibration.
 *
 * <p>Method: k-fold cross-validation over the evaluation set. For each fold the ranking weights,
 * the confidence model and the threshold are fitted on the other folds only, then the held-out
 * fold is answered; every figure printed is over held-out answers. The threshold is the lowest at
 * which the calibration folds decline {@code --decline-target} of out-of-scope questions. {@code --write FILE} then fits
 * on the whole set and writes the calibration the service ships.
 *
 * <pre>
 * java -cp bot/target/linli.jar org.linli.kb.eval.EvaluationCommand [--entries DIR] [--questions DIR]
 *      [--data DIR] [--folds 5] [--mode hybrid|lexical|both] [--decline-target 0.87] [--write FILE] [--verbose]
 * </pre>
 */
public final class EvaluationCommand {

  private static final List<String> KINDS =
      List.of("paraphrase", "colloquial", "traditional", "typo", "chitchat", "offtopic", "personal");

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) {
    Map<String, String> opts = parse(args);
    Path entries = Path.of(opts.getOrDefault("entries", "knowledge-base/entries"));
    Path questionsDir = Path.of(opts.getOrDefault("questions", "knowledge-base/eval"));
    Path data = Path.of(opts.getOrDefault("data", "data"));
    int folds = Integer.parseInt(opts.getOrDefault("folds", "5"));
    String mode = opts.getOrDefault("mode", "both");
    boolean verbose = opts.containsKey("verbose");
    double declineTarget = Double.parseDouble(opts.getOrDefault("decline-target", "0.87"));
    if (!Files.isDirectory(entries) || !Files.isDirectory(questionsDir)) {
      System.err.println("Run from the repository root, or give --entries and --questions.");
      System.exit(2);
    }
    List<EvalQuestion> questions = EvalQuestion.readAll(questionsDir);
    Fitted hybrid = null;
    Fitted lexical = null;
    if (!mode.equals("lexical")) {
      try (Embedder embedder = BgeSmallZhEmbedder.load(data.toAbsolutePath(), 1)) {
        hybrid = run("hybrid (words + bge-small-zh-v1.5 vectors)", entries, embedder, questions, folds, declineTarget, verbose);
      }
    }
    if (!mode.equals("hybrid")) {
      lexical = run("lexical only (words, n-grams, pinyin)", entries, null, questions, folds, declineTarget, verbose);
    }
    if (opts.containsKey("write")) {
      if (hybrid == null || lexical == null) {
        System.err.println("--write needs --mode both");
        System.exit(2);
      }
      Calibration calibration =
          new Calibration(hybrid.model(), lexical.model(), hybrid.shortcut(), questions.size() + " questions, " + LocalDate.now());
      calibration.write(Path.of(opts.get("write")));
      System.out.println("Wrote " + opts.get("write"));
    }
  }

  /** What a run fitted on all questions: the model, and for hybrid runs the words-only shortcut. */
  record Fitted(ScoringModel model, ScoringModel shortcut) {}

  private static Fitted run(
      String label,
      Path entries,
      Embedder embedder,
      List<EvalQuestion> questions,
      int folds,
      double declineTarget,
      boolean verbose) {
    ScoringModel placeholder = Calibrator.untrained();
    boolean semantic = embedder != null;
    try (KnowledgeBase kb = new KnowledgeBase(entries, embedder, placeholder, 3)) {
      KnowledgeBase.LoadReport report = kb.reload();
      Set<String> ids = kb.entries().stream().map(e -> e.id()).collect(Collectors.toSet());
      List<Calibrator.Sample> samples = new ArrayList<>();
      List<Calibrator.Sample> wordSamples = new ArrayList<>();
      List<Intent> intents = new ArrayList<>();
      for (EvalQuestion q : questions) {
        if (q.inScope() && !ids.contains(q.expected())) {
          throw new IllegalArgumentException(q.file() + ":" + q.line() + " expects unknown guide " + q.expected());
        }
        Intent intent = kb.intent(q.text());
        intents.add(intent);
        boolean reaches = intent.kind() == MessageKind.QUESTION;
        samples.add(new Calibrator.Sample(q, reaches ? kb.candidates(q.text()) : List.of(), reaches));
        wordSamples.add(new Calibrator.Sample(q, reaches && semantic ? kb.wordCandidates(q.text()) : List.of(), reaches));
      }
      // Held-out predictions: each question answered by models fitted without its fold.
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < samples.size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, new Random(20261125L));
      boolean[] answered = new boolean[samples.size()];
      boolean[] quick = new boolean[samples.size()];
      String[] top = new String[samples.size()];
      List<Double> thresholds = new ArrayList<>();
      for (int f = 0; f < folds; f++) {
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
          (i % folds == f ? test : train).add(order.get(i));
        }
        Fitted fitted = fit(pick(samples, train), pick(wordSamples, train), semantic, declineTarget);
        thresholds.add(fitted.model().threshold());
        for (int idx : test) {
          Calibrator.Decision d = Calibrator.decide(samples.get(idx), wordSamples.get(idx), fitted.model(), fitted.shortcut());
          answered[idx] = d.answered();
          top[idx] = d.top();
          quick[idx] = d.shortcut();
        }
      }
      Fitted full = fit(samples, wordSamples, semantic, declineTarget);
      print(label, report, samples, intents, answered, top, thresholds, folds, full.model(), verbose);
      if (semantic) {
        int shortcuts = 0;
        int reached = 0;
        for (int i = 0; i < samples.size(); i++) {
          reached += samples.get(i).reachesKb() ? 1 : 0;
          shortcuts += quick[i] ? 1 : 0;
        }
        System.out.printf("answered by words alone, without the embedding model: %d of %d searched (shortcut at %.2f)%n",
            shortcuts, reached, full.shortcut().threshold());
      }
      return full;
    }
  }

  private static Fitted fit(
      List<Calibrator.Sample> samples, List<Calibrator.Sample> wordSamples, boolean semantic, double declineTarget) {
    ScoringModel model = Calibrator.fit(samples, semantic, declineTarget);
    if (!semantic) {
      return new Fitted(model, null);
    }
    ScoringModel words = Calibrator.fit(wordSamples, false, declineTarget);
    return new Fitted(model, words.withThreshold(Calibrator.shortcutThreshold(wordSamples, words)));
  }

  private static List<Calibrator.Sample> pick(List<Calibrator.Sample> all, List<Integer> indices) {
    List<Calibrator.Sample> out = new ArrayList<>(indices.size());
    indices.forEach(i -> out.add(all.get(i)));
    return out;
  }

  private static void print(
      String label,
      KnowledgeBase.LoadReport report,
      List<Calibrator.Sample> samples,
      List<Intent> intents,
      boolean[] answered,
      String[] top,
      List<Double> thresholds,
      int folds,
      ScoringModel full,
      boolean verbose) {
    System.out.println();
    System.out.printf("== %s: %d guides, %d questions, %d-fold cross-validation (figures on held-out folds)%n",
        label, report.entries(), samples.size(), folds);
    System.out.printf("%-12s %5s %10s %10s %10s %10s%n", "kind", "n", "answered✓", "top-1 any", "declined", "forwarded");
    Map<String, int[]> byKind = new LinkedHashMap<>();
    for (String k : KINDS) {
      byKind.put(k, new int[5]);
    }
    for (int i = 0; i < samples.size(); i++) {
      EvalQuestion q = samples.get(i).question();
      int[] c = byKind.computeIfAbsent(q.kind(), k -> new int[5]);
      c[0]++;
      boolean right = q.expected().equals(top[i]);
      if (answered[i] && right) {
        c[1]++;
      }
      if (right) {
        c[2]++;
      }
      if (!answered[i]) {
        c[3]++;
      }
      if (intents.get(i).kind() == MessageKind.HELP_REQUEST) {
        c[4]++;
      }
      if (verbose && (q.inScope() ? !(answered[i] && right) : answered[i])) {
        System.out.printf("  miss [%s] %s -> %s %s (%s)%n", q.kind(), q.text(), answered[i] ? "answered" : "declined",
            top[i], q.expected(), intents.get(i).rule());
      }
    }
    int inN = 0, inOk = 0, outN = 0, outDeclined = 0;
    for (Map.Entry<String, int[]> e : byKind.entrySet()) {
      int[] c = e.getValue();
      if (c[0] == 0) {
        continue;
      }
      System.out.printf("%-12s %5d %10s %10s %10s %10s%n", e.getKey(), c[0], pct(c[1], c[0]), pct(c[2], c[0]),
          pct(c[3], c[0]), pct(c[4], c[0]));
      if (EvalQuestion.IN_SCOPE.contains(e.getKey())) {
        inN += c[0];
        inOk += c[1];
      } else {
        outN += c[0];
        outDeclined += c[3];
      }
    }
    System.out.printf("in-scope top-1 (answered with the right guide): %s of %d%n", pct(inOk, inN), inN);
    System.out.printf("out-of-scope declined (not answered from a guide): %s of %d%n", pct(outDeclined, outN), outN);
    System.out.printf("thresholds fitted per fold: %s; fitted on all: %.2f%n",
        thresholds.stream().map(t -> String.format("%.2f", t)).collect(Collectors.toList()), full.threshold());
  }

  private static String pct(int part, int whole) {
    return whole == 0 ? "-" : String.format("%.1f%%", 100.0 * part / whole);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    Set<String> flags = new TreeSet<>(List.of("verbose"));
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("Unexpected argument " + a);
      }
      String name = a.substring(2);
      if (flags.contains(name)) {
        opts.put(name, "true");
      } else if (i + 1 < args.length) {
        opts.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException(a + " needs a value");
      }
    }
    return opts;
  }
}
