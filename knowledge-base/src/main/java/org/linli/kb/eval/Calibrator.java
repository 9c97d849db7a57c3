package org.linli.kb.eval;

import java.util.ArrayList;
import java.util.List;
import org.linli.kb.index.Candidate;
import org.linli.kb.search.Ranking;
import org.linli.kb.search.ScoringModel;

/**
 * Fits a {@link ScoringModel} on labelled questions: first the ranker (a logistic "right guide?"
 * over every candidate of the in-scope questions), then the logistic confidence (is the top guide
 * right?),
 * then the lowest threshold that still declines a target share of out-of-scope questions.
 */
final class Calibrator {

  /** A question as seen by the scorer: its candidates and the expected guide (null: decline). */
  record Sample(EvalQuestion question, List<Candidate> candidates, boolean reachesKb) {}

  static ScoringModel fit(List<Sample> samples, boolean semantic, double declineTarget) {
    // 1. The ranker: every candidate of every in-scope question, labelled right or wrong guide.
    List<double[]> rx = new ArrayList<>();
    List<Boolean> ry = new ArrayList<>();
    for (Sample s : samples) {
      if (!s.question().inScope() || !s.reachesKb() || s.candidates().isEmpty()) {
        continue;
      }
      double bestDense = s.candidates().stream().mapToDouble(Candidate::dense).max().orElse(0);
      for (Candidate c : s.candidates()) {
        rx.add(ScoringModel.rankFeatures(c, bestDense));
        ry.add(c.entryId().equals(s.question().expected()));
      }
    }
    ScoringModel.LinearModel ranker = linear(LogisticFit.fit(rx.toArray(new double[0][]), labels(ry), 0.01, 1500));
    ScoringModel ranking = new ScoringModel(ranker, placeholderConfidence(), 0.5);

    // 2. The confidence: is the top guide of this question the right one?
    List<double[]> xs = new ArrayList<>();
    List<Boolean> ys = new ArrayList<>();
    for (Sample s : samples) {
      if (!s.reachesKb() || s.candidates().isEmpty()) {
        continue;
      }
      Ranking r = Ranking.of(s.candidates(), ranking);
      xs.add(r.features());
      ys.add(s.question().inScope() && s.question().expected().equals(r.top()));
    }
    ScoringModel.LinearModel confidence = linear(LogisticFit.fit(xs.toArray(new double[0][]), labels(ys), 0.01, 1500));
    ScoringModel fitted = new ScoringModel(ranker, confidence, 0.5);
    return fitted.withThreshold(threshold(samples, fitted, declineTarget));
  }

  private static boolean[] labels(List<Boolean> ys) {
    boolean[] y = new boolean[ys.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = ys.get(i);
    }
    return y;
  }

  private static ScoringModel.LinearModel linear(LogisticFit fit) {
    return new ScoringModel.LinearModel(fit.bias, fit.weights, fit.means, fit.scales);
  }

  /** A model before any fitting: ranks by similarity, answers nothing. Only for collecting evidence. */
  static ScoringModel untrained() {
    int n = ScoringModel.RANK_FEATURES.size();
    double[] weights = new double[n];
    weights[0] = 1;
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1);
    return new ScoringModel(new ScoringModel.LinearModel(0, weights, new double[n], ones), placeholderConfidence(), 1.01);
  }

  private static ScoringModel.LinearModel placeholderConfidence() {
    int n = ScoringModel.FEATURES.size();
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1);
    return new ScoringModel.LinearModel(0, new double[n], new double[n], ones);
  }

  /**
   * The operating point: the lowest threshold at which at least {@code declineTarget} of the
   * out-of-scope questions are declined, which answers as many residents as that promise allows.
   */
  static double threshold(List<Sample> samples, ScoringModel model, double declineTarget) {
    for (int step = 5; step <= 95; step++) {
      double t = step / 100.0;
      if (score(samples, model.withThreshold(t)).outOfScopeDeclinedShare() >= declineTarget) {
        return t;
      }
    }
    return 0.95;
  }

  /** What the service would do with one question. */
  record Decision(boolean answered, String top, boolean shortcut) {}

  /**
   * The service's decision: the words-only shortcut when it is confident enough, else the full
   * model (as {@code KnowledgeBase.ask} does).
   */
  static Decision decide(Sample full, Sample words, ScoringModel model, ScoringModel shortcut) {
    if (!full.reachesKb() || full.candidates().isEmpty()) {
      return new Decision(false, null, false);
    }
    if (shortcut != null && !words.candidates().isEmpty()) {
      Ranking quick = Ranking.of(words.candidates(), shortcut);
      if (quick.confidence() >= shortcut.threshold()) {
        return new Decision(true, quick.top(), true);
      }
    }
    Ranking r = Ranking.of(full.candidates(), model);
    return new Decision(r.confidence() >= model.threshold(), r.top(), false);
  }

  /**
   * The lowest words-only confidence at which, on these questions, at most 3 answers in 100 are
   * wrong (a wrong guide or an out-of-scope question answered). Above it the embedding model would
   * rarely change the outcome; the held-out figures of the evaluation show whether it does.
   */
  static double shortcutThreshold(List<Sample> words, ScoringModel model) {
    double[] conf = new double[words.size()];
    boolean[] right = new boolean[words.size()];
    for (int i = 0; i < words.size(); i++) {
      Sample s = words.get(i);
      if (!s.reachesKb() || s.candidates().isEmpty()) {
        conf[i] = -1;
        continue;
      }
      Ranking r = Ranking.of(s.candidates(), model);
      conf[i] = r.confidence();
      right[i] = s.question().inScope() && s.question().expected().equals(r.top());
    }
    for (int step = 50; step <= 99; step++) {
      double t = step / 100.0;
      int answered = 0;
      int wrong = 0;
      for (int i = 0; i < conf.length; i++) {
        if (conf[i] >= t) {
          answered++;
          wrong += right[i] ? 0 : 1;
        }
      }
      if (answered > 0 && wrong <= 0.03 * answered) {
        return t;
      }
    }
    return 1.01;
  }

  /** Outcome counts of a model on samples. */
  record Score(int inScope, int inScopeCorrect, int outOfScope, int outOfScopeDeclined) {
    double inScopeCorrectShare() {
      return inScope == 0 ? 0 : (double) inScopeCorrect / inScope;
    }

    double outOfScopeDeclinedShare() {
      return outOfScope == 0 ? 0 : (double) outOfScopeDeclined / outOfScope;
    }
  }

  static Score score(List<Sample> samples, ScoringModel model) {
    int in = 0, inCorrect = 0, out = 0, outDeclined = 0;
    for (Sample s : samples) {
      boolean answered = false;
      String top = null;
      if (s.reachesKb() && !s.candidates().isEmpty()) {
        Ranking r = Ranking.of(s.candidates(), model);
        answered = r.confidence() >= model.threshold();
        top = r.top();
      }
      if (s.question().inScope()) {
        in++;
        if (answered && s.question().expected().equals(top)) {
          inCorrect++;
        }
      } else {
        out++;
        if (!answered) {
          outDeclined++;
        }
      }
    }
    return new Score(in, inCorrect, out, outDeclined);
  }


}
