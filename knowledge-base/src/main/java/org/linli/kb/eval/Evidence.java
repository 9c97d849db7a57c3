package org.linli.kb.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.linli.kb.Entry;
import org.linli.kb.KnowledgeBase;
import org.linli.kb.intent.Intent;
import org.linli.kb.intent.MessageKind;
import org.linli.kb.search.Sample;

/**
 * The evidence the knowledge base gathers for every question of a set, collected once so that
 * every model fitted afterwards (folds, the other knowledge base, self-calibration) is measured
 * on exactly the same searches: the full candidates, the words-only candidates (for the shortcut)
 * and the intent.
 */
record Evidence(String name, List<EvalQuestion> questions, List<Sample> full, List<Sample> words,
    List<Intent> intents) {

  /** Searches every question in {@code kb}; in-scope questions must name a guide of it. */
  static Evidence collect(String name, KnowledgeBase kb, List<EvalQuestion> questions) {
    Set<String> ids = kb.entries().stream().map(Entry::id).collect(Collectors.toSet());
    List<Sample> full = new ArrayList<>();
    List<Sample> words = new ArrayList<>();
    List<Intent> intents = new ArrayList<>();
    for (EvalQuestion q : questions) {
      if (q.inScope() && !ids.contains(q.expected())) {
        throw new IllegalArgumentException(q.file() + ":" + q.line() + " expects unknown guide " + q.expected());
      }
      Intent intent = kb.intent(q.text());
      intents.add(intent);
      boolean reaches = intent.kind() == MessageKind.QUESTION;
      String expected = q.inScope() ? q.expected() : null;
      full.add(new Sample(expected, reaches ? kb.candidates(q.text()) : List.of(), reaches));
      words.add(new Sample(expected, reaches && kb.semantic() ? kb.wordCandidates(q.text()) : List.of(), reaches));
    }
    return new Evidence(name, questions, full, words, intents);
  }

  /** The samples of the questions that should be declined (for another knowledge base's calibration). */
  List<String> outOfScopeTexts() {
    return questions.stream().filter(q -> !q.inScope() && !q.forHelpline()).map(EvalQuestion::text).toList();
  }

  /** The samples at these positions. */
  static List<Sample> pick(List<Sample> all, List<Integer> indices) {
    List<Sample> out = new ArrayList<>(indices.size());
    indices.forEach(i -> out.add(all.get(i)));
    return out;
  }
}
