package org.linli.bot.kb;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.linli.config.Settings;
import org.linli.kb.KnowledgeBase;
import org.linli.kb.embed.BgeSmallZhEmbedder;
import org.linli.kb.embed.CachedEmbedder;
import org.linli.kb.embed.Embedder;
import org.linli.kb.embed.MicroBatchingEmbedder;
import org.linli.kb.search.Calibration;
import org.linli.kb.search.ScoringModel;

/**
 * Builds the knowledge base the settings describe (shipped or folder guides, lexical or hybrid
 * retrieval, the calibration and threshold, the index under the data folder) on a worker, and
 * wraps it in a {@link KbService}. The guides are loaded when the service is started.
 */
public final class KbLoader {

  private KbLoader() {
  }

  /** The knowledge base service of {@code settings}, not started. */
  public static Future<KbService> open(Vertx vertx, Settings settings) {
    return open(vertx, settings, new CompositeMeterRegistry());
  }

  /** As above, with its answers counted and its searches timed in {@code meters}. */
  public static Future<KbService> open(Vertx vertx, Settings settings, MeterRegistry meters) {
    Settings.Kb kbSettings = settings.kb();
    Calibration calibration = kbSettings.calibration().isEmpty()
        ? Calibration.shipped()
        : Calibration.read(Path.of(kbSettings.calibration()));
    ScoringModel model = calibration.model(kbSettings.semantic());
    if (kbSettings.threshold() >= 0) {
      model = model.withThreshold(kbSettings.threshold());
    }
    Path kbDir = kbSettings.shipped() ? null : Path.of(kbSettings.dir()).toAbsolutePath();
    ScoringModel chosen = model;
    Path data = settings.data().path();
    return vertx.<KnowledgeBase>executeBlocking(() -> {
      // Passages are cached on disk (restarts embed only what changed); questions are batched
      // with whatever else arrives at the same moment, and never cached.
      Embedder embedder = kbSettings.semantic()
          ? CachedEmbedder.wrap(
              new MicroBatchingEmbedder(BgeSmallZhEmbedder.load(data, 1), kbSettings.modelThreads(), 8),
              data.resolve("kb"))
          : null;
      Path indexRoot = data.resolve("kb").resolve("index");
      KnowledgeBase base = new KnowledgeBase(kbDir, embedder, chosen, kbSettings.maxAlternatives(), indexRoot);
      if (kbSettings.selfCalibrate() && kbDir != null && kbSettings.threshold() < 0) {
        base.withSelfCalibration();
      }
      return embedder == null || kbSettings.threshold() >= 0 ? base : base.withShortcut(calibration.shortcut());
    }).map(base -> new KbService(vertx, base, kbSettings.workerThreads(), kbSettings.watch() ? kbDir : null, meters));
  }
}
