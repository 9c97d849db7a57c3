package org.linli.kb.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.linli.kb.ResourceLines;

/**
 * The one analyzer of the knowledge base. Every field is folded first (Traditional to Simplified,
 * full-width to half-width), then analysed by the suffix of its name:
 *
 * <ul>
 *   <li>{@code _w}: words, segmented by smartcn, with question words removed;
 *   <li>{@code _g}: Han characters and character bigrams, which survive a wrong character;
 *   <li>{@code _py}: pinyin syllable bigrams, which survive a homophone typed by a pinyin IME.
 * </ul>
 */
public final class LinliAnalyzer extends Analyzer {

  /** Suffix of word fields. */
  public static final String WORDS = "_w";
  /** Suffix of character n-gram fields. */
  public static final String GRAMS = "_g";
  /** Suffix of pinyin fields. */
  public static final String PINYIN = "_py";

  /**
   * Words that carry no topic: question words, particles, pronouns, politeness, punctuation. The
   * words are in {@code linli/stop-words.txt}.
   */
  static final CharArraySet STOP_WORDS = new CharArraySet(
      ResourceLines.words("linli/stop-words.txt"),
      false);

  /** Components are reused per field: each field kind has its own chain. */
  public LinliAnalyzer() {
    super(PER_FIELD_REUSE_STRATEGY);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    if (fieldName.endsWith(WORDS)) {
      Tokenizer tokenizer = new HMMChineseTokenizer();
      TokenStream stream = new StopFilter(new LowerCaseFilter(new SymbolFilter(tokenizer)), STOP_WORDS);
      return new TokenStreamComponents(tokenizer, stream);
    }
    if (fieldName.endsWith(PINYIN)) {
      Tokenizer tokenizer = new StandardTokenizer();
      ShingleFilter shingles = new ShingleFilter(new PinyinFilter(new SymbolFilter(tokenizer)), 2, 2);
      shingles.setOutputUnigrams(false);
      return new TokenStreamComponents(tokenizer, shingles);
    }
    Tokenizer tokenizer = new StandardTokenizer();
    TokenStream stream = new CJKBigramFilter(new LowerCaseFilter(new SymbolFilter(tokenizer)), CJKBigramFilter.HAN,
        true);
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new FoldingCharFilter(reader);
  }

  /** The terms this analyzer makes of a text for a field, in order. */
  public List<String> terms(String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }
}
