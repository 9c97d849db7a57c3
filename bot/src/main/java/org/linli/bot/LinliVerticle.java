package org.linli.bot;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.nio.file.Path;
import org.linli.bot.answer.ReplyComposer;
import org.linli.bot.consultation.ConsultationService;
import org.linli.bot.consultation.Moderators;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.gaps.GapStore;
import org.linli.bot.household.HouseholdRegister;
import org.linli.bot.http.HouseholdApi;
import org.linli.bot.http.PollApi;
import org.linli.bot.http.Routes;
import org.linli.bot.kb.KbService;
import org.linli.bot.redis.EmbeddedRedis;
import org.linli.config.Settings;
import org.linli.kb.KnowledgeBase;
import org.linli.kb.embed.BgeSmallZhEmbedder;
import org.linli.kb.embed.CachedEmbedder;
import org.linli.kb.embed.MicroBatchingEmbedder;
import org.linli.kb.embed.Embedder;
import org.linli.kb.search.Calibration;
import org.linli.kb.search.ScoringModel;
import org.linli.webhooks.generic.GenericChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part with plain constructors and starts them in order —
 * Redis (embedded unless a URL is set), the HTTP server (health answers 503 until ready), then the
 * knowledge base. The deployment completes when the service is ready to answer.
 */
public final class LinliVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(LinliVerticle.class);

  private final Settings settings;
  private EmbeddedRedis embeddedRedis;
  private Redis redisClient;
  private KbService kb;
  private HttpServer server;

  public LinliVerticle(Settings settings) {
    this.settings = settings;
  }

  private String redisUrl;

  /** The Redis this instance uses (the embedded one's address when embedded). */
  public String redisUrl() {
    return redisUrl;
  }

  /** The port the HTTP server listens on (after start). */
  public int port() {
    return server.actualPort();
  }

  @Override
  public Future<?> start() {
    Path data = settings.data().path();
    return vertx.executeBlocking(() -> {
          java.nio.file.Files.createDirectories(data);
          if (settings.redis().embedded()) {
            embeddedRedis = EmbeddedRedis.start(data, settings.redis().embeddedPort());
            LOG.info("Embedded Redis listening at {} (data in {})", embeddedRedis.url(), data.resolve("redis"));
            return embeddedRedis.url();
          }
          return settings.redis().url();
        })
        .compose(this::startWith);
  }

  private Future<?> startWith(String redisUrl) {
    this.redisUrl = redisUrl;
    redisClient = Redis.createClient(vertx, new RedisOptions()
        .setConnectionString(redisUrl)
        .setMaxPoolSize(settings.redis().poolSize())
        .setMaxWaitingHandlers(4096)
        .setMaxPoolWaiting(4096));
    RedisAPI redis = RedisAPI.api(redisClient);
    Settings.Kb kbSettings = settings.kb();
    Calibration calibration = Calibration.shipped();
    ScoringModel model = calibration.model(kbSettings.semantic());
    if (kbSettings.threshold() >= 0) {
      model = model.withThreshold(kbSettings.threshold());
    }
    Path kbDir = kbSettings.shipped() ? null : Path.of(kbSettings.dir()).toAbsolutePath();
    ScoringModel chosen = model;
    Future<KnowledgeBase> knowledgeBase = vertx.executeBlocking(() -> {
      // Passages are cached on disk (restarts embed only what changed); questions are batched
      // with whatever else arrives at the same moment, and never cached.
      Embedder embedder = kbSettings.semantic()
          ? CachedEmbedder.wrap(
              new MicroBatchingEmbedder(BgeSmallZhEmbedder.load(settings.data().path(), 1), kbSettings.modelThreads(), 8),
              settings.data().path().resolve("kb"))
          : null;
      Path indexRoot = settings.data().path().resolve("kb").resolve("index");
      KnowledgeBase base = new KnowledgeBase(kbDir, embedder, chosen, kbSettings.maxAlternatives(), indexRoot);
      return embedder == null || kbSettings.threshold() >= 0 ? base : base.withShortcut(calibration.shortcut());
    });
    return knowledgeBase.compose(base -> {
      kb = new KbService(vertx, base, kbSettings.workerThreads(), kbSettings.watch() ? kbDir : null);
      String publicUrl = settings.http().publicUrl();
      ReplyComposer composer = new ReplyComposer(publicUrl);
      GapStore gaps = new GapStore(redis);
      PollStore polls = new PollStore(redis);
      HouseholdRegister households = new HouseholdRegister(redis,
          java.time.Duration.ofHours(settings.consultation().bindingCodeHours()), java.time.Clock.systemUTC());
      ConsultationService consultations = new ConsultationService(polls,
          new Moderators(settings.consultation().moderators()), java.time.ZoneId.of(settings.consultation().zone()),
          java.time.Clock.systemUTC());
      Conversation conversation = new Conversation(kb, composer, gaps, consultations);
      Routes.Parts parts = new Routes.Parts(settings, kb, conversation, composer, gaps, redis,
          new GenericChannel(settings.generic().token()), new PollApi(polls, java.time.Clock.systemUTC()),
          new HouseholdApi(households));
      return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
          .requestHandler(Routes.create(vertx, parts))
          .listen(settings.http().port(), settings.http().host())
          .compose(s -> {
            server = s;
            if (publicUrl.isEmpty()) {
              composer.publicUrl("http://localhost:" + s.actualPort());
            }
            LOG.info("Linli listening on {}:{}", settings.http().host(), s.actualPort());
            return kb.start();
          })
          .onSuccess(report -> LOG.info("Linli ready: {} guides, retrieval {}", report.entries(),
              kbSettings.semantic() ? "hybrid (words + vectors)" : "lexical"));
    });
  }

  @Override
  public Future<?> stop() {
    Future<Void> closing = server == null ? Future.succeededFuture() : server.close();
    return closing.eventually(() -> vertx.executeBlocking(() -> {
      if (kb != null) {
        kb.close();
        kb.knowledgeBase().close();
      }
      if (redisClient != null) {
        redisClient.close();
      }
      if (embeddedRedis != null) {
        embeddedRedis.close();
      }
      return null;
    }));
  }
}
