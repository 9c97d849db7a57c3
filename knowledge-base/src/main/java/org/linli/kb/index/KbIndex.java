package org.linli.kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.MMapDirectory;
import org.linli.kb.Entry;
import org.linli.kb.analysis.LinliAnalyzer;
import org.linli.kb.embed.Embedder;

/**
 * An immutable, searchable snapshot of the knowledge base: one Lucene document per guide (words,
 * n-grams and pinyin of its title, questions, tags and body) and, when an embedder is given, one
 * document per passage vector. A reload builds a new snapshot beside the old one and swaps; the old
 * one closes when its last search releases it.
 */
public final class KbIndex implements AutoCloseable {

  public static final String ID = "id";
  public static final String TYPE = "type";
  public static final String ENTRY = "entry";
  public static final String KIND = "kind";
  public static final String VECTOR = "vector";
  /** What a guide is for: its title, alternative questions, aliases and tags, in one field per analysis. */
  public static final String HEAD = "head";
  /** What a guide says. */
  public static final String BODY = "body";

  private final Map<String, Entry> entries;
  private final Map<String, EntryTerms> terms;
  private final Map<String, Integer> bigramFrequency;
  private final Set<String> pinyinBigrams;
  private final Map<String, Integer> wordFrequency;
  private final Set<String> characters;
  private final HomophoneRepair homophones;
  private final SearcherManager searchers;
  private final boolean semantic;
  private final Path folder;
  private final DocTable table;

