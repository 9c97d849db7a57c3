package org.linli.kb.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;
import org.linli.kb.ChineseScript;

/**
 * Folds the whole input with {@link ChineseScript#fold} and rewrites residents' words
 * ({@link ResidentLexicon#matchForm}) before tokenizing, so Traditional and Simplified text, and
 * 咋整 and 怎么办, yield the same tokens. Fields are short (a guide body at most), so the input is
 * read whole; offsets are approximate, which nothing here relies on.
 */
final class FoldingCharFilter extends CharFilter {

  private String folded;
  private int position;

  FoldingCharFilter(Reader input) {
    super(input);
  }

  @Override
  protected int correct(int currentOff) {
    return currentOff;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (folded == null) {
      StringBuilder all = new StringBuilder();
      char[] chunk = new char[1024];
      int n;
      while ((n = input.read(chunk)) != -1) {
        all.append(chunk, 0, n);
      }
      folded = ResidentLexicon.matchForm(all.toString());
    }
    if (position >= folded.length()) {
      return -1;
    }
    int count = Math.min(length, folded.length() - position);
    folded.getChars(position, position + count, buffer, offset);
    position += count;
    return count;
  }
}
