package org.linli.kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where index snapshots live on disk: one folder per process under a root ({@code <root>/<pid>}),
 * so instances sharing a data directory never touch each other's snapshots, and folders left by
 * processes that did not stop cleanly are removed when the next one starts.
 */
public final class IndexFolders {

  private IndexFolders() {
  }

  /** Removes folders of processes no longer running and returns this process's folder. */
  public static Path forThisProcess(Path root) {
    try {
      Files.createDirectories(root);
      try (Stream<Path> folders = Files.list(root)) {
        for (Path folder : folders.toList()) {
          String name = folder.getFileName().toString();
          boolean alive = name.matches("\\d+") && ProcessHandle.of(Long.parseLong(name)).isPresent();
          if (!alive) {
            delete(folder);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare index folders under " + root, e);
    }
    return root.resolve(String.valueOf(ProcessHandle.current().pid()));
  }

  /** Deletes a folder and everything in it; a missing folder is fine. */
  static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