  private KbIndex(
      Map<String, Entry> entries,
      Map<String, EntryTerms> terms,
      SearcherManager searchers,
      boolean semantic,
      Path folder,
      DocTable table) {
    this.folder = folder;
    this.table = table;
    this.entries = entries;
    this.terms = terms;
    Map<String, Integer> df = new HashMap<>();
    terms.values().forEach(t -> t.bodyBigrams().forEach(b -> df.merge(b, 1, Integer::sum)));
    this.bigramFrequency = Collections.unmodifiableMap(df);
    Set<String> pinyin = new HashSet<>();
    terms.values().forEach(t -> pinyin.addAll(t.allPinyin()));
    this.pinyinBigrams = Collections.unmodifiableSet(pinyin);
    Map<String, Integer> wf = new HashMap<>();
    terms.values().forEach(t -> t.words().forEach(w -> wf.merge(w, 1, Integer::sum)));
    this.wordFrequency = Collections.unmodifiableMap(wf);
    Set<String> chars = new HashSet<>();
    terms.values().forEach(t -> t.text().codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp)))));
    this.characters = Collections.unmodifiableSet(chars);
    Map<String, Integer> headWords = new HashMap<>();
    terms.values().forEach(t -> t.headWords().forEach(w -> headWords.merge(w, 1, Integer::sum)));
    this.homophones = HomophoneRepair.of(headWords, bigramFrequency.keySet());
    this.searchers = searchers;
    this.semantic = semantic;
  }

  /**
   * Indexes the entries into a fresh folder under {@code root} (memory-mapped: far cheaper per term
   * lookup than heap buffers); {@code embedder} may be null for a lexical-only index.
   */
  public static KbIndex build(List<Entry> entries, LinliAnalyzer analyzer, Embedder embedder, Path root) {
    Path folder;
    MMapDirectory directory;
    try {
      Files.createDirectories(root);
      folder = Files.createTempDirectory(root, "index-");
      directory = new MMapDirectory(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create an index folder under " + root, e);
    }
    Map<String, Entry> byId = new LinkedHashMap<>();
    Map<String, EntryTerms> terms = new LinkedHashMap<>();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      List<Passage> passages = new ArrayList<>();
      for (Entry entry : entries) {
        byId.put(entry.id(), entry);
        terms.put(entry.id(), EntryTerms.of(entry, analyzer));
        writer.addDocument(entryDocument(entry));
        if (embedder != null) {
          passages.addAll(Passage.of(entry));
        }
      }
      if (embedder != null) {
        List<float[]> vectors = embedder.embedAll(passages.stream().map(Passage::text).toList());
        for (int i = 0; i < passages.size(); i++) {
          Document doc = new Document();
          doc.add(new StringField(TYPE, VECTOR, Field.Store.NO));
          doc.add(new StoredField(ENTRY, passages.get(i).entryId()));
          doc.add(new StoredField(KIND, passages.get(i).kind().ordinal()));
          doc.add(new KnnFloatVectorField(VECTOR, vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
          writer.addDocument(doc);
        }
      }
      writer.forceMerge(1);
      writer.commit();
      SearcherManager searchers = new SearcherManager(directory, new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
          IndexSearcher searcher = new IndexSearcher(reader);
          // Every question is a new set of terms: caching clauses never pays, and tracking their
          // use costs a hash of every clause of every search.
          searcher.setQueryCache(null);
          return searcher;
        }
      });
      DocTable table = DocTable.read(searchers);
      return new KbIndex(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(terms), searchers,
          embedder != null, folder, table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document entryDocument(Entry entry) {
    Document doc = new Document();
    doc.add(new StringField(TYPE, ENTRY, Field.Store.NO));
    doc.add(new StringField(ID, entry.id(), Field.Store.YES));
    // Each value is analysed on its own, so no bigram or pinyin pair spans two of them.
    for (String suffix : List.of(LinliAnalyzer.WORDS, LinliAnalyzer.GRAMS, LinliAnalyzer.PINYIN)) {
      for (String head : EntryTerms.heads(entry)) {
        doc.add(new TextField(HEAD + suffix, head, Field.Store.NO));
      }
    }
    doc.add(new TextField(BODY + LinliAnalyzer.WORDS, entry.body(), Field.Store.NO));
    doc.add(new TextField(BODY + LinliAnalyzer.GRAMS, entry.body(), Field.Store.NO));
    return doc;
  }

  /** The entry with this id, or null. */
  public Entry entry(String id) {
    return entries.get(id);
  }

  /** All entries, in load order. */
  public Collection<Entry> entries() {
    return entries.values();
  }

  /** Number of guides indexed. */
  public int size() {
    return entries.size();
  }

  /** True when the index holds passage vectors. */
  public boolean semantic() {
    return semantic;
  }

  SearcherManager searchers() {
    return searchers;
  }

  /** Which guide and passage kind each document is, by document number. */
  DocTable table() {
    return table;
  }

  EntryTerms terms(String id) {
    return terms.get(id);
  }

  /** Inverse document frequency of a character bigram over the guides (high = specific). */
  double idf(String bigram) {
    int df = bigramFrequency.getOrDefault(bigram, 0);
    return Math.log(1.0 + (entries.size() + 1.0) / (df + 0.5));
  }

  /**
   * True when some guide has this word: as segmented, or (for a word segmented otherwise there)
   * every one of its character bigrams, or for one character, the character.
   */
  boolean knowsWord(TopicWord word) {
    if (wordFrequency.containsKey(word.word())) {
      return true;
    }
    if (word.length() == 1) {
      return characters.contains(word.word());
    }
    if (word.soundsAmong(pinyinBigrams)) {
      return true;
    }
    for (String pair : word.bigrams()) {
      if (!bigramFrequency.containsKey(pair)) {
        return false;
      }
    }
    return true;
  }

  /**
   * How many guides have a query term, to pick the rarest terms of a long question: a character
   * bigram or a word by this index's own counts; other terms (single characters, pinyin) count
   * as common.
   */
  int guidesWithTerm(String term) {
    Integer bigram = bigramFrequency.get(term);
    if (bigram != null) {
      return bigram;
    }
    Integer word = wordFrequency.get(term);
    if (word != null) {
      return word;
    }
    return term.codePointCount(0, term.length()) == 2 ? 0 : entries.size();
  }

  /** How many guides have this word (as segmented), 0 when none. */
  int guidesWithWord(String word) {
    return wordFrequency.getOrDefault(word, 0);
  }

  /** A folded question with its pinyin-typing slips mended towards these guides' words. */
  String mend(String folded) {
    return homophones.mend(folded);
  }

  /** True when no guide contains this pinyin bigram anywhere. */
  boolean unknownSound(String pinyinBigram) {
    return !pinyinBigrams.contains(pinyinBigram);
  }

  /** True when no guide contains the bigram. */
  boolean unknown(String bigram) {
    return !bigramFrequency.containsKey(bigram);
  }

  @Override
  public void close() {
    try {
      // Searches still holding the old reader keep reading: on POSIX an unlinked, mapped file stays
      // readable until unmapped, which happens when the last reader is released.
      searchers.close();
      IndexFolders.delete(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
