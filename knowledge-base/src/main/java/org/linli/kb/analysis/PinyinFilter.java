package org.linli.kb.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Replaces each single-Han-character token by its toneless pinyin syllable. */
final class PinyinFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  PinyinFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (term.length() > 0) {
      int cp = Character.codePointAt(term, 0);
      if (Character.charCount(cp) == term.length()) {
        String syllable = Pinyin.of(cp);
        term.setEmpty().append(syllable);
      }
    }
    return true;
  }
}
