package org.linli.kb.index;

/**
 * What part of a guide a vector was made from, and how much a match on it counts. A match on a
 * whole question weighs most; a section of the body less, as bodies say many things at once.
 */
public enum VectorKind {
  TITLE(1.0f),
  QUESTION(1.0f),
  SUMMARY(0.97f),
  SECTION(0.94f),
  ITEM(0.92f);

  private final float weight;

  VectorKind(float weight) {
    this.weight = weight;
  }

  /** True for passages that say what the guide is for (title, questions), not what it contains. */
  public boolean head() {
    return this == TITLE || this == QUESTION;
  }

  /** Factor applied to the cosine similarity of a match on this kind. */
  public float weight() {
    return weight;
  }
}
