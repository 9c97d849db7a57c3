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
import java.time.Clock;
import java.time.ZoneId;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.client.WebClient;
import org.linli.bot.helpline.ForwardOffers;
import org.linli.bot.redis.Leadership;
import org.linli.bot.helpline.Helpline;
import org.linli.bot.outbox.ChatOutbox;
import org.linli.bot.outbox.DeadLetterApi;
import org.linli.bot.outbox.Outbox;
import org.linli.webhooks.ChatService;
import org.linli.bot.text.Phones;
import org.linli.bot.text.TraditionalScript;
import org.linli.webhooks.generic.GenericSender;
import java.util.List;
import org.linli.bot.consultation.ChartMaker;
import org.linli.bot.consultation.publish.PollPage;
import org.linli.bot.consultation.publish.PublishedResult;
import org.linli.bot.consultation.publish.ResultChart;
import org.linli.bot.consultation.publish.ResultSource;
import org.linli.bot.consultation.publish.ResultsCsv;
import org.linli.webhooks.Reply;
import org.linli.bot.consultation.ConsultationService;
import org.linli.bot.consultation.Moderators;
import org.linli.bot.consultation.PollKeeper;
import org.linli.bot.consultation.PollMessages;
import org.linli.bot.consultation.PollSchedule;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.outbox.Poster;
import org.linli.bot.gaps.GapStore;
import org.linli.bot.household.HouseholdChat;
import org.linli.bot.household.HouseholdRegister;
import org.linli.bot.http.HouseholdApi;
import org.linli.bot.http.HttpListener;
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
  private PollKeeper keeper;
  private ChatOutbox chatOutbox;
  private Helpline helpline;
  private List<Leadership> background = List.of();
  private WebClient web;

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
    Calibration calibration =
        kbSettings.calibration().isEmpty() ? Calibration.shipped() : Calibration.read(Path.of(kbSettings.calibration()));
    ScoringModel model = calibration.model(kbSettings.semantic());
    if (kbSettings.threshold() >= 0) {
      model = model.withThreshold(kbSettings.threshold());
    }
    Path kbDir = kbSettings.shipped() ? null : Path.of(kbSettings.dir()).toAbsolutePath();
    ScoringModel chosen = model;
    // OpenCC's dictionaries load beside the knowledge base, off the event loop.
    vertx.executeBlocking(TraditionalScript::load, false);
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
      if (kbSettings.selfCalibrate() && kbDir != null && kbSettings.threshold() < 0) {
        base.withSelfCalibration();
      }
      return embedder == null || kbSettings.threshold() >= 0 ? base : base.withShortcut(calibration.shortcut());
    });
    return knowledgeBase.compose(base -> {
      kb = new KbService(vertx, base, kbSettings.workerThreads(), kbSettings.watch() ? kbDir : null);
      String publicUrl = settings.http().publicUrl();
      ReplyComposer composer = new ReplyComposer(publicUrl, Phones.of(settings.phones()));
      GapStore gaps = new GapStore(redis);
      PollStore polls = new PollStore(redis);
      PollSchedule schedule = new PollSchedule(redis);
      ZoneId zone = ZoneId.of(settings.consultation().zone());
      Clock clock = Clock.systemUTC();
      PollMessages messages = new PollMessages(zone, composer::publicUrl);
      HouseholdRegister households = new HouseholdRegister(redis,
          java.time.Duration.ofHours(settings.consultation().bindingCodeHours()), clock);
      web = WebClient.create(vertx);
      return Platforms.build(vertx, web, settings, redis).compose(platforms -> {
      chatOutbox = new ChatOutbox(vertx, redis, ChatOutbox.QUEUE, Outbox.Timing.from(settings.outbox()),
          platforms.senders());
      Poster poster = chatOutbox::send;
      WorkerExecutor chartWorkers = vertx.createSharedWorkerExecutor("linli-charts", 2);
      ResultChart chart = new ResultChart(settings.consultation().chartFont());
      ResultSource published = ResultSource.of(polls, id -> Future.all(polls.find(id), polls.receipts(id)).map(all -> {
        PollStore.Stored stored = all.resultAt(0);
        List<PollStore.Receipt> receipts = all.resultAt(1);
        return receipts.stream()
            .map(r -> new PublishedResult.Receipt(r.code(), PollMessages.names(stored.poll(), r.choices())))
            .toList();
      }));
      // The chart's address goes out only when the service has a public address platforms can reach.
      boolean reachable = !settings.http().publicUrl().isEmpty();
      ChartMaker charts = (stored, tally) -> chart.render(chartWorkers, PublishedResult.from(stored, tally, List.of()))
          .map(png -> new Reply.Image(png,
              reachable ? composer.publicUrl() + "/polls/" + stored.poll().id() + "/chart.png" : ""));
      keeper = new PollKeeper(polls, schedule, households, poster, charts, messages, clock);
      Moderators moderators = new Moderators(settings.consultation().moderators());
      ConsultationService consultations = new ConsultationService(polls, schedule, keeper, households, poster,
          moderators, messages, zone, clock, platforms);
      helpline = new Helpline(vertx, redis, web, settings, poster, moderators, zone, clock, platforms);
      ForwardOffers offers = new ForwardOffers(redis);
      Conversation conversation = new Conversation(kb, composer, gaps, consultations, new HouseholdChat(households),
          helpline.desk(), offers, new org.linli.bot.answer.Feedback(vertx, kb, gaps.feedback(), offers, composer),
          new org.linli.bot.answer.GuideDirectory(redis));
      ChatService chat = new ChatService(conversation::handle, chatOutbox::send);
      background = Platforms.background(platforms, redis, chat);
      Routes.Parts parts = new Routes.Parts(settings, kb, conversation, composer, gaps, redis,
          new PollApi(polls, keeper, clock),
          new HouseholdApi(households), new PollPage(published, chart, chartWorkers, zone), new ResultsCsv(published),
          new DeadLetterApi(List.of(chatOutbox.outbox(), helpline.outbox())), helpline, platforms.all(), chat);
      HttpServerOptions serverOptions = new HttpServerOptions().setCompressionSupported(false);
      io.vertx.ext.web.Router router = Routes.create(vertx, parts);
      int listeners = settings.http().eventLoops() > 0
          ? settings.http().eventLoops() : Runtime.getRuntime().availableProcessors();
      return vertx.createHttpServer(serverOptions)
          .requestHandler(router)
          .listen(settings.http().port(), settings.http().host())
          .compose(s -> listeners <= 1 ? Future.succeededFuture(s)
              : vertx.deployVerticle(() -> new HttpListener(router, serverOptions, settings.http().host(), settings.http().port()),
                  new io.vertx.core.DeploymentOptions().setInstances(listeners - 1)).map(id -> s))
          .compose(s -> {
            server = s;
            if (publicUrl.isEmpty()) {
              composer.publicUrl("http://localhost:" + s.actualPort());
            }
            LOG.info("Linli listening on {}:{} ({} event loops)", settings.http().host(), s.actualPort(),
                Math.max(1, listeners));
            keeper.start(vertx, 500);
            chatOutbox.start();
            background.forEach(task -> task.start(vertx));
            return helpline.start(vertx, clock).compose(v -> kb.start());
          })
          .onSuccess(report -> LOG.info("Linli ready: {} guides, retrieval {}", report.entries(),
              kbSettings.semantic() ? "hybrid (words + vectors)" : "lexical"));
      });
    });
  }

  @Override
  public Future<?> stop() {
    if (keeper != null) {
      keeper.stop();
    }
    Future<Void> polling = Future.all(background.stream().map(Leadership::stop).toList()).mapEmpty();
    // The outbox waits for attempts in flight before Redis goes away.
    Future<Void> outbox = polling.eventually(() -> chatOutbox == null ? Future.<Void>succeededFuture() : chatOutbox.stop())
        .eventually(() -> helpline == null ? Future.succeededFuture() : helpline.stop());
    Future<Void> closing = outbox.eventually(() -> server == null ? Future.succeededFuture() : server.close());
    return closing.eventually(() -> vertx.executeBlocking(() -> {
      if (kb != null) {
        kb.close();
        kb.knowledgeBase().close();
      }
      if (web != null) {
        web.close();
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
