package org.linli.kb.eval;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.linli.kb.KnowledgeBase;
import org.linli.kb.embed.BgeSmallZhEmbedder;
import org.linli.kb.embed.Embedder;
import org.linli.kb.search.Calibration;
import org.linli.kb.search.Calibrator;
import org.linli.kb.search.Sample;
import org.linli.kb.search.ScoringModel;

/**
 * Measures how well the knowledge base answers questions nobody tuned it on, and fits the shipped
 * calibration. Every figure is on questions the model being measured was not fitted on:
 *
 * <ul>
 *   <li><b>within</b> a knowledge base: k-fold cross-validation over its questions;
 *   <li><b>cross</b>-KB (the headline): fitted on one knowledge base's questions, threshold chosen
 *       there, reported on the other's: what a new office gets from the shipped calibration;
 *   <li><b>left-out</b> KB (with three sets or more): fitted on every set but one, reported on that one;
 *   <li>the <b>shipped calibration</b> as it ships, reported on each set (in-sample on the sets it was
 *       fitted on, which the row says);
 *   <li><b>self</b>-calibrated: fitted on a knowledge base's own guides only (held-out alternative
 *       questions, generated near-topic variants, the other set's out-of-scope questions), reported
 *       on its labelled questions: what an office gets that brings guides but no questions.
 * </ul>
 *
 * <p>One setting per direction: the threshold is the lowest at which the fitting questions decline
 * {@code --decline-target} of their out-of-scope questions with at most {@code --max-wrong} of
 * them answered wrongly; the reported set is never looked at. {@code --write FILE} fits on every
 * set together and writes the calibration the service ships.
 *
 * <pre>
 * java -cp bot/target/linli.jar org.linli.kb.eval.EvaluationCommand
 *      [--sets shipped=knowledge-base/entries:knowledge-base/eval,second=DIR:DIR,third=DIR:DIR] [--data DIR]
 *      [--folds 5] [--mode hybrid|lexical|both] [--decline-target 0.9] [--max-wrong 0.02]
 *      [--self yes|no] [--write FILE] [--verbose]
 * </pre>
 */
public final class EvaluationCommand {

  private static final String DEFAULT_SETS = "shipped=knowledge-base/entries:knowledge-base/eval,second=knowledge-base/eval/second/entries:knowledge-base/eval/second,"
      + "third=knowledge-base/eval/third/entries:knowledge-base/eval/third";

  private final PrintStream out;
  private final int folds;
  private final double declineTarget;
  private final double maxWrong;
  private final boolean verbose;
  private final boolean self;
  private Path dump;
  private boolean intentsPrinted;
  /**
   * Per set, the samples made from its guides (see {@code KnowledgeBase.selfSamples}), with the
   * other sets' off-scope questions: the held-out alternative questions among them are direct
   * questions (居住证怎么办) that written question sets under-represent, added to every fit on
   * that set; all of them are the self-calibration rows' fitting set.
   */
  private final Map<String, KnowledgeBase.SelfSamples> guideSamples = new LinkedHashMap<>();
  private final List<String> summary = new ArrayList<>();

  private EvaluationCommand(
      PrintStream out, int folds, double declineTarget, double maxWrong, boolean verbose, boolean self) {
    this.out = out;
    this.self = self;
    this.folds = folds;
    this.declineTarget = declineTarget;
    this.maxWrong = maxWrong;
    this.verbose = verbose;
  }

  /** A knowledge base with its question set. */
  record QuestionSet(String name, Path entries, Path questions) {
  }

