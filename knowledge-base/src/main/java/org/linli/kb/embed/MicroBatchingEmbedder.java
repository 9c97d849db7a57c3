package org.linli.kb.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Embeds questions that arrive at the same time in one model run ("group commit"): the model does
 * several short texts in one batch for little more than the cost of one, so under load each
 * question costs less CPU. At most {@code concurrency} batches run at once (one per core, as each
 * run uses one core); a caller whose question is waiting either runs the next batch itself or
 * finds it done by another caller. Callers block: call from a worker thread.
 */
public final class MicroBatchingEmbedder implements Embedder {

  private final Embedder inner;
  private final int maxBatch;
  private final Semaphore runs;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

  public MicroBatchingEmbedder(Embedder inner, int concurrency, int maxBatch) {
    this.inner = inner;
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
    try {
      List<float[]> vectors = inner.embedAll(batch.stream().map(p -> p.text).toList());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).vector = vectors.get(i);
      }
    } catch (RuntimeException e) {
      batch.forEach(p -> p.failure = e);
    } finally {
      batch.forEach(p -> p.done.countDown());
    }
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    return inner.embedAll(texts);
  }

  @Override
  public int dimensions() {
    return inner.dimensions();
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void close() {
    inner.close();
  }
}
