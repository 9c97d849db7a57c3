package org.linli.kb.embed;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the vectors of guide passages in a file under the data directory, keyed by a hash of the
 * text, so a restart or a reload embeds only what changed. Single questions ({@link #embed}) are
 * not cached: they are rarely repeated word for word, and caching them would make benchmarks lie.
 */
public final class CachedEmbedder extends ForwardingEmbedder {

  private static final Logger LOG = LoggerFactory.getLogger(CachedEmbedder.class);

  private final Path file;
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

  private CachedEmbedder(Embedder inner, Path file) {
    super(inner);
    this.file = file;
  }

  /** Wraps an embedder with a cache file {@code <dir>/<model>.vectors}. */
  public static CachedEmbedder wrap(Embedder inner, Path dir) {
    CachedEmbedder cached = new CachedEmbedder(inner, dir.resolve(inner.name() + ".vectors"));
    cached.read();
    return cached;
  }

  @Override
  public synchronized List<float[]> embedAll(List<String> texts) {
    List<String> missing = new ArrayList<>(new LinkedHashSet<>(
        texts.stream().filter(text -> !vectors.containsKey(key(text))).toList()));
    if (!missing.isEmpty()) {
      List<float[]> fresh = inner.embedAll(missing);
      for (int i = 0; i < missing.size(); i++) {
        vectors.put(key(missing.get(i)), fresh.get(i));
      }
      append(missing, fresh);
    }
    List<float[]> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      out.add(vectors.get(key(text)));
    }
    return out;
  }

  private void read() {
    if (!Files.exists(file)) {
      return;
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      while (true) {
        String key;
        try {
          key = in.readUTF();
        } catch (EOFException end) {
          break;
        }
        int n = in.readInt();
        if (n != inner.dimensions()) {
          throw new IOException("vector of " + n + " dimensions");
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
          v[i] = in.readFloat();
        }
        vectors.put(key, v);
      }
    } catch (IOException e) {
      // A torn or foreign file only costs time: start over.
      LOG.warn("Embedding cache {} unreadable ({}); rebuilding it", file, e.getMessage());
      vectors.clear();
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // Next append recreates it.
      }
    }
  }

  private void append(List<String> texts, List<float[]> fresh) {
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
        for (int i = 0; i < texts.size(); i++) {
          out.writeUTF(key(texts.get(i)));
          out.writeInt(fresh.get(i).length);
          for (float x : fresh.get(i)) {
            out.writeFloat(x);
          }
        }
      }
    } catch (IOException e) {
      LOG.warn("Embedding cache {} not written: {}", file, e.getMessage());
    }
  }

  private static String key(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
