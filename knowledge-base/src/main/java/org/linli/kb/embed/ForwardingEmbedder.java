package org.linli.kb.embed;

import java.util.List;

/**
 * An embedder that hands every call to another one: the base of the wrappers (a cache, a batcher,
 * a timer) that change one or two calls and pass the rest on.
 */
public abstract class ForwardingEmbedder implements Embedder {

  /** The embedder calls are passed to. */
  protected final Embedder inner;

  protected ForwardingEmbedder(Embedder inner) {
    this.inner = inner;
  }

  @Override
  public float[] embed(String text) {
    return inner.embed(text);
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
