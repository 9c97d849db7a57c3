package org.linli.kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.linli.kb.ResourceLines;
import org.linli.kb.analysis.LinliAnalyzer;
import org.linli.kb.analysis.Pinyin;
import org.linli.kb.analysis.ResidentLexicon;
import org.linli.kb.embed.Embedder;

/**
 * Finds the guides that may answer a question, by words (BM25 over words, character n-grams and
 * pinyin, with field weights) and by meaning (nearest passage vectors), and gathers the evidence
 * for each into a {@link Candidate}. Blocking: call it from a worker thread.
 */
public final class Retriever {

  private static final int LEXICAL_DEPTH = 10;
  private static final int DENSE_DEPTH = 100;
  /**
   * Query terms per field at most, the rarest first: a long, chatty question would otherwise make
   * hundreds of clauses (a term lookup each) whose common terms add little but time.
   */
  private static final int TERMS_PER_FIELD = 32;
  /**
   * Query terms per body field at most: body text is long and its matches weigh least, so beyond
   * the 16 rarest terms they changed no ranking on either evaluation set (head 32 / body 16 gave the
   * same cross-KB figures as 32 / 32) while costing a tenth of a long question's search time; the
   * title and question fields keep {@link #TERMS_PER_FIELD} (16 there cost accuracy).
   */
  private static final int BODY_TERMS = 16;
  private static final double[] NO_MATCH = new double[4];
  /**
   * Characters that make a bigram a question form rather than a topic (怎么, 请问, 一下 ...), from
   * {@code linli/function-chars.txt}.
   */
  private static final String FUNCTION_CHARS = String.join("", ResourceLines.words("linli/function-chars.txt"));

  /** Field weights: titles and alternative questions say what a guide is for; bodies say much else. */
  private static final List<Map.Entry<String, Float>> FIELDS = List.of(
      Map.entry(KbIndex.HEAD + LinliAnalyzer.WORDS, 3.0f),
      Map.entry(KbIndex.BODY + LinliAnalyzer.WORDS, 0.8f),
      Map.entry(KbIndex.HEAD + LinliAnalyzer.GRAMS, 1.5f),
      Map.entry(KbIndex.BODY + LinliAnalyzer.GRAMS, 0.3f),
      Map.entry(KbIndex.HEAD + LinliAnalyzer.PINYIN, 1.0f));

  private final LinliAnalyzer analyzer;
  private final Embedder embedder;

  /** {@code embedder} may be null: then only words are used. */
  public Retriever(LinliAnalyzer analyzer, Embedder embedder) {
    this.analyzer = analyzer;
    this.embedder = embedder;
  }

  /** What a question looks like to the index. */
  public record Prepared(
      String folded,
      List<String> words,
      List<String> grams,
      List<String> bigrams,
      List<String> pinyin,
      List<String> topics,
      float[] vector) {

    /**
     * The query terms for a field, by the field's analysis kind. Single characters are searched in
     * titles and questions (they rescue a mistyped character) but not in bodies, where their
     * postings are long (every guide says 办 and 理): that costs time and adds little.
     */
    List<String> termsFor(String field) {
      if (field.endsWith(LinliAnalyzer.WORDS)) {
        return words;
      }
      if (field.endsWith(LinliAnalyzer.PINYIN)) {
        return pinyin;
      }
      return field.startsWith(KbIndex.BODY) ? bigrams : grams;
    }
  }

  /** Analyses (and embeds, when the index is semantic) a question. */
  public Prepared prepare(String question, KbIndex index) {
    return withVector(prepareWords(question, index), index);
  }

  /**
   * Analyses a question for the words-only search of this index (no embedding: cheap), its
   * pinyin-typing slips mended towards the index's words first ({@link HomophoneRepair}).
   */
  public Prepared prepareWords(String question, KbIndex index) {
    return analysed(index.mend(ResidentLexicon.matchForm(question).strip()));
  }

