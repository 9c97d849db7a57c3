package org.linli.kb.search;

import java.util.List;
import org.linli.kb.index.Candidate;

/**
 * How evidence becomes a ranking and a confidence, both learned from the evaluation set by
 * {@code EvaluationCommand} and shipped in {@code linli/calibration.json}.
 *
 * <ul>
 *   <li>Ranking: a linear model over each candidate's evidence (similarity, its distance to the
 *       best similarity, BM25, coverage of the question's bigrams and pinyin), fitted as a logistic
 *       "is this the right guide" on every candidate of the in-scope questions.
 *   <li>Confidence: a logistic regression over features of the top two candidates ("is the top
 *       guide right, and is the question in scope at all"). The bot answers when the confidence
 *       reaches {@code threshold}.
 * </ul>
 */
public record ScoringModel(LinearModel ranker, LinearModel confidence, double threshold) {

  /** Names of the per-candidate ranking features, in the order of {@link #rankFeatures}. */
  public static final List<String> RANK_FEATURES = List.of(
      "dense", "denseGap", "denseHead", "denseBody", "denseSecond", "lexical", "lexicalRaw",
      "headCoverage", "bodyCoverage", "pinyinCoverage", "topicCoverage", "keyCoverage", "leastCoverage",
      "headTopicCoverage", "unknownTopics", "siblingNamed");

  /** Names of the confidence features, in the order of {@link #features}. */
  public static final List<String> FEATURES = List.of(
      "rankScore", "rankMargin", "dense", "denseMargin", "denseHead", "denseBody", "lexical",
      "lexicalRaw", "headCoverage", "bodyCoverage", "pinyinCoverage", "agree", "unknown", "topicCoverage",
      "keyCoverage", "leastCoverage", "headTopicCoverage", "unknownTopics", "siblingNamed", "questionLength");

  public ScoringModel {
    if (ranker.weights().length != RANK_FEATURES.size() || confidence.weights().length != FEATURES.size()) {
      throw new IllegalArgumentException("the calibration does not match this version's features; refit it");
    }
  }

  /** A standardised linear model: {@code bias + sum(w_i * (x_i - mean_i) / scale_i)}. */
  public record LinearModel(double bias, double[] weights, double[] means, double[] scales) {
    public LinearModel {
      if (weights.length != means.length || weights.length != scales.length) {
        throw new IllegalArgumentException("weights, means and scales must have the same length");
      }
    }

    /** The linear score. */
    public double score(double[] x) {
      double z = bias;
      for (int i = 0; i < x.length; i++) {
        z += weights[i] * (x[i] - means[i]) / scales[i];
      }
      return z;
    }

    /** The logistic probability of the linear score. */
    public double probability(double[] x) {
      return 1.0 / (1.0 + Math.exp(-score(x)));
    }
  }

  /** The ranking features of one candidate, given the best similarity among all candidates. */
  public static double[] rankFeatures(Candidate c, double bestDense) {
    return new double[]{
        c.dense(),
        c.dense() - bestDense,
        c.denseHead(),
        c.denseBody(),
        c.denseSecond(),
        c.lexical(),
        Math.log1p(c.lexicalRaw()),
        c.headCoverage(),
        c.bodyCoverage(),
        c.pinyinCoverage(),
        c.topicCoverage(),
        c.keyCoverage(),
        c.leastCoverage(),
        c.headTopicCoverage(),
        c.unknownTopics(),
        c.siblingNamed()
    };
  }

  /** The ranking score of one candidate. */
  public double rank(Candidate c, double bestDense) {
    return ranker.score(rankFeatures(c, bestDense));
  }

  /**
   * Confidence features of the best candidate given the runner-up (null when there is none) and
   * the candidates that words alone and meaning alone rank first.
   */
  public double[] features(Candidate best, Candidate second, double bestDense, String lexicalTop, String denseTop) {
    double top = rank(best, bestDense);
    double rankMargin = second == null ? 5 : top - rank(second, bestDense);
    double denseMargin = second == null ? best.dense() : best.dense() - second.dense();
    double agree = (best.entryId().equals(lexicalTop) ? 0.5 : 0) + (best.entryId().equals(denseTop) ? 0.5 : 0);
    return new double[]{
        top,
        rankMargin,
        best.dense(),
        denseMargin,
        best.denseHead(),
        best.denseBody(),
        best.lexical(),
        Math.log1p(best.lexicalRaw()),
        best.headCoverage(),
        best.bodyCoverage(),
        best.pinyinCoverage(),
        agree,
        best.unknown(),
        best.topicCoverage(),
        best.keyCoverage(),
        best.leastCoverage(),
        best.headTopicCoverage(),
        best.unknownTopics(),
        best.siblingNamed(),
        best.questionLength()
    };
  }

  /** Logistic confidence in 0..1 for a feature vector. */
  public double confidence(double[] x) {
    return confidence.probability(x);
  }

  /** The same model with another threshold. */
  public ScoringModel withThreshold(double t) {
    return new ScoringModel(ranker, confidence, t);
  }
}
