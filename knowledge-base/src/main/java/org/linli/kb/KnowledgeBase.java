package org.linli.kb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.linli.kb.analysis.LinliAnalyzer;
import org.linli.kb.embed.Embedder;
import org.linli.kb.index.Candidate;
import org.linli.kb.index.IndexFolders;
import org.linli.kb.index.KbIndex;
import org.linli.kb.index.Retriever;
import org.linli.kb.intent.Intent;
import org.linli.kb.intent.IntentClassifier;
import org.linli.kb.intent.MessageKind;
import org.linli.kb.search.Calibrator;
import org.linli.kb.search.Ranking;
import org.linli.kb.search.Sample;
import org.linli.kb.search.ScoringModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base as the bot sees it: load guides, index them, answer questions with a
 * calibrated confidence, reload without downtime. Every method may block (Lucene, the embedding
 * model, file reads): call them from a worker thread, never an event loop.
 */
public final class KnowledgeBase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);
  /** Self-calibration's promises: decline at least this share of off-scope questions... */
  private static final double DECLINE_TARGET = 0.9;
  /** ...and answer at most this share of all questions with a wrong guide. */
  private static final double MAX_WRONG = 0.02;

  private final Path directory;
  private final Path indexRoot;
  private final Embedder embedder;
  private volatile ScoringModel model;
  /** The model as given, before self-calibration moved its threshold. */
  private final ScoringModel calibrated;
  private volatile boolean selfCalibrate;
  private volatile ScoringModel shortcut;
  private final int maxAlternatives;
  private final LinliAnalyzer analyzer = new LinliAnalyzer();
  private final Retriever retriever;
  private final IntentClassifier intents = new IntentClassifier();
  private final EntryLoader loader = new EntryLoader();
  private final AtomicReference<KbIndex> index = new AtomicReference<>();
  private volatile List<EntryLoader.Problem> problems = List.of();
  private volatile Supplier<Map<String, String>> edits = Map::of;
  private volatile Map<String, String> sources = Map.of();
  private volatile Map<String, String> baseSources = Map.of();

  /**
   * @param directory guides folder, or null for the shipped guides
   * @param embedder sentence embedder, or null for lexical-only retrieval
   * @param model the scoring model (its threshold decides when to answer)
   * @param maxAlternatives closest guides listed when not sure
   */
  public KnowledgeBase(Path directory, Embedder embedder, ScoringModel model, int maxAlternatives) {
    this(directory, embedder, model, maxAlternatives, defaultIndexRoot());
  }

  /**
   * As above, with the folder under which index snapshots are written ({@code <data>/kb/index} in
   * the service; a subfolder per process, see {@link IndexFolders}; each reload writes a new
   * snapshot and deletes the old one).
   */
  public KnowledgeBase(Path directory, Embedder embedder, ScoringModel model, int maxAlternatives, Path indexRoot) {
    this.indexRoot = IndexFolders.forThisProcess(indexRoot);
    this.directory = directory;
    this.embedder = embedder;
    this.model = model;
    this.calibrated = model;
    this.maxAlternatives = maxAlternatives;
    this.retriever = new Retriever(analyzer, embedder);
  }

  private static Path defaultIndexRoot() {
    return Path.of(System.getProperty("java.io.tmpdir"), "linli-kb");
  }

  /**
   * Lets a words-only answer stand without the embedding model when {@code lexical} is at least
   * as confident as its threshold (hybrid mode only; null turns it off).
   */
  public KnowledgeBase withShortcut(ScoringModel lexical) {
    this.shortcut = lexical;
    return this;
  }

  /**
   * Re-chooses the answering threshold at every load from the guides themselves (their alternative
   * questions held out of the index, and general off-scope questions shipped in
   * {@code linli/off-scope.txt}): for an office's own guides, whose questions nobody labelled. The
   * ranker and the confidence model stay as calibrated; only the operating point moves, and only up
   * (see {@link #selfCalibratedThreshold}).
   */
  public KnowledgeBase withSelfCalibration() {
    this.selfCalibrate = true;
    return this;
  }

  /**
   * Applies the office's edits at every load: {@code edits} gives, by guide id, the Markdown
   * published in the console (blank: the guide is withdrawn); see {@link EntryLoader.Loaded#withEdits}.
   */
  public KnowledgeBase withEdits(Supplier<Map<String, String>> edits) {
    this.edits = edits;
    return this;
  }

  /** The Markdown the guide {@code id} was read from at the last load (edited or not), or null. */
  public String source(String id) {
    return sources.get(id);
  }

  /** The Markdown of the guide {@code id} as shipped or in the folder, before any edit, or null. */
  public String originalSource(String id) {
    return baseSources.get(id);
  }

  /** The scoring model in use (its threshold decides when to answer). */
  public ScoringModel model() {
    return model;
  }

  /** What a (re)load did. */
  public record LoadReport(int entries, List<EntryLoader.Problem> problems, long millis) {
  }

  /**
   * Reads the guides and swaps in a new index. Searches in flight finish on the old index. Bad
   * files are reported and skipped; if no guide at all can be read, the old index stays.
   */
  public synchronized LoadReport reload() {
    long start = System.nanoTime();
    EntryLoader.Loaded base = directory == null ? loader.shipped() : loader.fromDirectory(directory);
    EntryLoader.Loaded loaded = base.withEdits(edits.get(), new EntryParser());
    for (EntryLoader.Problem problem : loaded.problems()) {
      LOG.warn("Knowledge base: skipped {}", problem);
    }
    problems = loaded.problems();
    if (loaded.entries().isEmpty() && index.get() != null) {
      LOG.error("Knowledge base: no readable guide found; keeping the {} guides loaded before", index.get().size());
      return new LoadReport(index.get().size(), loaded.problems(), (System.nanoTime() - start) / 1_000_000);
    }
    KbIndex fresh = KbIndex.build(loaded.entries(), analyzer, embedder, indexRoot);
    sources = loaded.sources();
    baseSources = base.sources();
    KbIndex old = index.getAndSet(fresh);
    if (old != null) {
      old.close();
    }
    if (selfCalibrate) {
      double threshold = selfCalibratedThreshold(calibrated);
      LOG.info("Knowledge base: threshold {} chosen from the guides themselves (calibrated {})", threshold,
          calibrated.threshold());
      model = calibrated.withThreshold(threshold);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    LOG.info("Knowledge base: {} guides indexed in {} ms ({}; {} skipped)",
        fresh.size(), millis, fresh.semantic() ? "words + vectors" : "words only", loaded.problems().size());
    return new LoadReport(fresh.size(), loaded.problems(), millis);
  }

  /** True once a first load has produced an index. */
  public boolean loaded() {
    return index.get() != null;
  }

  /** Files skipped by the last load, with reasons. */
  public List<EntryLoader.Problem> problems() {
    return problems;
  }

  /** The guide with this id, or null. */
  public Entry entry(String id) {
    KbIndex current = index.get();
    return current == null ? null : current.entry(id);
  }

  /** All guides. */
  public Collection<Entry> entries() {
    KbIndex current = index.get();
    return current == null ? List.of() : current.entries();
  }

  /** True when answers use vectors beside words. */
  public boolean semantic() {
    return embedder != null;
  }

  /** Decides what to do with a resident's message. */
  public Answer ask(String text) {
    Intent intent = intents.classify(text);
    boolean traditional = ChineseScript.isTraditional(text);
    if (intent.kind() == MessageKind.HELP_REQUEST) {
      return new Answer(Answer.Outcome.FORWARD, null, 0, List.of(), intent, traditional);
    }
    if (intent.kind() == MessageKind.CHITCHAT) {
      return new Answer(Answer.Outcome.SMALL_TALK, null, 0, List.of(), intent, traditional);
    }
    KbIndex current = requireIndex();
    Retriever.Prepared query = retriever.prepareWords(text, current);
    Map<String, Double> words = retriever.wordHits(query, current);
    ScoringModel quick = shortcut;
    if (quick != null && current.semantic()) {
      Ranking byWords = Ranking.of(retriever.candidates(query, current, words), quick);
      if (byWords.top() != null && byWords.confidence() >= quick.threshold()) {
        return new Answer(Answer.Outcome.ANSWERED, current.entry(byWords.top()), byWords.confidence(), List.of(),
            intent, traditional);
      }
    }
    ScoringModel scoring = model;
    Ranking ranking = Ranking.of(retriever.candidates(retriever.withVector(query, current), current, words), scoring);
    List<Entry> ordered = new ArrayList<>();
    for (Candidate c : ranking.ordered()) {
      ordered.add(current.entry(c.entryId()));
    }
    if (!ordered.isEmpty() && ranking.confidence() >= scoring.threshold()) {
      return new Answer(Answer.Outcome.ANSWERED, ordered.get(0), ranking.confidence(), List.of(), intent, traditional);
    }
    List<Entry> alternatives = ordered.subList(0, Math.min(maxAlternatives, ordered.size()));
    return new Answer(Answer.Outcome.NOT_SURE, null, ranking.confidence(), alternatives, intent, traditional);
  }

  /** The raw evidence for every candidate guide (calibration and benchmarks use it). */
  public List<Candidate> candidates(String text) {
    return candidates(text, requireIndex());
  }

  /** The evidence of the words-only search, without the embedding model. */
  public List<Candidate> wordCandidates(String text) {
    KbIndex index = requireIndex();
    return retriever.candidates(retriever.prepareWords(text, index), index);
  }

  private List<Candidate> candidates(String text, KbIndex current) {
    Retriever.Prepared query = retriever.prepare(text, current);
    return retriever.candidates(query, current);
  }

  /**
   * Samples for calibrating on these guides without labelled questions: their alternative
   * questions held out of the index, their near-topic variants, and {@code offScope} questions
   * (see {@link SelfCalibration}). Builds two extra indexes: seconds, not milliseconds.
   */
  public SelfSamples selfSamples(List<String> offScope) {
    List<Entry> entries = List.copyOf(requireIndex().entries());
    SelfCalibration.Samples samples = new SelfCalibration(analyzer, retriever, embedder, intents).of(entries, offScope,
        indexRoot);
    return new SelfSamples(samples.full(), samples.words(), samples.variants());
  }

  /**
   * The threshold {@link #withSelfCalibration} gives {@code scoring} on the loaded guides: the
   * lowest at which their held-out alternative questions and the shipped general off-scope
   * questions ({@code linli/off-scope.txt}) keep its promises (90% of those declined, at most 2%
   * answered wrongly), but never below {@code scoring}'s own. Those samples are easier than
   * residents' questions: a threshold they allow below the one chosen on residents' questions
   * answered more wrongly on every evaluation set (on the held-out one 0.19 against 0.81: 8.2% of
   * questions answered wrongly against 1.1%), so they may make the bot more careful, never bolder.
   * The evaluation measures the service's self-calibration through this.
   */
  public double selfCalibratedThreshold(ScoringModel scoring) {
    double chosen = Calibrator.threshold(selfSamples(OffScope.shipped()).real(), scoring, DECLINE_TARGET, MAX_WRONG);
    return Math.max(scoring.threshold(), chosen);
  }

  /**
   * Full and words-only samples of {@link #selfSamples}, in the same order; the last
   * {@code variants} are generated near-topic variants.
   */
  public record SelfSamples(
      List<Sample> full, List<Sample> words, int variants) {

    /** The samples that are not generated variants (held-out questions and given off-scope ones). */
    public List<Sample> real() {
      return full.subList(0, full.size() - variants);
    }

    /** The words-only samples of {@link #real}, in the same order. */
    public List<Sample> realWords() {
      return words.subList(0, words.size() - variants);
    }

    /** The guides' held-out alternative questions alone (full samples), in order. */
    public List<Sample> heldOut() {
      return real().stream().filter(Sample::inScope).toList();
    }

    /** The words-only samples of {@link #heldOut}, in the same order. */
    public List<Sample> heldOutWords() {
      return realWords().stream().filter(Sample::inScope).toList();
    }
  }

  /** The intent classifier (shared so the bot and the evaluation agree). */
  public Intent intent(String text) {
    return intents.classify(text);
  }

  private KbIndex requireIndex() {
    KbIndex current = index.get();
    if (current == null) {
      throw new IllegalStateException("The knowledge base is not loaded yet");
    }
    return current;
  }

  @Override
  public void close() {
    KbIndex current = index.getAndSet(null);
    if (current != null) {
      current.close();
    }
    if (embedder != null) {
      embedder.close();
    }
  }
}
