package org.linli.kb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.linli.kb.index.Candidate;

/** Candidates in order of the scoring model's rank, with the confidence that the first is right. */
public record Ranking(List<Candidate> ordered, double confidence) {

  public Ranking {
    ordered = List.copyOf(ordered);
  }

  /** Orders candidates and computes the confidence of the first. */
  public static Ranking of(List<Candidate> candidates, ScoringModel model) {
    if (candidates.isEmpty()) {
      return new Ranking(List.of(), 0);
    }
    List<Candidate> ordered = new ArrayList<>(candidates);
    ordered.sort(Comparator.comparingDouble(model::rank).reversed().thenComparing(Candidate::entryId));
    String lexicalTop =
        candidates.stream().max(Comparator.comparingDouble(Candidate::lexicalRaw)).map(Candidate::entryId).orElse("");
    String denseTop =
        candidates.stream().max(Comparator.comparingDouble(Candidate::dense)).map(Candidate::entryId).orElse("");
    Candidate second = ordered.size() > 1 ? ordered.get(1) : null;
    double confidence = model.confidence(model.features(ordered.get(0), second, lexicalTop, denseTop));
    return new Ranking(ordered, confidence);
  }

  /** Feature vector of the first candidate (for calibration). */
  public static double[] featuresOf(List<Candidate> candidates, ScoringModel model) {
    List<Candidate> ordered = new ArrayList<>(candidates);
    ordered.sort(Comparator.comparingDouble(model::rank).reversed().thenComparing(Candidate::entryId));
    String lexicalTop =
        candidates.stream().max(Comparator.comparingDouble(Candidate::lexicalRaw)).map(Candidate::entryId).orElse("");
    String denseTop =
        candidates.stream().max(Comparator.comparingDouble(Candidate::dense)).map(Candidate::entryId).orElse("");
    return model.features(ordered.get(0), ordered.size() > 1 ? ordered.get(1) : null, lexicalTop, denseTop);
  }

  /** The best candidate's entry id, or null when nothing matched. */
  public String top() {
    return ordered.isEmpty() ? null : ordered.get(0).entryId();
  }
}
