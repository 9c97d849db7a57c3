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

  /** Words that carry no topic: question words, particles, pronouns, politeness. */
  static final CharArraySet STOP_WORDS =
      new CharArraySet(
          List.of(
              "的", "了", "吗", "呢", "啊", "吧", "呀", "么", "嘛", "哈", "哦", "噢", "呗", "啦", "哇",
              "我", "你", "您", "他", "她", "它", "我们", "你们", "他们", "咱", "咱们", "大家",
              "是", "在", "有", "和", "与", "及", "或", "或者", "还是", "就", "都", "也", "还", "又",
              "要", "想", "能", "会", "可以", "能不能", "可不可以", "是不是", "有没有", "需不需要",
              "怎么", "怎样", "怎么样", "如何", "什么", "啥", "咋", "哪", "哪里", "哪儿", "哪些", "哪个",
              "多少", "几", "谁", "为什么", "为啥", "请问", "问", "请", "一下", "一些", "知道", "这个",
              "那个", "这", "那", "这样", "那样", "个", "吗", "得", "地", "着", "过", "把", "被", "给",
              "跟", "对", "从", "到", "让", "去", "来", "上", "下", "里", "中", "之", "其",
              "，", "。", "？", "！", "、", ",", ".", "?", "!", "~", "…"),
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
    TokenStream stream =
        new CJKBigramFilter(new LowerCaseFilter(new SymbolFilter(tokenizer)), CJKBigramFilter.HAN, true);
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
