package org.linli.kb.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.linli.kb.analysis.Pinyin;

/**
 * Mends a pinyin-typing slip in a question from the guides' own words: a pair of Han characters
 * that no guide has, one of which can be swapped for a character of the same (toneless) sound to
 * make a two-character word the guides do use, becomes that word (生鱼登记 → 生育登记, 居民医包 →
 * 居民医保, 护口 → 户口, 受里中心 → 受理中心). Residents type with a pinyin keyboard and pick the
 * wrong character of the right sound; the pinyin field of the search already meets such a slip,
 * but the words, the topic check and the embedding model read characters, and a typo there looked
 * like an unknown topic.
 *
 * <p>Only one character of a pair changes, only into a word of what these guides are about, and
 * only when the pair as typed is in no guide, is no word the segmenter knows, holds no character of
 * question forms (一下) and the character replaced makes no known pair with its other neighbour:
 * two characters replaced at once (公积 → 供给) would be a different word, not a slip, and a pair
 * the guides or the language have is taken as meant. Where two words could mend a pair, the
 * one more guides use wins. Built per index from its words, so an office's own vocabulary is what
 * questions are mended towards.
 */
final class HomophoneRepair {

  /** The words a slip may be mended into, by "kept character|sound of the other, position". */
  private final Map<String, String> byKey;
  private final Map<String, Integer> guides;
  private final Set<String> knownPairs;

  private HomophoneRepair(Map<String, String> byKey, Map<String, Integer> guides, Set<String> knownPairs) {
    this.byKey = byKey;
    this.guides = guides;
    this.knownPairs = knownPairs;
  }

  /**
   * A repair towards these words ({@code wordGuides}: the words of what guides are about, their
   * titles, questions, tags and aliases, with how many guides use each; a slip is mended into a
   * matter, not into 以下 or 达到) for questions whose character pairs are checked against {@code
   * knownPairs}, every pair any guide has.
   */
  static HomophoneRepair of(Map<String, Integer> wordGuides, Set<String> knownPairs) {
    Map<String, String> byKey = new HashMap<>();
    for (Map.Entry<String, Integer> w : wordGuides.entrySet()) {
      String word = w.getKey();
      if (word.codePointCount(0, word.length()) != 2) {
        continue;
      }
      int first = word.codePointAt(0);
      int second = word.codePointAt(Character.charCount(first));
      if (!han(first) || !han(second)) {
        continue;
      }
      keep(byKey, wordGuides, firstKept(first, second), word);
      keep(byKey, wordGuides, secondKept(first, second), word);
    }
    return new HomophoneRepair(byKey, wordGuides, knownPairs);
  }

  private static void keep(Map<String, String> byKey, Map<String, Integer> guides, String key, String word) {
    String held = byKey.get(key);
    if (held == null || guides.get(word) > guides.get(held)
        || (guides.get(word).equals(guides.get(held)) && word.compareTo(held) < 0)) {
      byKey.put(key, word);
    }
  }

  /** The question with its slips mended; the same string when there are none. */
  String mend(String text) {
    int[] cps = text.codePoints().toArray();
    boolean changed = false;
    boolean[] inWord = null;
    for (int i = 0; i + 1 < cps.length; i++) {
      int a = cps[i];
      int b = cps[i + 1];
      String typed = pair(a, b);
      if (!han(a) || !han(b) || knownPairs.contains(typed) || !Retriever.contentGram(typed)) {
        continue;
      }
      String byFirst = byKey.get(firstKept(a, b));
      String bySecond = byKey.get(secondKept(a, b));
      if (byFirst == null && bySecond == null) {
        continue;
      }
      if (inWord == null) {
        inWord = inDictionaryWords(text, cps.length);
      }
      // A pair the guides lack may still be a word of the language (一下, 一直) or straddle one
      // (等几天): only characters the segmenter could not place in any word are a slip's remains.
      if (inWord[i] || inWord[i + 1]) {
        continue;
      }
      // The character replaced must not fit its other neighbour: 打 in 去打会 is at home in 去打.
      String word = better(fitsOutside(cps, i + 2, b, false) ? null : byFirst,
          fitsOutside(cps, i - 1, a, true) ? null : bySecond);
      if (word == null) {
        continue;
      }
      int m0 = word.codePointAt(0);
      cps[i] = m0;
      cps[i + 1] = word.codePointAt(Character.charCount(m0));
      changed = true;
      i++;
    }
    return changed ? new String(cps, 0, cps.length) : text;
  }

  /**
   * Per code point of {@code text}: true when the segmenter's dictionary puts it in a word of two
   * characters or more.
   */
  private static boolean[] inDictionaryWords(String text, int codePoints) {
    boolean[] in = new boolean[codePoints];
    try (HMMChineseTokenizer tokenizer = new HMMChineseTokenizer()) {
      OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
      tokenizer.setReader(new StringReader(text));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        int start = offset.startOffset();
        int end = offset.endOffset();
        if (text.codePointCount(start, end) > 1) {
          int from = text.codePointCount(0, start);
          int to = from + text.codePointCount(start, end);
          for (int k = from; k < to && k < codePoints; k++) {
            in[k] = true;
          }
        }
      }
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return in;
  }

  /**
   * True when the character {@code c} makes a pair some guide has with its neighbour at {@code at}
   * (before it when {@code before}).
   */
  private boolean fitsOutside(int[] cps, int at, int c, boolean before) {
    if (at < 0 || at >= cps.length) {
      return false;
    }
    return knownPairs.contains(before ? pair(cps[at], c) : pair(c, cps[at]));
  }

  private String better(String one, String other) {
    if (one == null) {
      return other;
    }
    if (other == null) {
      return one;
    }
    return guides.get(other) > guides.get(one) ? other : one;
  }

  private static String firstKept(int first, int second) {
    return new String(Character.toChars(first)) + "|" + Pinyin.of(second) + ",1";
  }

  private static String secondKept(int first, int second) {
    return Pinyin.of(first) + "|" + new String(Character.toChars(second)) + ",0";
  }

  private static String pair(int a, int b) {
    return new String(Character.toChars(a)) + new String(Character.toChars(b));
  }

  private static boolean han(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }
}
