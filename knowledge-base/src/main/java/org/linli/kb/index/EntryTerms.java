package org.linli.kb.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.linli.kb.Entry;
import org.linli.kb.analysis.LinliAnalyzer;
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
        frozen(head), frozen(pinyin), frozen(body), frozen(allPinyin), frozen(words), text, frozen(headWords),
        headText);
  }

  /**
   * How far what this guide is about (its title, questions, tags and aliases) covers a topic word,
   * 0..1, measured as {@link #covers}: a guide that only mentions 户口本 among its materials is not
   * about 户口本.
   */
  double headCovers(TopicWord word) {
    return cover(word, headWords, headText, headBigrams, headPinyin);
  }

  /**
   * True when the guide does not have this word anywhere ({@code covered}, its {@link #covers},
   * is below 1), but what it is about names a sibling: another word of two or more characters
   * ending the same way (身份证 for a question on 房产证, 老年卡 for one on 公交卡): the commonest
   * shape of a question about another matter.
   */
  boolean namesSiblingOf(TopicWord word, double covered) {
    if (word.length() < 2 || covered >= 1) {
      return false;
    }
    int last = word.last();
    String w0 = word.word();
    for (String w : headWords) {
      if (!w.equals(w0) && w.codePointCount(0, w.length()) >= 2 && w.codePointBefore(w.length()) == last
          && !w.contains(w0) && !w0.contains(w)) {
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
  double covers(TopicWord word) {
    return cover(word, words, text, bodyBigrams, allPinyin);
  }

  /**
   * 1 when the word is there (or sounds the same: 生鱼 for 生育, typed with a pinyin keyboard),
   * else the share of its character bigrams that are there.
   */
  private static double cover(TopicWord word, Set<String> words, String text, Set<String> bigrams, Set<String> sounds) {
    if (words.contains(word.word()) || text.contains(word.word()) || word.soundsAmong(sounds)) {
      return 1;
    }
    if (word.length() < 2) {
      return 0;
    }
    int hit = 0;
    for (String pair : word.bigrams()) {
      hit += bigrams.contains(pair) ? 1 : 0;
    }
    return (double) hit / word.bigrams().size();
  }

  /**
   * A read-only hash set. Not {@code Set.copyOf}, for two reasons: its iteration order changes
   * with a salt drawn at each JVM start, and scores that sum or break ties in that order then
   * differ from run to run (the evaluation did, by a question); and its open addressing probes
   * long runs for the missing bigrams most lookups here are (bigrams of one character are
   * neighbours in hash order), a third of a lexical search on 5,000 guides.
   */
  static Set<String> frozen(Collection<String> set) {
    return Collections.unmodifiableSet(new HashSet<>(set));
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
