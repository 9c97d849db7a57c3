package org.linli.kb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.linli.kb.index.Candidate;

/** Candidates in order of the scoring model's rank, with the confidence that the first is right. */
public record Ranking(List<Candidate> ordered, double confidence, double[] features) {

  public Ranking {
    ordered = List.copyOf(ordered);
  }

  /** Orders candidates and computes the confidence of the first. */
  public static Ranking of(List<Candidate> candidates, ScoringModel model) {
    if (candidates.isEmpty()) {
      return new Ranking(List.of(), 0, null);
    }
    double bestDense = candidates.stream().mapToDouble(Candidate::dense).max().orElse(0);
    List<Candidate> ordered = new ArrayList<>(candidates);
    ordered.sort(Comparator.comparingDouble((Candidate c) -> model.rank(c, bestDense)).reversed()
        .thenComparing(Candidate::entryId));
    String lexicalTop = best(candidates, Comparator.comparingDouble(Candidate::lexicalRaw));
    String denseTop = best(candidates, Comparator.comparingDouble(Candidate::dense));
    Candidate second = ordered.size() > 1 ? ordered.get(1) : null;
    double[] features = model.features(ordered.get(0), second, bestDense, lexicalTop, denseTop);
    return new Ranking(ordered, model.confidence(features), features);
  }

  private static String best(List<Candidate> candidates, Comparator<Candidate> by) {
    return candidates.stream().max(by).map(Candidate::entryId).orElse("");
  }

  /** The best candidate's entry id, or null when nothing matched. */
  public String top() {
    return ordered.isEmpty() ? null : ordered.get(0).entryId();
  }
}
