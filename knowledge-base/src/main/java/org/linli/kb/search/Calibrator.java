package org.linli.kb.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.linli.kb.index.Candidate;

/**
 * Fits a {@link ScoringModel} on labelled samples: first the ranker (a logistic "right guide?"
 * over every candidate of the in-scope questions), then the logistic confidence (is the top guide
 * right?), then the operating threshold: the lowest at which the samples' out-of-scope questions
 * are declined at least {@code declineTarget} and at most {@code maxWrong} of all samples are
 * answered wrongly.
 *
 * <p>The confidence model's L2 penalty is not fixed: it is chosen among {@link #CONFIDENCE_PENALTIES}
 * by cross-validation on the fitting samples themselves (the lowest held-out log-loss), so a fit
 * on a few hundred questions and one on a thousand each get the penalty their own data supports,
 * and no evaluation set other than the fitting one has a say in it.
 */
public final class Calibrator {

  private static final double LAMBDA = 0.01;
  /** The confidence model's L2 penalties tried, weakest first; the cross-validation picks one. */
  static final double[] CONFIDENCE_PENALTIES = {0.0003, 0.001, 0.003, 0.01, 0.03};
  private static final int PENALTY_FOLDS = 5;
  private static final int ITERATIONS = 1500;
  /** Wrong answers allowed among those the words-only shortcut gives (see the evaluation's check). */
  private static final double SHORTCUT_WRONG = 0.02;

  private Calibrator() {
  }

  /** What the service would do with one question. */
  public record Decision(boolean answered, String top, boolean shortcut) {
  }

  /** The model fitted on these samples, at the threshold that keeps both promises on them. */
  public static ScoringModel fit(List<Sample> samples, double declineTarget, double maxWrong) {
    return fit(samples, samples, declineTarget, maxWrong);
  }

  /**
   * The model fitted on {@code samples}, at the threshold that keeps both promises on
   * {@code operating}: residents' questions, when the fit also has easier ones (a guide's own
   * alternative questions) that would pull the threshold down.
   */
  public static ScoringModel fit(
      List<Sample> samples, List<Sample> operating, double declineTarget, double maxWrong) {
    List<double[]> rx = new ArrayList<>();
    List<Boolean> ry = new ArrayList<>();
    for (Sample s : samples) {
      if (!s.inScope() || !s.searched()) {
        continue;
      }
      double bestDense = bestDense(s.candidates());
      for (Candidate c : s.candidates()) {
        rx.add(ScoringModel.rankFeatures(c, bestDense));
        ry.add(c.entryId().equals(s.expected()));
      }
    }
    if (rx.isEmpty() || !ry.contains(Boolean.TRUE)) {
      throw new IllegalArgumentException("No in-scope sample found its guide among the candidates: nothing to fit");
    }
    ScoringModel.LinearModel ranker = linear(
        LogisticFit.fit(rx.toArray(new double[0][]), labels(ry), LAMBDA, ITERATIONS));
    ScoringModel ranking = new ScoringModel(ranker, placeholderConfidence(), 0.5);
    List<double[]> xs = new ArrayList<>();
    List<Boolean> ys = new ArrayList<>();
    for (Sample s : samples) {
      if (!s.searched()) {
        continue;
      }
      Ranking r = Ranking.of(s.candidates(), ranking);
      xs.add(r.features());
      ys.add(s.inScope() && s.expected().equals(r.top()));
    }
    double[][] x = xs.toArray(new double[0][]);
    boolean[] y = labels(ys);
    ScoringModel.LinearModel confidence = linear(LogisticFit.fit(x, y, confidencePenalty(x, y), ITERATIONS));
    ScoringModel fitted = new ScoringModel(ranker, confidence, 0.5);
    return fitted.withThreshold(threshold(operating, fitted, declineTarget, maxWrong));
  }

