package org.linli.kb.search;

import java.util.List;
import org.linli.kb.index.Candidate;

/**
 * One question as the scorer sees it, for fitting and measuring: its candidate guides, the guide
 * that should answer it ({@code null} when none should) and whether it reaches the knowledge base
 * at all (help requests and small talk do not).
 */
public record Sample(String expected, List<Candidate> candidates, boolean reachesKb) {

  public Sample {
    candidates = List.copyOf(candidates);
  }

  /** True when a guide should answer. */
  public boolean inScope() {
    return expected != null;
  }

  /** True when the knowledge base has something to rank. */
  public boolean searched() {
    return reachesKb && !candidates.isEmpty();
  }
}
