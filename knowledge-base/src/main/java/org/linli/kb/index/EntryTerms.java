package org.linli.kb.index;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.linli.kb.Entry;
import org.linli.kb.analysis.LinliAnalyzer;

/**
 * The character bigrams and pinyin bigrams of an entry's title, questions, aliases and tags, and the
 * bigrams of its body: what share of a question's bigrams an entry covers is a plain, robust
 * measure of lexical fit, whatever the length of the question.
 */
record EntryTerms(Set<String> headBigrams, Set<String> headPinyin, Set<String> bodyBigrams, Set<String> allPinyin) {

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
    return new EntryTerms(Set.copyOf(head), Set.copyOf(pinyin), Set.copyOf(body), Set.copyOf(allPinyin));
  }

  static List<String> heads(Entry entry) {
    List<String> heads = new java.util.ArrayList<>();
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
