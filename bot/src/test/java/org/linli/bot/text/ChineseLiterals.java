package org.linli.bot.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the string, text-block and character literals of Java sources that hold Chinese: CJK
 * ideographs (U+3400–U+9FFF), CJK punctuation (U+3000–U+303F) or full-width forms (U+FF00–U+FFEF).
 * Comments are skipped; escapes inside literals are read as written, not decoded.
 */
final class ChineseLiterals {

  /** One literal: where it starts and what it says. */
  record Found(Path file, int line, String literal) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + literal;
    }
  }

  private ChineseLiterals() {}

  /** The Chinese literals of every {@code .java} file under the roots, in file and line order. */
  static List<Found> under(List<Path> roots) {
    List<Found> found = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          found.addAll(in(file, Files.readString(file, StandardCharsets.UTF_8)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  /** The Chinese literals of one source text. */
  static List<Found> in(Path file, String source) {
    List<Found> found = new ArrayList<>();
    int line = 1;
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      int end;
      if (source.startsWith("//", i)) {
        end = source.indexOf('\n', i);
        end = end < 0 ? n : end;
      } else if (source.startsWith("/*", i)) {
        end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
      } else if (source.startsWith("\"\"\"", i)) {
        end = close(source, i + 3, "\"\"\"");
        add(found, file, line, source.substring(i, end));
      } else if (c == '"' || c == '\'') {
        end = close(source, i + 1, String.valueOf(c));
        add(found, file, line, source.substring(i, end));
      } else {
        end = i + 1;
      }
      for (int j = i; j < end; j++) {
        if (source.charAt(j) == '\n') {
          line++;
        }
      }
      i = end;
    }
    return found;
  }

  /** The index just past the closing delimiter, skipping escaped characters. */
  private static int close(String source, int from, String delimiter) {
    int i = from;
    while (i < source.length()) {
      if (source.charAt(i) == '\\') {
        i += 2;
      } else if (source.startsWith(delimiter, i)) {
        return i + delimiter.length();
      } else {
        i++;
      }
    }
    return source.length();
  }

  private static void add(List<Found> found, Path file, int line, String literal) {
    if (literal.chars().anyMatch(ChineseLiterals::chinese)) {
      found.add(new Found(file, line, literal));
    }
  }

  static boolean chinese(int c) {
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
  }
}
