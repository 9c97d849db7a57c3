package org.linli.kb.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Drops emoji tokens (flags and ZWJ sequences among them) and tokens without a letter or a digit
 * (punctuation, stray symbols). They say nothing of a question's topic, and a two-code-point emoji
 * such as 🇨🇳 would otherwise pass for a character bigram. A dropped token leaves no position gap,
 * just as the punctuation the tokenizer skips leaves none, so pinyin shingles read across it.
 */
final class SymbolFilter extends TokenFilter {

  private static final String EMOJI = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI];

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);

  SymbolFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (input.incrementToken()) {
      if (accept()) {
        return true;
      }
    }
    return false;
  }

  private boolean accept() {
    if (EMOJI.equals(type.type())) {
      return false;
    }
    for (int i = 0; i < term.length();) {
      int cp = Character.codePointAt(term, i);
      if (Character.isLetterOrDigit(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }
}
