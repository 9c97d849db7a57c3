package org.linli.bot.consultation.publish;

import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;
import org.linli.bot.text.Words;

/** Fitting chart text into its width: wrapping Chinese (which has no spaces) and cutting with "…". */
final class ChartText {

  /** Punctuation a line may not begin with. */
  private static final String NO_LINE_START = Words.CHART_NO_LINE_START.text();

  private ChartText() {
  }

  /** Breaks text into at most {@code max} lines of {@code width} pixels, the last one cut with "…". */
  static List<String> wrap(String text, FontMetrics metrics, int width, int max) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int[] points = text.codePoints().toArray();
    for (int i = 0; i < points.length; i++) {
      String next = line + Character.toString(points[i]);
      if (metrics.stringWidth(next) > width && line.length() > 0) {
        if (lines.size() == max - 1) {
          lines.add(ellipsize(line + new String(points, i, points.length - i), metrics, width));
          return lines;
        }
        String done = line.toString();
        String carried = "";
        // A line may not begin with closing punctuation: take the last character down with it.
        if (NO_LINE_START.indexOf(points[i]) >= 0 && done.codePointCount(0, done.length()) > 1) {
          int cut = done.offsetByCodePoints(done.length(), -1);
          carried = done.substring(cut);
          done = done.substring(0, cut);
        }
        lines.add(done.strip());
        line = new StringBuilder(carried).appendCodePoint(points[i]);
      } else {
        line = new StringBuilder(next);
      }
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString().strip());
    }
    return lines;
  }

  /** The text, cut with "…" where it would pass {@code width} pixels. */
  static String ellipsize(String text, FontMetrics metrics, int width) {
    if (metrics.stringWidth(text) <= width) {
      return text;
    }
    int[] points = text.codePoints().toArray();
    int keep = points.length;
    while (keep > 0 && metrics.stringWidth(new String(points, 0, keep) + "…") > width) {
      keep--;
    }
    return new String(points, 0, keep).strip() + "…";
  }
}
