package org.linli.kb.index;

/**
 * The part of a long message the embedding model reads: its last clauses, up to {@link #MAX_CODE_POINTS}.
 *
 * <p>Residents write the circumstances first and the question last (房子是我和老婆两个人的名字，房产证
 * 翻遍了都找不到。补办的时候是不是两个人都要去？). The words of the whole message still count in the
 * search and in the confidence; the vector is taken of the end, where the asked part is. That keeps
 * a 140-character message from costing the model four times a short one, and keeps a long preamble
 * from pulling the vector towards what was only told as background.
 */
final class AskedPart {

  /** The most the model reads of one question, in code points. */
  static final int MAX_CODE_POINTS = 64;

  private AskedPart() {
  }

  /**
   * The last whole clauses of {@code folded} (a question in match form) that fit in {@link
   * #MAX_CODE_POINTS}; the last {@link #MAX_CODE_POINTS} code points when its last clause alone is
   * longer; the text itself when it fits.
   */
  static String of(String folded) {
    int length = folded.codePointCount(0, folded.length());
    if (length <= MAX_CODE_POINTS) {
      return folded;
    }
    int floor = folded.offsetByCodePoints(0, length - MAX_CODE_POINTS);
    // The first clause boundary at or after the floor starts the part; none: cut at the floor.
    for (int i = floor; i < folded.length();) {
      int c = folded.codePointAt(i);
      int next = i + Character.charCount(c);
      if (boundary(c)) {
        String rest = folded.substring(next).strip();
        return rest.isEmpty() ? folded.substring(floor).strip() : rest;
      }
      i = next;
    }
    return folded.substring(floor).strip();
  }

  /** Ends a clause: sentence and clause punctuation (ASCII, ideographic, full-width), a line, a space. */
  private static boolean boundary(int c) {
    if (c >= FULL_WIDTH_OFFSET + '!' && c <= FULL_WIDTH_OFFSET + '?') {
      c -= FULL_WIDTH_OFFSET;
    }
    return c == '.' || c == '!' || c == '?' || c == ';' || c == ',' || c == ':' || c == IDEOGRAPHIC_FULL_STOP
        || c == IDEOGRAPHIC_COMMA || Character.isWhitespace(c);
  }

  private static final int IDEOGRAPHIC_FULL_STOP = 0x3002;
  private static final int IDEOGRAPHIC_COMMA = 0x3001;
  /** A full-width form (U+FF01..) is its ASCII character plus this. */
  private static final int FULL_WIDTH_OFFSET = 0xFF01 - '!';
}
