package org.linli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's own mixed set of questions ({@code bench/ask-mixed.txt} in the jar, one a line):
 * long multi-sentence questions, colloquial and dialect wordings, emoji inside and outside the BMP
 * (skin tones, ZWJ families), Traditional characters, typos, pinyin, keyword-only and one-word
 * questions, small talk, help requests and off-topic messages, about the shipped guides' topics.
 * Written for the benchmarks and kept apart from the evaluation sets, which calibrate the models.
 * {@code --questions FILE} reads another file instead. The wrk script {@code bench/ask-mixed.lua}
 * posts the same lines in rotation.
 */
final class MixedQuestions {

  /** Classpath location of the questions. */
  static final String RESOURCE = "bench/ask-mixed.txt";

  /** Classpath location of the wrk script that posts them. */
  static final String WRK_SCRIPT = "bench/ask-mixed.lua";

  private MixedQuestions() {
  }

  /** The bundled questions, or those of {@code file} when it is not null; blank lines skipped. */
  static List<String> load(Path file) {
    String text = file == null ? new String(resource(RESOURCE), StandardCharsets.UTF_8) : read(file);
    List<String> lines = text.lines().map(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l)
        .filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new IllegalStateException("No questions in " + (file == null ? RESOURCE : file));
    }
    return lines;
  }

  /** Writes the questions (one a line) and the wrk script into {@code dir}; returns {questions, script}. */
  static Path[] writeForWrk(List<String> questions, Path dir) {
    try {
      Files.createDirectories(dir);
      Path list = Files.write(dir.resolve("ask-mixed.txt"), questions, StandardCharsets.UTF_8);
      Path script = Files.write(dir.resolve("ask-mixed.lua"), resource(WRK_SCRIPT));
      return new Path[]{list, script};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = MixedQuestions.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the classpath; build the bench module with Maven");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
