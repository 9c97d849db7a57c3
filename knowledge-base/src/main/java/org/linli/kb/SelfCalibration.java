package org.linli.kb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.linli.kb.analysis.LinliAnalyzer;
import org.linli.kb.embed.Embedder;
import org.linli.kb.index.KbIndex;
import org.linli.kb.index.Retriever;
import org.linli.kb.intent.IntentClassifier;
import org.linli.kb.intent.MessageKind;
import org.linli.kb.search.Sample;

/**
 * Labelled samples made from a knowledge base's own guides, for an office that has written no
 * evaluation questions: each guide's alternative questions, held out of the index in two halves,
 * are questions whose answer is known; the same questions with their topic swapped for a sibling
 * the guide does not cover (儿童疫苗 → 宠物疫苗, from {@code linli/topic-siblings.txt}) are
 * questions no guide should answer. Off-scope questions from elsewhere can be added.
 */
final class SelfCalibration {

  private static final String SIBLINGS = "linli/topic-siblings.txt";

  private final LinliAnalyzer analyzer;
  private final Retriever retriever;
  private final Embedder embedder;
  private final IntentClassifier intents;
  private final List<List<String>> siblings = readSiblings();

  SelfCalibration(LinliAnalyzer analyzer, Retriever retriever, Embedder embedder, IntentClassifier intents) {
    this.analyzer = analyzer;
    this.retriever = retriever;
    this.embedder = embedder;
    this.intents = intents;
  }

  /**
   * Full and words-only samples, in the same order; the last {@code variants} of them are the
   * generated near-topic variants (harder than most real questions: fit on them, but do not set a
   * threshold by them alone).
   */
  record Samples(List<Sample> full, List<Sample> words, int variants) {
    Samples {
      full = List.copyOf(full);
      words = List.copyOf(words);
    }
  }

  /** The samples of these guides (two extra index builds), plus {@code offScope} questions. */
  Samples of(List<Entry> entries, List<String> offScope, Path indexRoot) {
    List<Sample> full = new ArrayList<>();
    List<Sample> words = new ArrayList<>();
    List<Sample> variantsFull = new ArrayList<>();
    List<Sample> variantsWords = new ArrayList<>();
    String heads = heads(entries);
    for (int half = 0; half < 2; half++) {
      List<Entry> kept = new ArrayList<>();
      List<String[]> heldOut = new ArrayList<>(); // {entry id, question, entry text}
      for (Entry e : entries) {
        List<String> stay = new ArrayList<>();
        for (int i = 0; i < e.questions().size(); i++) {
          if (i % 2 == half && e.questions().size() > 1) {
            heldOut.add(new String[]{e.id(), e.questions().get(i), ChineseScript.fold(e.title() + e.body())});
          } else {
            stay.add(e.questions().get(i));
          }
        }
        kept.add(new Entry(e.id(), e.title(), stay, e.tags(), e.office(), e.source(), e.updated(), e.body(), e.extra(),
            e.origin()));
      }
      try (KbIndex index = KbIndex.build(kept, analyzer, embedder, indexRoot)) {
        for (String[] q : heldOut) {
          add(full, words, q[0], q[1], index);
          String variant = nearTopic(ChineseScript.fold(q[1]), q[2], heads);
          if (variant != null) {
            add(variantsFull, variantsWords, null, variant, index);
          }
        }
        if (half == 0) {
          offScope.forEach(text -> add(full, words, null, text, index));
        }
      }
    }
    full.addAll(variantsFull);
    words.addAll(variantsWords);
    return new Samples(full, words, variantsFull.size());
  }

  private void add(List<Sample> full, List<Sample> words, String expected, String text, KbIndex index) {
    boolean reaches = intents.classify(text).kind() == MessageKind.QUESTION;
    if (!reaches) {
      words.add(new Sample(expected, List.of(), false));
      full.add(new Sample(expected, List.of(), false));
      return;
    }
    Retriever.Prepared query = retriever.prepareWords(text, index);
    // One words search serves both samples, as in KnowledgeBase.ask.
    Map<String, Double> hits = retriever.wordHits(query, index);
    words.add(new Sample(expected, index.semantic() ? retriever.candidates(query, index, hits) : List.of(), true));
    full.add(new Sample(expected, retriever.candidates(retriever.withVector(query, index), index, hits), true));
  }

  /**
   * The question with one topic word swapped for a sibling that neither its guide nor any guide's
   * title, questions or tags mention, or null when it has no such word.
   */
  String nearTopic(String question, String guideText, String heads) {
    for (List<String> group : siblings) {
      for (String word : group) {
        if (!question.contains(word)) {
          continue;
        }
        for (String sibling : group) {
          if (!sibling.equals(word) && !guideText.contains(sibling) && !heads.contains(sibling)
              && !sibling.contains(word) && !word.contains(sibling)) {
            return question.replaceFirst(Pattern.quote(word), sibling);
          }
        }
      }
    }
    return null;
  }

  private static String heads(List<Entry> entries) {
    StringBuilder all = new StringBuilder();
    for (Entry e : entries) {
      all.append(e.title()).append('\n');
      e.questions().forEach(q -> all.append(q).append('\n'));
      e.tags().forEach(t -> all.append(t).append('\n'));
    }
    return ChineseScript.fold(all.toString());
  }

  private static List<List<String>> readSiblings() {
    return ResourceLines.read(SIBLINGS).stream().map(line -> List.of(line.split("\\s+"))).toList();
  }
}
