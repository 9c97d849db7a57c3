package org.linli.kb.embed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * Embeds questions that arrive at the same time in one model run ("group commit"): the model does
 * several short texts in one batch for little more than the cost of one, so under load each
 * question costs less CPU. At most {@code concurrency} batches run at once (one per core, as each
 * run uses one core); a caller whose question is waiting either runs the next batch itself or
 * finds it done by another caller. Callers block: call from a worker thread.
 *
 * <p>A batch is padded to its longest text, and attention costs grow with the square of that
 * length: one batch of a 150-character question and seven short ones costs each question about
 * twice what running it alone would. So the questions taken are sorted by length and run in
 * groups of similar length ({@link #groups(List, ToIntFunction)}), shortest first, each group's callers released as
 * soon as their group is done.
 */
public final class MicroBatchingEmbedder extends ForwardingEmbedder {

  /** Longest text of a group, as a multiple of its shortest (plus {@link #SLACK}). */
  static final double SPREAD = 1.5;

  /** Characters a group's longest text may exceed {@link #SPREAD} times its shortest by. */
  static final int SLACK = 4;

  private final int maxBatch;
  private final Semaphore runs;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

  public MicroBatchingEmbedder(Embedder inner, int concurrency, int maxBatch) {
    super(inner);
    this.maxBatch = maxBatch;
    this.runs = new Semaphore(concurrency);
  }

  private static final class Pending {
    final String text;
    final CountDownLatch done = new CountDownLatch(1);
    volatile float[] vector;
    volatile RuntimeException failure;

    Pending(String text) {
      this.text = text;
    }
  }

  @Override
  public float[] embed(String text) {
    Pending mine = new Pending(text);
    queue.add(mine);
    try {
      while (mine.done.getCount() > 0) {
        if (runs.tryAcquire()) {
          try {
            runBatch();
          } finally {
            runs.release();
          }
        } else {
          mine.done.await(1, TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while embedding", e);
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
    return mine.vector;
  }

  private void runBatch() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    Pending next;
    while (batch.size() < maxBatch && (next = queue.poll()) != null) {
      batch.add(next);
    }
    if (batch.isEmpty()) {
      return;
    }
    batch.sort(Comparator.comparingInt(p -> p.text.length()));
    for (List<Pending> group : groups(batch, p -> p.text.length())) {
      try {
        List<float[]> vectors = group.size() == 1
            ? List.of(inner.embed(group.get(0).text))
            : inner.embedAll(group.stream().map(p -> p.text).toList());
        for (int i = 0; i < group.size(); i++) {
          group.get(i).vector = vectors.get(i);
        }
      } catch (RuntimeException e) {
        group.forEach(p -> p.failure = e);
      } finally {
        group.forEach(p -> p.done.countDown());
      }
    }
  }

  /**
   * Splits texts sorted by length into runs where the longest is at most {@link #SPREAD} times
   * the shortest plus {@link #SLACK} characters, so that padding wastes little.
   */
  static <T> List<List<T>> groups(List<T> sortedByLength, ToIntFunction<T> length) {
    List<List<T>> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= sortedByLength.size(); i++) {
      if (i == sortedByLength.size()
          || length.applyAsInt(sortedByLength.get(i)) > SPREAD * length.applyAsInt(sortedByLength.get(start)) + SLACK) {
        out.add(sortedByLength.subList(start, i));
        start = i;
      }
    }
    return out;
  }

}
