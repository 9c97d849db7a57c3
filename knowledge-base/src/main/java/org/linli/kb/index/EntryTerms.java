package org.linli.kb.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.linli.kb.Entry;
import org.linli.kb.analysis.LinliAnalyzer;
import org.linli.kb.analysis.Pinyin;
import org.linli.kb.analysis.ResidentLexicon;

/**
 * The character bigrams and pinyin bigrams of an entry's title, questions, aliases and tags, and the
 * bigrams of its body: what share of a question's bigrams an entry covers is a plain, robust
 * measure of lexical fit, whatever the length of the question.
 */
record EntryTerms(
    Set<String> headBigrams,
    Set<String> headPinyin,
    Set<String> bodyBigrams,
    Set<String> allPinyin,
    Set<String> words,
    String text,
    Set<String> headWords,
    String headText) {

  static EntryTerms of(Entry entry, LinliAnalyzer analyzer) {
    Set<String> head = new HashSet<>();
    Set<String> pinyin = new HashSet<>();
    for (String text : heads(entry)) {
      head.addAll(bigrams(analyzer, text));
      pinyin.addAll(analyzer.terms("x" + LinliAnalyzer.PINYIN, text));
    }
    Set<String> body = new HashSet<>(bigrams(analyzer, entry.body()));
    body.addAll(head);
    Set<String> allPinyin = new HashSet<>(analyzer.terms("x" + LinliAnalyzer.PINYIN, entry.body()));
    allPinyin.addAll(pinyin);
    String text = ResidentLexicon.matchForm(String.join("\n", heads(entry)) + "\n" + entry.body());
    Set<String> words = new HashSet<>(analyzer.terms("x" + LinliAnalyzer.WORDS, text));
    String headText = ResidentLexicon.matchForm(String.join("\n", heads(entry)));
    Set<String> headWords = new HashSet<>(analyzer.terms("x" + LinliAnalyzer.WORDS, headText));
    return new EntryTerms(
        Set.copyOf(head), Set.copyOf(pinyin), Set.copyOf(body), Set.copyOf(allPinyin), Set.copyOf(words), text,
        Set.copyOf(headWords), headText);
  }

  /**
   * How far what this guide is about (its title, questions, tags and aliases) covers a topic word,
   * 0..1, measured as {@link #covers}: a guide that only mentions 户口本 among its materials is not
   * about 户口本.
   */
  double headCovers(String word) {
    return cover(word, headWords, headText, headBigrams, headPinyin);
  }

  /**
   * True when the guide does not have this word anywhere, but what it is about names a sibling:
   * another word of two or more characters ending the same way (身份证 for a question on 房产证,
   * 老年卡 for one on 公交卡): the commonest shape of a question about another matter.
   */
  boolean namesSiblingOf(String word) {
    int n = word.codePointCount(0, word.length());
    if (n < 2 || covers(word) >= 1) {
      return false;
    }
    int last = word.codePointBefore(word.length());
    for (String w : headWords) {
      if (!w.equals(word) && w.codePointCount(0, w.length()) >= 2 && w.codePointBefore(w.length()) == last
          && !w.contains(word) && !word.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * How far this guide covers a topic word of a question, 0..1: fully when the guide has the word
   * (or the word is written inside its text), else the share of the word's character bigrams the
   * guide has, so 外来务工人员 is partly covered by a guide on 外来人员.
   */
  double covers(String word) {
    return cover(word, words, text, bodyBigrams, allPinyin);
  }

  /**
   * 1 when the word is there (or sounds the same: 生鱼 for 生育, typed with a pinyin keyboard),
   * else the share of its character bigrams that are there.
   */
  private static double cover(String word, Set<String> words, String text, Set<String> bigrams, Set<String> sounds) {
    if (words.contains(word) || text.contains(word) || soundsThere(word, sounds)) {
      return 1;
    }
    int n = word.codePointCount(0, word.length());
    if (n < 2) {
      return 0;
    }
    int hit = 0;
    int pairs = 0;
    for (int i = 0, start = 0; i < n - 1; i++) {
      int next = word.offsetByCodePoints(start, 1);
      int end = word.offsetByCodePoints(next, 1);
      pairs++;
      hit += bigrams.contains(word.substring(start, end)) ? 1 : 0;
      start = next;
    }
    return (double) hit / pairs;
  }

  /** True when every pair of syllables of a word of two or more Han characters is among {@code sounds}. */
  static boolean soundsThere(String word, Set<String> sounds) {
    int[] cps = word.codePoints().toArray();
    if (cps.length < 2
        || !Arrays.stream(cps).allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
      return false;
    }
    for (int i = 0; i + 1 < cps.length; i++) {
      String a = Pinyin.of(cps[i]);
      String b = Pinyin.of(cps[i + 1]);
      if (a == null || b == null || a.isEmpty() || b.isEmpty() || !sounds.contains(a + " " + b)) {
        return false;
      }
    }
    return true;
  }

  static List<String> heads(Entry entry) {
    List<String> heads = new ArrayList<>();
    heads.add(entry.title());
    heads.addAll(entry.questions());
    heads.addAll(entry.aliases());
    heads.addAll(entry.tags());
    return heads;
  }

  static List<String> bigrams(LinliAnalyzer analyzer, String text) {
    return analyzer.terms("x" + LinliAnalyzer.GRAMS, text).stream().filter(t -> t.length() == 2).toList();
  }
}
