package org.linli.kb.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.linli.kb.analysis.Pinyin;

/**
 * A topic word of a question with what the coverage checks ask of it — its character bigrams,
 * its syllable pairs, its last character — worked out once per question rather than once per
 * candidate guide and check.
 *
 * @param word the word as segmented
 * @param length its length in code points
 * @param bigrams its consecutive pairs of code points (none for a one-character word)
 * @param sounds its consecutive pairs of toneless syllables ({@code "sheng yu"}), or null when it
 *     is not a word of two or more Han characters (then it cannot sound like another)
 */
record TopicWord(String word, int length, List<String> bigrams, List<String> sounds) {

  static TopicWord of(String word) {
    int[] cps = word.codePoints().toArray();
    List<String> bigrams = new ArrayList<>(Math.max(0, cps.length - 1));
    for (int i = 0; i + 1 < cps.length; i++) {
      bigrams.add(new String(cps, i, 2));
    }
    return new TopicWord(word, cps.length, List.copyOf(bigrams), soundPairs(cps));
  }

  static List<TopicWord> of(List<String> words) {
    List<TopicWord> out = new ArrayList<>(words.size());
    for (String w : words) {
      out.add(of(w));
    }
    return out;
  }

  /** The last code point of the word. */
  int last() {
    return word.codePointBefore(word.length());
  }

  /** True when every syllable pair of the word is among {@code sounds} (false when it has none). */
  boolean soundsAmong(Set<String> syllablePairs) {
    if (sounds == null) {
      return false;
    }
    for (String pair : sounds) {
      if (!syllablePairs.contains(pair)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> soundPairs(int[] cps) {
    if (cps.length < 2) {
      return null;
    }
    String[] syllables = new String[cps.length];
    for (int i = 0; i < cps.length; i++) {
      if (Character.UnicodeScript.of(cps[i]) != Character.UnicodeScript.HAN) {
        return null;
      }
      syllables[i] = Pinyin.of(cps[i]);
    }
    List<String> pairs = new ArrayList<>(cps.length - 1);
    for (int i = 0; i + 1 < cps.length; i++) {
      if (syllables[i] == null || syllables[i].isEmpty() || syllables[i + 1] == null || syllables[i + 1].isEmpty()) {
        return null;
      }
      pairs.add(syllables[i] + " " + syllables[i + 1]);
    }
    return List.copyOf(pairs);
  }
}
