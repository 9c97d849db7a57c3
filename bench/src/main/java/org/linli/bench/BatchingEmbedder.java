package org.linli.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.linli.kb.embed.Embedder;

/**
 * Wraps an embedder so that a large {@link #embedAll} is split into length-sorted batches run on a
 * few threads. Single-text {@link #embed} (what a search does) goes straight to the delegate, so
 * query latency is unchanged.
 *
 * <p>Why: {@code KbIndex.build} passes every passage of the knowledge base to one {@code embedAll}
 * call, and {@code BgeSmallZhEmbedder} runs it as one ONNX batch padded to the longest passage.
 * That is fine for the 46 shipped guides (~460 passages) but at 5,000 guides (~20,000 passages)
 * the activations alone would need tens of gigabytes. Batching keeps the synthetic index buildable.
 */
public final class BatchingEmbedder implements Embedder {

  private final Embedder delegate;
  private final int batchSize;
  private final int threads;
  private final java.util.concurrent.atomic.AtomicLong embedNanos = new java.util.concurrent.atomic.AtomicLong();

  /**
   * @param delegate the real embedder (must be safe for concurrent use, as {@link Embedder} requires)
   * @param batchSize texts per call to the delegate
   * @param threads calls run at once
   */
  public BatchingEmbedder(Embedder delegate, int batchSize, int threads) {
    this.delegate = delegate;
    this.batchSize = batchSize;
    this.threads = threads;
  }

  @Override
  public int dimensions() {
    return delegate.dimensions();
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public float[] embed(String text) {
    return delegate.embed(text);
  }

  /** Wall-clock milliseconds spent in {@link #embedAll} so far. */
  public long embedAllMillis() {
    return embedNanos.get() / 1_000_000;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    long t0 = System.nanoTime();
    try {
      return batched(texts);
    } finally {
      embedNanos.addAndGet(System.nanoTime() - t0);
    }
  }

  private List<float[]> batched(List<String> texts) {
    if (texts.size() <= batchSize) {
      return delegate.embedAll(texts);
    }
    // Sorting by length keeps the padding inside each batch small.
    int[] order =
        IntStream.range(0, texts.size())
            .boxed()
            .sorted(Comparator.comparingInt(i -> texts.get(i).length()))
            .mapToInt(Integer::intValue)
            .toArray();
    float[][] out = new float[texts.size()][];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> pending = new ArrayList<>();
      for (int from = 0; from < order.length; from += batchSize) {
        int start = from;
        int end = Math.min(order.length, from + batchSize);
        pending.add(
            pool.submit(
                () -> {
                  List<String> batch = new ArrayList<>(end - start);
                  for (int k = start; k < end; k++) {
                    batch.add(texts.get(order[k]));
                  }
                  List<float[]> vectors = delegate.embedAll(batch);
                  for (int k = start; k < end; k++) {
                    out[order[k]] = vectors.get(k - start);
                  }
                }));
      }
      for (Future<?> f : pending) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while embedding", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Embedding failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return List.of(out);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
