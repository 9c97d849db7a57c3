package org.linli.kb.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a text into a unit-length sentence vector, so that texts of like meaning lie close together
 * whatever their words. Implementations must be safe for concurrent use.
 */
public interface Embedder extends AutoCloseable {

  /** Vector length. */
  int dimensions();

  /** Embeds one text; the result has length {@link #dimensions()} and unit norm. */
  float[] embed(String text);

  /** Embeds several texts; implementations may batch them. */
  default List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      out.add(embed(text));
    }
    return out;
  }

  /** A short name for logs and the calibration file. */
  String name();

  @Override
  default void close() {
  }
}
