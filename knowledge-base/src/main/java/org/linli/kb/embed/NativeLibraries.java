package org.linli.kb.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Places the native libraries of ONNX Runtime and the DJL tokenizer under the data directory
 * instead of the system temp folder, so a locked-down host (noexec /tmp, read-only home) still runs
 * the model, and a restart reuses what the first start extracted.
 */
public final class NativeLibraries {

  private static final String ORT_RESOURCE = "ai/onnxruntime/native/";

  private NativeLibraries() {
  }

  /** Must run before the first use of ONNX Runtime or DJL in this JVM. */
  public static synchronized void placeUnder(Path dataDir) {
    Path base = dataDir.resolve("native");
    Path djl = base.resolve("djl");
    try {
      Files.createDirectories(djl);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + djl, e);
    }
    if (System.getProperty("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", djl.toString());
    }
    if (System.getProperty("ENGINE_CACHE_DIR") == null) {
      System.setProperty("ENGINE_CACHE_DIR", djl.toString());
    }
    if (System.getProperty("onnxruntime.native.path") == null) {
      String platform = ortPlatform();
      Path ort = base.resolve("onnxruntime").resolve(platform);
      boolean found = copy(ORT_RESOURCE + platform + "/", mapLibraryName("onnxruntime"), ort)
          & copy(ORT_RESOURCE + platform + "/", mapLibraryName("onnxruntime4j_jni"), ort);
      if (found) {
        System.setProperty("onnxruntime.native.path", ort.toString());
      }
    }
  }

  private static boolean copy(String folder, String file, Path dir) {
    try (InputStream in = NativeLibraries.class.getClassLoader().getResourceAsStream(folder + file)) {
      if (in == null) {
        return false;
      }
      Files.createDirectories(dir);
      Path target = dir.resolve(file);
      byte[] bytes = in.readAllBytes();
      if (!Files.exists(target) || Files.size(target) != bytes.length) {
        Path tmp = Files.createTempFile(dir, file, ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot place native library " + file + " in " + dir, e);
    }
  }

  private static String mapLibraryName(String name) {
    return System.mapLibraryName(name);
  }

  private static String ortPlatform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String osPart = os.contains("mac") ? "osx" : os.contains("win") ? "win" : "linux";
    String archPart = arch.contains("aarch64") || arch.contains("arm64") ? "aarch64" : "x64";
    return osPart + "-" + archPart;
  }
}
