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
 * Finds string, text-block and character literals in Java source that contain CJK characters (Han
 * U+3400–U+9FFF, CJK punctuation U+3000–U+303F, full-width forms U+FF00–U+FFEF), skipping comments
 * and Javadoc. Unicode escapes (a backslash, {@code u} and four hex digits) are decoded first, as
 * javac does, so they are found too. Self-contained on purpose (JDK only), so other modules can copy or share it.
 */
final class ChineseLiterals {

  /** One literal that holds CJK text: where it is and the literal as written (decoded). */
  record Hit(String file, int line, String literal) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + literal;
    }
  }

  private ChineseLiterals() {
  }

  /** Every hit in the {@code .java} files under a source root, in file order. */
  static List<Hit> under(Path root) {
    List<Hit> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        hits.addAll(in(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hits;
  }

  /** Every hit in one compilation unit; {@code file} names it in the hits. */
  static List<Hit> in(String file, String source) {
    String s = decodeUnicodeEscapes(source);
    List<Hit> hits = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (s.startsWith("//", i)) {
        i = endOfLine(s, i);
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? s.length() : end + 2;
        line += count(s, i, end);
        i = end;
      } else if (c == '"' || c == '\'') {
        String delimiter = s.startsWith("\"\"\"", i) ? "\"\"\"" : String.valueOf(c);
        int end = closing(s, i + delimiter.length(), delimiter);
        literal(file, s.substring(i, end), line, hits);
        line += count(s, i, end);
        i = end;
      } else {
        i++;
      }
    }
    return hits;
  }

  /** Records a literal starting on {@code line} if it holds CJK, at the line of its first CJK character. */
  private static void literal(String file, String text, int line, List<Hit> hits) {
    for (int k = 0; k < text.length(); k++) {
      if (cjk(text.charAt(k))) {
        int at = line + count(text, 0, k);
        String shown = text.lines().skip(at - line).findFirst().orElse(text).strip();
        hits.add(new Hit(file, at, shown));
        return;
      }
    }
  }

  /** The index just past the delimiter that closes a literal opened before {@code from}. */
  private static int closing(String s, int from, String delimiter) {
    int i = from;
    while (i < s.length()) {
      if (s.charAt(i) == '\\') {
        i += 2;
      } else if (s.startsWith(delimiter, i)) {
        return i + delimiter.length();
      } else if (delimiter.length() == 1 && s.charAt(i) == '\n') {
        return i; // an unterminated literal; javac would refuse it
      } else {
        i++;
      }
    }
    return s.length();
  }

  /** Han (U+3400–U+9FFF), CJK symbols and punctuation (U+3000–U+303F), full-width forms (U+FF00–U+FFEF). */
  static boolean cjk(char c) {
    return (c >= 0x3400 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
  }

  private static int endOfLine(String s, int i) {
    int end = s.indexOf('\n', i);
    return end < 0 ? s.length() : end;
  }

  private static int count(String s, int from, int to) {
    int n = 0;
    for (int k = from; k < to; k++) {
      if (s.charAt(k) == '\n') {
        n++;
      }
    }
    return n;
  }

  /** Decodes Unicode escapes whose backslash is not itself escaped (JLS 3.3). */
  static String decodeUnicodeEscapes(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        int backslashes = 0;
        while (i + backslashes < s.length() && s.charAt(i + backslashes) == '\\') {
          backslashes++;
        }
        // In a run of backslashes only the last can start an escape, and only if the run is odd.
        out.append(s, i, i + backslashes - 1);
        i += backslashes - 1;
        int u = i + 1;
        if (backslashes % 2 == 1 && u < s.length() && s.charAt(u) == 'u') {
          while (u < s.length() && s.charAt(u) == 'u') {
            u++;
          }
          if (u + 4 <= s.length() && s.substring(u, u + 4).chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            out.append((char) Integer.parseInt(s.substring(u, u + 4), 16));
            i = u + 4;
            continue;
          }
        }
        out.append('\\');
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
