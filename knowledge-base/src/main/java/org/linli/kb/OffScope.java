package org.linli.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** General questions no community service guide answers ({@code linli/off-scope.txt}). */
final class OffScope {

  private static final String RESOURCE = "linli/off-scope.txt";
  private static volatile List<String> shipped;

  private OffScope() {}

  /** The shipped questions, read once. */
  static List<String> shipped() {
    List<String> questions = shipped;
    if (questions == null) {
      questions = read();
      shipped = questions;
    }
    return questions;
  }

  private static List<String> read() {
    List<String> out = new ArrayList<>();
    try (InputStream in = OffScope.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }
}