  /** What a fit produced: the model, and for hybrid runs the words-only shortcut. */
  record Fitted(ScoringModel model, ScoringModel shortcut) {
  }

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) {
    run(args, System.out);
  }

  /** Runs the evaluation with these arguments, printing to {@code out}. */
  static void run(String[] args, PrintStream out) {
    Map<String, String> opts = parse(args);
    List<QuestionSet> sets = sets(opts.getOrDefault("sets", DEFAULT_SETS));
    Path data = Path.of(opts.getOrDefault("data", "data"));
    String mode = opts.getOrDefault("mode", "both");
    EvaluationCommand command = new EvaluationCommand(
        out,
        Integer.parseInt(opts.getOrDefault("folds", "5")),
        Double.parseDouble(opts.getOrDefault("decline-target", "0.9")),
        Double.parseDouble(opts.getOrDefault("max-wrong", "0.02")),
        opts.containsKey("verbose"),
        !opts.getOrDefault("self", "yes").equals("no"));
    command.dump = opts.containsKey("dump") ? Path.of(opts.get("dump")) : null;
    Fitted hybrid = null;
    Fitted lexical = null;
    if (!mode.equals("lexical")) {
      try (Embedder embedder = BgeSmallZhEmbedder.load(data.toAbsolutePath(), 1)) {
        hybrid = command.run("hybrid", sets, embedder);
      }
    }
    if (!mode.equals("hybrid")) {
      lexical = command.run("lexical", sets, null);
    }
    command.out.println();
    command.out.println("== summary (in-scope top-1 | out-of-scope declined | confidently wrong | emergency recall)");
    command.summary.forEach(command.out::println);
    if (opts.containsKey("write")) {
      if (hybrid == null || lexical == null) {
        System.err.println("--write needs --mode both");
        System.exit(2);
      }
      String fittedOn = sets.stream().map(QuestionSet::name).toList() + ", " + LocalDate.now();
      new Calibration(hybrid.model(), lexical.model(), hybrid.shortcut(), fittedOn).write(Path.of(opts.get("write")));
      command.out.println("Wrote " + opts.get("write"));
    }
  }

  private Fitted run(String mode, List<QuestionSet> sets, Embedder embedder) {
    Map<String, Evidence> evidence = new LinkedHashMap<>();
    Map<String, KnowledgeBase> kbs = new LinkedHashMap<>();
    try {
      for (QuestionSet set : sets) {
        KnowledgeBase kb = new KnowledgeBase(set.entries(), embedder, Calibrator.untrained(), 3);
        kbs.put(set.name(), kb);
        kb.reload();
        evidence.put(set.name(), Evidence.collect(set.name(), kb, EvalQuestion.readAll(set.questions())));
      }
      for (Evidence e : evidence.values()) {
        List<String> offScope = new ArrayList<>();
        evidence.values().stream().filter(o -> o != e).forEach(o -> offScope.addAll(o.outOfScopeTexts()));
        guideSamples.put(e.name(), kbs.get(e.name()).selfSamples(offScope));
      }
      for (Evidence e : evidence.values()) {
        within(mode, e, kbs.get(e.name()).entries().size());
      }
      if (dump != null) {
        Dump.write(dump.resolve(mode + ".tsv"), evidence.values(), this::fit, guideSamples);
      }
      for (Evidence from : evidence.values()) {
        Fitted fitted = fitWithGuides(from, from.full(), from.words());
        for (Evidence to : evidence.values()) {
          if (to != from) {
            report(mode + " cross-KB: fitted on " + from.name() + ", reported on " + to.name()
                + String.format(" (threshold %.2f)", fitted.model().threshold()), to, fitted);
          }
        }
      }
      if (evidence.size() > 2) {
        for (Evidence to : evidence.values()) {
          leftOut(mode, evidence, to);
        }
      }
      Calibration shipped = Calibration.shipped();
      ScoringModel shippedModel = shipped.model(embedder != null);
      ScoringModel shippedShortcut = embedder != null ? shipped.shortcut() : null;
      for (Evidence to : evidence.values()) {
        String fittedOn = " (fitted on " + shipped.fittedOn()
            + (shipped.fittedOn().contains(to.name()) ? ", fitted on these questions too" : "");
        report(mode + " the shipped calibration, reported on " + to.name() + fittedOn
            + String.format("; threshold %.2f)", shippedModel.threshold()), to,
            new Fitted(shippedModel, shippedShortcut));
        if (self) {
          double threshold = kbs.get(to.name()).selfCalibratedThreshold(shippedModel);
          report(mode + " the shipped calibration, threshold from " + to.name()
              + "'s own guides as LINLI_KB_SELF_CALIBRATE chooses it, reported on " + to.name() + fittedOn
              + String.format("; threshold %.2f)", threshold), to,
              new Fitted(shippedModel.withThreshold(threshold), shippedShortcut));
        }
      }
      for (Evidence to : self ? evidence.values() : List.<Evidence>of()) {
        KnowledgeBase.SelfSamples self = guideSamples.get(to.name());
        Fitted fitted = fit(self.full(), self.words());
        report(mode + " self-calibrated on " + to.name() + "'s guides (" + self.full().size()
            + " generated samples, no labels), reported on " + to.name()
            + String.format(" (threshold %.2f)", fitted.model().threshold()), to, fitted);
        List<Sample> full = new ArrayList<>(self.full());
        List<Sample> words = new ArrayList<>(self.words());
        evidence.values().stream().filter(e -> e != to).forEach(e -> {
          full.addAll(e.full());
          words.addAll(e.words());
        });
        Fitted both = fit(full, words);
        report(mode + " other sets' labels + self-calibration on " + to.name() + "'s guides, reported on "
            + to.name() + String.format(" (threshold %.2f)", both.model().threshold()), to, both);
        Fitted others = fit(full.subList(self.full().size(), full.size()),
            words.subList(self.full().size(), full.size()));
        double threshold = Calibrator.threshold(self.real(), others.model(), declineTarget, maxWrong);
        Fitted tuned = new Fitted(others.model().withThreshold(threshold), others.shortcut());
        report(mode + " other sets' model, threshold from " + to.name() + "'s own guides, reported on " + to.name()
            + String.format(" (threshold %.2f)", threshold), to, tuned);
      }
      if (!intentsPrinted) {
        evidence.values().forEach(e -> Table.printIntents(out, e));
        intentsPrinted = true;
      }
      List<Sample> labelledFull = new ArrayList<>();
      List<Sample> labelledWords = new ArrayList<>();
      List<Sample> allFull = new ArrayList<>();
      List<Sample> allWords = new ArrayList<>();
      evidence.values().forEach(e -> {
        labelledFull.addAll(e.full());
        labelledWords.addAll(e.words());
        allFull.addAll(guideSamples.get(e.name()).heldOut());
        allWords.addAll(guideSamples.get(e.name()).heldOutWords());
      });
      allFull.addAll(labelledFull);
      allWords.addAll(labelledWords);
      return fit(allFull, allWords, labelledFull, labelledWords);
    } finally {
      kbs.values().forEach(KnowledgeBase::close);
    }
  }

  private void within(String mode, Evidence e, int guides) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < e.full().size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(20261125L));
    Calibrator.Decision[] decisions = new Calibrator.Decision[order.size()];
    List<String> thresholds = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      List<Integer> train = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int i = 0; i < order.size(); i++) {
        (i % folds == f ? test : train).add(order.get(i));
      }
      Fitted fitted = fitWithGuides(e, Evidence.pick(e.full(), train), Evidence.pick(e.words(), train));
      thresholds.add(String.format("%.2f", fitted.model().threshold()));
      for (int idx : test) {
        decisions[idx] = Calibrator.decide(e.full().get(idx), e.words().get(idx), fitted.model(), fitted.shortcut());
      }
    }
    Table.Figures figures = Table.print(out, mode + " within " + e.name() + ": " + guides + " guides, " + folds
        + "-fold cross-validation, thresholds per fold " + thresholds, e, decisions, verbose);
    summary.add(line(mode + " within " + e.name(), figures));
    printShortcut(decisions);
  }

  /**
   * Fitted on every set but {@code to} (their questions and their guides' held-out alternative
   * questions, the threshold chosen on their questions), reported on {@code to}: with three or more
   * sets, the closest this command comes to the shipped calibration meeting a new office.
   */
  private void leftOut(String mode, Map<String, Evidence> evidence, Evidence to) {
    List<Sample> full = new ArrayList<>();
    List<Sample> words = new ArrayList<>();
    List<Sample> operatingFull = new ArrayList<>();
    List<Sample> operatingWords = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Evidence from : evidence.values()) {
      if (from != to) {
        names.add(from.name());
        operatingFull.addAll(from.full());
        operatingWords.addAll(from.words());
        full.addAll(guideSamples.get(from.name()).heldOut());
        words.addAll(guideSamples.get(from.name()).heldOutWords());
      }
    }
    full.addAll(operatingFull);
    words.addAll(operatingWords);
    Fitted fitted = fit(full, words, operatingFull, operatingWords);
    report(mode + " left-out KB: fitted on " + String.join(" + ", names) + ", reported on " + to.name()
        + String.format(" (threshold %.2f)", fitted.model().threshold()), to, fitted);
  }

  private void report(String title, Evidence to, Fitted fitted) {
    Calibrator.Decision[] decisions = new Calibrator.Decision[to.full().size()];
    for (int i = 0; i < decisions.length; i++) {
      decisions[i] = Calibrator.decide(to.full().get(i), to.words().get(i), fitted.model(), fitted.shortcut());
    }
    Table.Figures figures = Table.print(out, title, to, decisions, verbose);
    summary.add(line(title.replaceAll(" \\(.*", ""), figures));
    printShortcut(decisions);
  }

  private void printShortcut(Calibrator.Decision[] decisions) {
    long quick = Arrays.stream(decisions).filter(Calibrator.Decision::shortcut).count();
    if (quick > 0) {
      out.printf("answered by words alone (the shortcut, no embedding): %d of %d%n", quick, decisions.length);
    }
  }

  private Fitted fitWithGuides(Evidence set, List<Sample> full, List<Sample> words) {
    KnowledgeBase.SelfSamples guides = guideSamples.get(set.name());
    List<Sample> f = new ArrayList<>(full);
    List<Sample> w = new ArrayList<>(words);
    f.addAll(guides.heldOut());
    w.addAll(guides.heldOutWords());
    return fit(f, w, full, words);
  }

  private Fitted fit(List<Sample> full, List<Sample> words) {
    return fit(full, words, full, words);
  }

  /** Fitted on {@code full}/{@code words}; thresholds chosen on {@code operatingFull}/{@code operatingWords}. */
  private Fitted fit(
      List<Sample> full, List<Sample> words, List<Sample> operatingFull, List<Sample> operatingWords) {
    ScoringModel model = Calibrator.fit(full, operatingFull, declineTarget, maxWrong);
    boolean semantic = words.stream().anyMatch(Sample::searched);
    if (!semantic) {
      return new Fitted(model, null);
    }
    ScoringModel wordsOnly = Calibrator.fit(words, operatingWords, declineTarget, maxWrong);
    return new Fitted(model, wordsOnly.withThreshold(Calibrator.shortcutThreshold(operatingWords, wordsOnly)));
  }

  private static String line(String label, Table.Figures f) {
    return String.format("%-62s %6s | %6s | %6s | %6s", label, pct(f.inScopeTop1()), pct(f.declined()),
        pct(f.confidentlyWrong()), pct(f.emergencyRecall()));
  }

  private static String pct(double share) {
    return Double.isNaN(share) ? "-" : String.format("%.1f%%", 100 * share);
  }

  private static List<QuestionSet> sets(String spec) {
    List<QuestionSet> sets = new ArrayList<>();
    for (String one : spec.split(",")) {
      String[] nameDirs = one.split("=", 2);
      String[] dirs = nameDirs[1].split(":", 2);
      QuestionSet set = new QuestionSet(nameDirs[0], Path.of(dirs[0]), Path.of(dirs[1]));
      if (!Files.isDirectory(set.entries()) || !Files.isDirectory(set.questions())) {
        System.err.println("No guides or questions at " + one + ": run from the repository root, or give --sets.");
        System.exit(2);
      }
      sets.add(set);
    }
    return sets;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("Unexpected argument " + a);
      }
      String name = a.substring(2);
      if (name.equals("verbose")) {
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
