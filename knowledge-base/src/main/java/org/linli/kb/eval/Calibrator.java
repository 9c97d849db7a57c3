package org.linli.kb.eval;

import java.util.ArrayList;
import java.util.List;
import org.linli.kb.index.Candidate;
import org.linli.kb.search.Ranking;
import org.linli.kb.search.ScoringModel;

/**
 * Fits a {@link ScoringModel} on labelled questions: first the ranking weights (grid search for
 * the best top-1 on in-scope questions), then the logistic confidence (is the top guide right?),
 * then the lowest threshold that still declines a target share of out-of-scope questions.
 */
final class Calibrator {

  /** A question as seen by the scorer: its candidates and the expected guide (null: decline). */
  record Sample(EvalQuestion question, List<Candidate> candidates, boolean reachesKb) {}

  private static final double[] LEXICAL = {0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.45};
  private static final double[] HEAD = {0, 0.05, 0.1, 0.2, 0.3};
  private static final double[] PINYIN = {0, 0.05, 0.1, 0.2};

  static ScoringModel fit(List<Sample> samples, boolean semantic, double declineTarget) {
    double[] best = {0, 0, 0};
    double bestAccuracy = -1;
    double[] lexicalGrid = semantic ? LEXICAL : new double[] {1.0};
    for (double lw : lexicalGrid) {
      for (double hw : HEAD) {
        for (double pw : PINYIN) {
          ScoringModel probe = neutral(lw, hw, pw);
          int correct = 0;
          for (Sample s : samples) {
            if (s.question().inScope() && s.reachesKb() && !s.candidates().isEmpty()
                && s.question().expected().equals(Ranking.of(s.candidates(), probe).top())) {
              correct++;
            }
          }
          if (correct > bestAccuracy) {
            bestAccuracy = correct;
            best = new double[] {lw, hw, pw};
          }
        }
      }
    }
    ScoringModel ranking = neutral(best[0], best[1], best[2]);
    List<double[]> xs = new ArrayList<>();
    List<Boolean> ys = new ArrayList<>();
    for (Sample s : samples) {
      if (!s.reachesKb() || s.candidates().isEmpty()) {
        continue;
      }
      xs.add(Ranking.featuresOf(s.candidates(), ranking));
      ys.add(s.question().inScope() && s.question().expected().equals(Ranking.of(s.candidates(), ranking).top()));
    }
    boolean[] y = new boolean[ys.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = ys.get(i);
    }
    LogisticFit fit = LogisticFit.fit(xs.toArray(new double[0][]), y, 0.01, 1500);
    ScoringModel fitted =
        new ScoringModel(best[0], best[1], best[2], fit.bias, fit.weights, fit.means, fit.scales, 0.5);
    return fitted.withThreshold(threshold(samples, fitted, declineTarget));
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

  private static ScoringModel neutral(double lw, double hw, double pw) {
    int n = ScoringModel.FEATURES.size();
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1);
    return new ScoringModel(lw, hw, pw, 0, new double[n], new double[n], ones, 0.5);
  }
}
