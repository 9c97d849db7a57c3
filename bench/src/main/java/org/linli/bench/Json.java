package org.linli.bench;

/** The one JSON (and YAML double-quoted) string escape the benchmarks need. */
public final class Json {

  private Json() {
  }

  /** Escapes {@code text} for the inside of a JSON string literal (no surrounding quotes). */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A quoted JSON string. */
  public static String quote(String text) {
    return '"' + escape(text) + '"';
  }
}
