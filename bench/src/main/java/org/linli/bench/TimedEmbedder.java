package org.linli.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.linli.kb.embed.Embedder;
import org.linli.kb.embed.ForwardingEmbedder;

/**
 * Counts the questions an embedder is asked to embed ({@link #embed}) and the time spent in it,
 * so a benchmark can tell how often the words-only shortcut spared the model and what share of a
 * question's time the model takes. Passages ({@link #embedAll}, the index build) are not counted.
 */
final class TimedEmbedder extends ForwardingEmbedder {

  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong nanos = new AtomicLong();

  TimedEmbedder(Embedder inner) {
    super(inner);
  }

  /** Questions embedded so far. */
  long calls() {
    return calls.get();
  }

  /** Nanoseconds spent embedding questions so far. */
  long nanos() {
    return nanos.get();
  }

  @Override
  public float[] embed(String text) {
    long t0 = System.nanoTime();
    try {
      return inner.embed(text);
    } finally {
      nanos.addAndGet(System.nanoTime() - t0);
      calls.incrementAndGet();
    }
  }

}
