package org.linli.webhooks;

/**
 * Text from a request made well-formed UTF-16: JSON may carry an escaped lone surrogate
 * ({@code "\ud83d"}, half an emoji), which no UTF-8 encoder can write back; each becomes U+FFFD.
 * Every text read from a request passes here once (chat events in {@link ChatEvent}, the ask API).
 * Limits on what a resident types count characters as a person does ({@link #length}: 👍🏻 is two,
 * not four), and texts are shortened without cutting one in half ({@link #first}).
 */
public final class WellFormedText {

  private WellFormedText() {
  }

  /** The text with each lone surrogate replaced by U+FFFD; the same instance when it has none; null stays null. */
  public static String of(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** How many characters (code points) the text has: an emoji outside the BMP counts once. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** The text's first {@code max} characters (code points), never half of a surrogate pair. */
  public static String first(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int points = text.codePointCount(0, text.length());
    return points <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
  }
}
