package org.linli.kb.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.linli.kb.index.Candidate;

/**
 * How evidence becomes a ranking and a confidence. Ranking: {@code dense + lexicalWeight *
 * lexical + headWeight * headCoverage + pinyinWeight * pinyinCoverage}. Confidence: a logistic
 * regression over features of the top two candidates, fitted on the evaluation set; the bot answers
 * when the confidence reaches {@code threshold}. Both are fitted by {@code EvaluationCommand}
 * and shipped in {@code linli/calibration.json}.
 */
public record ScoringModel(
    @JsonProperty("lexicalWeight") double lexicalWeight,
    @JsonProperty("headWeight") double headWeight,
    @JsonProperty("pinyinWeight") double pinyinWeight,
    @JsonProperty("bias") double bias,
    @JsonProperty("weights") double[] weights,
    @JsonProperty("means") double[] means,
    @JsonProperty("scales") double[] scales,
    @JsonProperty("threshold") double threshold) {

  /** Names of the confidence features, in the order of {@link #features}. */
  public static final List<String> FEATURES =
      List.of(
          "dense", "denseMargin", "lexical", "lexicalRaw", "headCoverage", "bodyCoverage",
          "pinyinCoverage", "agree", "rankMargin", "unknown");

  public ScoringModel {
    if (weights.length != FEATURES.size() || means.length != FEATURES.size() || scales.length != FEATURES.size()) {
      throw new IllegalArgumentException("a scoring model needs " + FEATURES.size() + " weights, means and scales");
    }
  }

  /** The ranking score of one candidate. */
  public double rank(Candidate c) {
    return c.dense() + lexicalWeight * c.lexical() + headWeight * c.headCoverage() + pinyinWeight * c.pinyinCoverage();
  }

  /**
   * Confidence features of the best candidate given the runner-up (null when there is none) and
   * the candidate that words alone rank first.
   */
  public double[] features(Candidate best, Candidate second, String lexicalTop, String denseTop) {
    double denseMargin = second == null ? best.dense() : best.dense() - second.dense();
    double rankMargin = second == null ? rank(best) : rank(best) - rank(second);
    double agree = best.entryId().equals(lexicalTop) && best.entryId().equals(denseTop) ? 1 : 0;
    return new double[] {
      best.dense(),
      denseMargin,
      best.lexical(),
      Math.log1p(best.lexicalRaw()),
      best.headCoverage(),
      best.bodyCoverage(),
      best.pinyinCoverage(),
      agree,
      rankMargin,
      best.unknown()
    };
  }

  /** Logistic confidence in 0..1 for a feature vector. */
  public double confidence(double[] x) {
    double z = bias;
    for (int i = 0; i < x.length; i++) {
      z += weights[i] * (x[i] - means[i]) / scales[i];
    }
    return 1.0 / (1.0 + Math.exp(-z));
  }

  /** The same model with another threshold. */
  public ScoringModel withThreshold(double t) {
    return new ScoringModel(lexicalWeight, headWeight, pinyinWeight, bias, weights, means, scales, t);
  }
}