  /** Analyses a question as it is, without an index to mend it towards. */
  public Prepared prepareWords(String question) {
    return analysed(ResidentLexicon.matchForm(question).strip());
  }

  private Prepared analysed(String folded) {
    List<String> words = distinct(analyzer.terms("x" + LinliAnalyzer.WORDS, folded));
    // Question forms (怎么, 请问, 吗 ...) are in every question and say nothing of its topic.
    List<String> grams = distinct(analyzer.terms("x" + LinliAnalyzer.GRAMS, folded)).stream()
        .filter(Retriever::contentGram)
        .toList();
    // Two code points, not two chars: an emoji outside the BMP is one code point in two chars.
    List<String> bigrams = grams.stream().filter(t -> t.codePointCount(0, t.length()) == 2).toList();
    List<String> pinyin = distinct(analyzer.terms("x" + LinliAnalyzer.PINYIN, folded));
    return new Prepared(folded, words, grams, bigrams, pinyin, TopicWords.of(words), null);
  }

  /** The same question with its vector, when the index is semantic. */
  public Prepared withVector(Prepared query, KbIndex index) {
    if (query.vector() != null || !index.semantic() || embedder == null || query.folded().isEmpty()) {
      return query;
    }
    return new Prepared(query.folded(), query.words(), query.grams(), query.bigrams(), query.pinyin(),
        query.topics(), embedder.embed(AskedPart.of(query.folded())));
  }

  /** The candidates for a prepared question, unordered. */
  public List<Candidate> candidates(Prepared query, KbIndex index) {
    return candidates(query, index, wordHits(query, index));
  }

