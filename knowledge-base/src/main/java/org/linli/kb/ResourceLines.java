package org.linli.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The lines of a UTF-8 text resource shipped in the jar, without blank lines and {@code #} comments. */
public final class ResourceLines {

  private ResourceLines() {
  }

  /** The stripped lines of the resource, comments and blank lines left out. */
  public static List<String> read(String resource) {
    List<String> out = new ArrayList<>();
    try (InputStream in = ResourceLines.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null;) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  /** The words of a word-list resource: its lines split at blanks, in order. */
  public static List<String> words(String resource) {
    return read(resource).stream().flatMap(line -> List.of(line.split("\\s+")).stream()).toList();
  }
}