  /**
   * The L2 penalty among {@link #CONFIDENCE_PENALTIES} with the lowest log-loss on held-out rows,
   * 5-fold over these rows (row {@code i} is held out in fold {@code i % 5});
   * ties go to the stronger penalty. With too few rows of either label to hold any out, the
   * default.
   */
  static double confidencePenalty(double[][] x, boolean[] y) {
    int positives = 0;
    for (boolean label : y) {
      positives += label ? 1 : 0;
    }
    if (positives < 2 * PENALTY_FOLDS || y.length - positives < 2 * PENALTY_FOLDS) {
      return LAMBDA;
    }
    double best = LAMBDA;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int p = CONFIDENCE_PENALTIES.length - 1; p >= 0; p--) {
      double loss = heldOutLogLoss(x, y, CONFIDENCE_PENALTIES[p]);
      if (loss < bestLoss) {
        bestLoss = loss;
        best = CONFIDENCE_PENALTIES[p];
      }
    }
    return best;
  }

  private static double heldOutLogLoss(double[][] x, boolean[] y, double penalty) {
    double loss = 0;
    for (int fold = 0; fold < PENALTY_FOLDS; fold++) {
      List<double[]> trainX = new ArrayList<>();
      List<Boolean> trainY = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        if (i % PENALTY_FOLDS != fold) {
          trainX.add(x[i]);
          trainY.add(y[i]);
        }
      }
      LogisticFit fit = LogisticFit.fit(trainX.toArray(new double[0][]), labels(trainY), penalty, ITERATIONS);
      for (int i = fold; i < x.length; i += PENALTY_FOLDS) {
        double p = Math.min(1 - 1e-9, Math.max(1e-9, fit.predict(x[i])));
        loss -= y[i] ? Math.log(p) : Math.log(1 - p);
      }
    }
    return loss;
  }

  /**
   * The lowest threshold at which at least {@code declineTarget} of the out-of-scope samples are
   * declined and at most {@code maxWrong} of all samples get a wrong guide: it answers as many
   * residents as those two promises allow.
   */
  public static double threshold(List<Sample> samples, ScoringModel model, double declineTarget, double maxWrong) {
    for (int step = 5; step <= 95; step++) {
      double t = step / 100.0;
      Score score = score(samples, model.withThreshold(t));
      if (score.outOfScopeDeclinedShare() >= declineTarget && score.wrongShare() <= maxWrong) {
        return t;
      }
    }
    return 0.95;
  }

  /**
   * The service's decision: the words-only shortcut when it is confident enough, else the full
   * model (as {@code KnowledgeBase.ask} does).
   */
  public static Decision decide(Sample full, Sample words, ScoringModel model, ScoringModel shortcut) {
    if (!full.searched()) {
      return new Decision(false, null, false);
    }
    if (shortcut != null && words != null && words.searched()) {
      Ranking quick = Ranking.of(words.candidates(), shortcut);
      if (quick.confidence() >= shortcut.threshold()) {
        return new Decision(true, quick.top(), true);
      }
    }
    Ranking r = Ranking.of(full.candidates(), model);
    return new Decision(r.confidence() >= model.threshold(), r.top(), false);
  }

  /**
   * The lowest words-only confidence at which, on these samples, at most 2 answers in 100 are wrong
   * (a wrong guide or an out-of-scope question answered). Above it the embedding model would
   * rarely change the outcome; the held-out figures of the evaluation show whether it does.
   */
  public static double shortcutThreshold(List<Sample> words, ScoringModel model) {
    double[] conf = new double[words.size()];
    boolean[] right = new boolean[words.size()];
    for (int i = 0; i < words.size(); i++) {
      Sample s = words.get(i);
      if (!s.searched()) {
        conf[i] = -1;
        continue;
      }
      Ranking r = Ranking.of(s.candidates(), model);
      conf[i] = r.confidence();
      right[i] = s.inScope() && s.expected().equals(r.top());
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
      if (answered > 0 && wrong <= SHORTCUT_WRONG * answered) {
        return t;
      }
    }
    return 1.01;
  }

  /** Outcome counts of a model on samples. */
  public record Score(int inScope, int inScopeCorrect, int outOfScope, int outOfScopeDeclined, int all, int wrong) {
    public double inScopeCorrectShare() {
      return inScope == 0 ? 0 : (double) inScopeCorrect / inScope;
    }

    public double outOfScopeDeclinedShare() {
      return outOfScope == 0 ? 1 : (double) outOfScopeDeclined / outOfScope;
    }

    public double wrongShare() {
      return all == 0 ? 0 : (double) wrong / all;
    }
  }

  /** How a model does on samples (without the shortcut). */
  public static Score score(List<Sample> samples, ScoringModel model) {
    int in = 0;
    int inCorrect = 0;
    int out = 0;
    int outDeclined = 0;
    int wrong = 0;
    for (Sample s : samples) {
      Decision d = decide(s, null, model, null);
      boolean right = s.inScope() && s.expected().equals(d.top());
      if (s.inScope()) {
        in++;
        inCorrect += d.answered() && right ? 1 : 0;
      } else {
        out++;
        outDeclined += d.answered() ? 0 : 1;
      }
      wrong += d.answered() && !right ? 1 : 0;
    }
    return new Score(in, inCorrect, out, outDeclined, samples.size(), wrong);
  }

  /** A model before any fitting: ranks by similarity, answers nothing. Only for collecting evidence. */
  public static ScoringModel untrained() {
    int n = ScoringModel.RANK_FEATURES.size();
    double[] weights = new double[n];
    weights[0] = 1;
    return new ScoringModel(new ScoringModel.LinearModel(0, weights, new double[n], ones(n)), placeholderConfidence(),
        1.01);
  }

  private static double bestDense(List<Candidate> candidates) {
    return candidates.stream().mapToDouble(Candidate::dense).max().orElse(0);
  }

  private static ScoringModel.LinearModel placeholderConfidence() {
    int n = ScoringModel.FEATURES.size();
    return new ScoringModel.LinearModel(0, new double[n], new double[n], ones(n));
  }

  private static double[] ones(int n) {
    double[] ones = new double[n];
    Arrays.fill(ones, 1);
    return ones;
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
}