  /** The BM25 scores of the guides the question's words find (the words half of a search). */
  public Map<String, Double> wordHits(Prepared query, KbIndex index) {
    try {
      IndexSearcher searcher = index.searchers().acquire();
      try {
        return lexical(searcher, query, index);
      } finally {
        index.searchers().release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The candidates for a prepared question given its {@link #wordHits} (so a search that first
   * tried words alone does not search words again), unordered.
   */
  public List<Candidate> candidates(Prepared query, KbIndex index, Map<String, Double> lexical) {
    Map<String, double[]> dense = new HashMap<>();
    if (query.vector() != null) {
      try {
        IndexSearcher searcher = index.searchers().acquire();
        try {
          dense = dense(searcher, query.vector(), index.table());
        } finally {
          index.searchers().release(searcher);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    double best = lexical.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    Set<String> ids = new LinkedHashSet<>(lexical.keySet());
    dense.entrySet().stream()
        .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0]))
        .limit(LEXICAL_DEPTH)
        .forEach(e -> ids.add(e.getKey()));
    double[] idf = new double[query.bigrams().size()];
    for (int i = 0; i < idf.length; i++) {
      idf[i] = index.idf(query.bigrams().get(i));
    }
    double unknown = unknownShare(query.bigrams(), idf, index);
    Topics topics = Topics.of(query.topics(), index);
    double length = Math.log1p(query.folded().codePoints().filter(Character::isLetter).count());
    double[] covered = new double[topics.size()];
    double[] headCovered = new double[topics.size()];
    List<Candidate> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      EntryTerms terms = index.terms(id);
      double raw = lexical.getOrDefault(id, 0.0);
      double[] d = dense.getOrDefault(id, NO_MATCH);
      for (int i = 0; i < covered.length; i++) {
        covered[i] = terms.covers(topics.words.get(i));
        headCovered[i] = terms.headCovers(topics.words.get(i));
      }
      out.add(
          new Candidate(
              id,
              d[0],
              d[1],
              d[2],
              d[3],
              best > 0 ? raw / best : 0,
              raw,
              coverage(query.bigrams(), terms.headBigrams()),
              weightedCoverage(query.bigrams(), idf, terms.bodyBigrams()),
              coverage(query.pinyin(), terms.headPinyin()),
              unknown,
              topics.weightedShare(covered),
              topics.key < 0 ? 1 : headCovered[topics.key],
              topics.least(covered),
              topics.weightedShare(headCovered),
              topics.unknown,
              topics.siblingNamed(terms, covered),
              length));
    }
    return out;
  }

  private Map<String, Double> lexical(IndexSearcher searcher, Prepared query, KbIndex index) throws IOException {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    int clauses = 0;
    for (Map.Entry<String, Float> field : FIELDS) {
      for (String term : rarest(query.termsFor(field.getKey()), index, capFor(field.getKey()))) {
        clauses++;
        builder.add(
            new BoostQuery(new TermQuery(new Term(field.getKey(), term)), field.getValue()),
            BooleanClause.Occur.SHOULD);
      }
    }
    Map<String, Double> scores = new HashMap<>();
    if (clauses == 0) {
      return scores;
    }
    // Only the best LEXICAL_DEPTH matter, not how many guides match: with the total hits left
    // uncounted, Lucene skips the blocks of guides that cannot reach the top (same guides, same
    // scores; what makes a 5,000-guide knowledge base cheap for a long question).
    TopDocs top = searcher.search(builder.build(), new TopScoreDocCollectorManager(LEXICAL_DEPTH, null, LEXICAL_DEPTH));
    for (ScoreDoc hit : top.scoreDocs) {
      scores.put(index.table().entry(hit.doc), (double) hit.score);
    }
    return scores;
  }

  private static int capFor(String field) {
    return field.startsWith(KbIndex.BODY) ? BODY_TERMS : TERMS_PER_FIELD;
  }

  /** At most {@code cap} terms, the ones fewest guides have first (in question order among equals). */
  private static List<String> rarest(List<String> terms, KbIndex index, int cap) {
    if (terms.size() <= cap) {
      return terms;
    }
    Map<String, Integer> guides = new HashMap<>();
    for (String term : terms) {
      guides.put(term, index.guidesWithTerm(term));
    }
    return terms.stream()
        .sorted(Comparator.comparingInt(guides::get))
        .limit(cap)
        .toList();
  }

  /** Per guide: {best weighted, best head, best body, second-best weighted} similarity. */
  private Map<String, double[]> dense(IndexSearcher searcher, float[] vector, DocTable table) throws IOException {
    TopDocs top = searcher.search(new KnnFloatVectorQuery(KbIndex.VECTOR, vector, DENSE_DEPTH), DENSE_DEPTH);
    Map<String, double[]> best = new HashMap<>();
    for (ScoreDoc hit : top.scoreDocs) {
      String entry = table.entry(hit.doc);
      VectorKind kind = table.kind(hit.doc);
      // DOT_PRODUCT scores are (1 + cos) / 2 for unit vectors.
      double cosine = 2.0 * hit.score - 1.0;
      double weighted = cosine * kind.weight();
      double[] s = best.computeIfAbsent(entry, k -> new double[4]);
      if (weighted > s[0]) {
        s[3] = s[0];
        s[0] = weighted;
      } else if (weighted > s[3]) {
        s[3] = weighted;
      }
      if (kind.head()) {
        s[1] = Math.max(s[1], cosine);
      } else {
        s[2] = Math.max(s[2], cosine);
      }
    }
    return best;
  }

  private static List<String> distinct(List<String> terms) {
    return new ArrayList<>(new LinkedHashSet<>(terms));
  }

  /** False when the gram holds a character of question forms (怎么, 一下): not a topic's. */
  static boolean contentGram(String gram) {
    for (int i = 0; i < gram.length(); i++) {
      if (FUNCTION_CHARS.indexOf(gram.charAt(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static double weightedCoverage(List<String> query, double[] idf, Set<String> target) {
    double total = 0;
    double hit = 0;
    for (int i = 0; i < idf.length; i++) {
      total += idf[i];
      if (target.contains(query.get(i))) {
        hit += idf[i];
      }
    }
    return total == 0 ? 0 : hit / total;
  }

  private static double unknownShare(List<String> query, double[] idf, KbIndex index) {
    double total = 0;
    double unknown = 0;
    for (int i = 0; i < idf.length; i++) {
      String bigram = query.get(i);
      double w = idf[i];
      total += w;
      // A bigram no guide has, not even as a homophone (so not a pinyin typo): a topic the
      // knowledge base does not cover.
      if (index.unknown(bigram)
          && index.unknownSound(Pinyin.of(bigram.codePointAt(0)) + " "
              + Pinyin.of(bigram.codePointAt(bigram.offsetByCodePoints(0, 1))))) {
        unknown += w;
      }
    }
    return total == 0 ? 0 : unknown / total;
  }

  /**
   * A question's topic words with what every candidate's topic checks share: each word's
   * {@link TopicWord} pieces and weight — rare words weigh more (log inverse guide frequency), and
   * a word no guide has weighs as a word only one guide has, so a stray colloquial word cannot
   * outweigh the words the knowledge base knows — the key word (the heaviest, the longest among
   * equals), which words some guide has, and the weighted share no guide has at all.
   */
  private static final class Topics {
    final List<TopicWord> words;
    final double[] weights;
    final boolean[] someGuideHas;
    final int key;
    final double unknown;

    private Topics(List<TopicWord> words, double[] weights, boolean[] someGuideHas, int key, double unknown) {
      this.words = words;
      this.weights = weights;
      this.someGuideHas = someGuideHas;
      this.key = key;
      this.unknown = unknown;
    }

    static Topics of(List<String> topics, KbIndex index) {
      List<TopicWord> words = TopicWord.of(topics);
      int n = topics.size();
      double[] w = new double[n];
      boolean[] has = new boolean[n];
      int key = -1;
      double total = 0;
      double unknown = 0;
      for (int i = 0; i < n; i++) {
        String word = topics.get(i);
        int guides = index.guidesWithWord(word);
        has[i] = guides > 0;
        w[i] = Math.log(1.0 + (double) index.size() / Math.max(1, guides));
        if (key < 0 || w[i] > w[key] || (w[i] == w[key] && word.length() > topics.get(key).length())) {
          key = i;
        }
        total += w[i];
        // No guide has it, not even inside a longer word.
        unknown += index.knowsWord(words.get(i)) ? 0 : w[i];
      }
      return new Topics(words, w, has, key, total == 0 ? 0 : unknown / total);
    }

    int size() {
      return weights.length;
    }

    /** Weighted share of the topic words covered, given how far a guide covers each (1 when none). */
    double weightedShare(double[] covered) {
      double total = 0;
      double hit = 0;
      for (int i = 0; i < weights.length; i++) {
        total += weights[i];
        hit += weights[i] * covered[i];
      }
      return total == 0 ? 1 : hit / total;
    }

    /**
     * The least a guide covers any of the topic words that some guide has: 0 as soon as one
     * matter the knowledge base knows (房产 in 房产证丢了) is missing from this guide.
     */
    double least(double[] covered) {
      double least = 1;
      for (int i = 0; i < covered.length; i++) {
        if (someGuideHas[i]) {
          least = Math.min(least, covered[i]);
        }
      }
      return least;
    }

    /** 1 when the guide is about a sibling of one of the topic words (see EntryTerms). */
    double siblingNamed(EntryTerms terms, double[] covered) {
      for (int i = 0; i < covered.length; i++) {
        if (terms.namesSiblingOf(words.get(i), covered[i])) {
          return 1;
        }
      }
      return 0;
    }
  }

  private static double coverage(List<String> query, Set<String> target) {
    if (query.isEmpty()) {
      return 0;
    }
    int hit = 0;
    for (String term : query) {
      hit += target.contains(term) ? 1 : 0;
    }
    return (double) hit / query.size();
  }
}
