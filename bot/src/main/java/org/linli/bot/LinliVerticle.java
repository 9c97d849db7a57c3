package org.linli.bot;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.linli.bot.answer.Feedback;
import org.linli.bot.answer.GuideDirectory;
import org.linli.bot.answer.ReplyComposer;
import org.linli.bot.attachment.AttachmentLinks;
import org.linli.bot.attachment.AttachmentStore;
import org.linli.bot.attachment.Attachments;
import org.linli.bot.attachment.LocalAttachmentStore;
import org.linli.bot.attachment.PhotoIntake;
import org.linli.bot.attachment.S3AttachmentStore;
import org.linli.bot.community.Communities;
import org.linli.bot.community.LocalFacts;
import org.linli.bot.console.Console;
import org.linli.bot.consultation.BallotKeys;
import org.linli.bot.consultation.ChartMaker;
import org.linli.bot.consultation.ConsultationService;
import org.linli.bot.consultation.ModeratorGrants;
import org.linli.bot.consultation.Moderators;
import org.linli.bot.consultation.PollKeeper;
import org.linli.bot.consultation.PollMessages;
import org.linli.bot.consultation.PollSchedule;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.consultation.proposal.ConsultationIndex;
import org.linli.bot.consultation.proposal.FollowUpStore;
import org.linli.bot.consultation.proposal.FollowUps;
import org.linli.bot.consultation.proposal.ProposalChat;
import org.linli.bot.consultation.proposal.ProposalDeadlines;
import org.linli.bot.consultation.proposal.ProposalDesk;
import org.linli.bot.consultation.proposal.ProposalStore;
import org.linli.bot.consultation.publish.PollPage;
import org.linli.bot.consultation.publish.PublishedCharts;
import org.linli.bot.consultation.publish.ResultChart;
import org.linli.bot.consultation.publish.ResultSource;
import org.linli.bot.gaps.GapStore;
import org.linli.bot.helpline.ForwardOffers;
import org.linli.bot.helpline.Helpline;
import org.linli.bot.helpline.TicketPhotos;
import org.linli.bot.household.BindingLimits;
import org.linli.bot.household.HouseholdChat;
import org.linli.bot.household.Registers;
import org.linli.bot.http.ApiDescription;
import org.linli.bot.http.AskRoutes;
import org.linli.bot.http.AttachmentRoutes;
import org.linli.bot.http.CommunityRoutes;
import org.linli.bot.http.ConsultationRoutes;
import org.linli.bot.http.DeadLetterApi;
import org.linli.bot.http.GuideRoutes;
import org.linli.bot.http.HealthHandler;
import org.linli.bot.http.HealthProbes;
import org.linli.bot.http.HouseholdRoutes;
import org.linli.bot.http.HttpListener;
import org.linli.bot.http.MetricsRoutes;
import org.linli.bot.http.ModeratorRoutes;
import org.linli.bot.http.OutboxRoutes;
import org.linli.bot.http.PlatformRoutes;
import org.linli.bot.http.PollApi;
import org.linli.bot.http.PollPages;
import org.linli.bot.http.ProposalApi;
import org.linli.bot.http.ProposalRoutes;
import org.linli.bot.http.PublicPages;
import org.linli.bot.http.Routes;
import org.linli.bot.http.TicketRoutes;
import org.linli.bot.http.console.CommunityPages;
import org.linli.bot.http.console.ConsoleRoutes;
import org.linli.bot.http.console.ConsultationPages;
import org.linli.bot.http.console.Dashboard;
import org.linli.bot.http.console.GuidePages;
import org.linli.bot.http.console.ModeratorPages;
import org.linli.bot.http.console.OutboxPages;
import org.linli.bot.http.console.RegisterPages;
import org.linli.bot.http.console.StoredCommunityFigures;
import org.linli.bot.http.console.TicketPages;
import org.linli.bot.kb.GuideEdits;
import org.linli.bot.kb.KbLoader;
import org.linli.bot.kb.KbService;
import org.linli.bot.metrics.ServiceGauges;
import org.linli.bot.metrics.ServiceMetrics;
import org.linli.bot.outbox.ChatOutbox;
import org.linli.bot.outbox.Outbox;
import org.linli.bot.outbox.Poster;
import org.linli.bot.redis.EmbeddedRedis;
import org.linli.bot.redis.Leadership;
import org.linli.bot.redis.PersistenceRewrite;
import org.linli.bot.redis.RedisConnector;
import org.linli.bot.redis.ReplicatedWrites;
import org.linli.bot.text.Phones;
import org.linli.bot.text.Text;
import org.linli.bot.text.TraditionalScript;
import org.linli.bot.ticket.OpenTickets;
import org.linli.config.Settings;
import org.linli.webhooks.ChatPlatform;
import org.linli.webhooks.ChatPlatforms;
import org.linli.webhooks.ChatService;
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
  private final ServiceMetrics metrics;
  private HealthProbes probes;
  private EmbeddedRedis embeddedRedis;
  private Redis redisClient;
  private KbService kb;
  private Moderators moderators;
  private Communities communities;
  private GuideEdits guideEdits;
  private HttpServer server;
  private PollKeeper keeper;
  private ProposalDeadlines proposalDeadlines;
  private ChatOutbox chatOutbox;
  private Helpline helpline;
  private List<Leadership> background = List.of();
  private WebClient web;
  private AttachmentStore attachmentStore;
  private ReplyComposer composer;
  private Console console;
  private final Clock clock = Clock.systemUTC();

  public LinliVerticle(Settings settings) {
    this(settings, new ServiceMetrics());
  }

  /** With its meters in {@code metrics} (whose {@link ServiceMetrics#vertx} should run it, for Vert.x's own). */
  public LinliVerticle(Settings settings, ServiceMetrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
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
      Files.createDirectories(data);
      if (settings.redis().embedded()) {
        embeddedRedis = EmbeddedRedis.start(data, settings.redis().embeddedPort());
        LOG.info("Embedded Redis listening at {} (data in {})", embeddedRedis.url(), data.resolve("redis"));
        return embeddedRedis.url();
      }
      return settings.redis().nodes().get(0);
    })
        .compose(this::startWith);
  }

  private Future<?> startWith(String redisUrl) {
    this.redisUrl = redisUrl;
    redisClient = RedisConnector.create(vertx, settings.redis(), redisUrl);
    RedisAPI redis = ReplicatedWrites.over(redisClient, settings.redis().waitReplicas());
    web = WebClient.create(vertx);
    // OpenCC's dictionaries load beside the knowledge base, off the event loop.
    vertx.executeBlocking(TraditionalScript::load, false);
    return KbLoader.open(vertx, settings, metrics.registry())
        .compose(service -> {
          kb = service;
          return Platforms.build(vertx, web, settings, redis);
        })
        .compose(platforms -> wire(redis, platforms))
        .compose(this::startParts);
  }

  /** Builds every part over Redis and the platforms, and serves their routes. */
  private Future<HttpServer> wire(RedisAPI redis, ChatPlatforms platforms) {
    String publicUrl = settings.http().publicUrl();
    communities = new Communities(redis, Text.COMMUNITY_DEFAULT_NAME.of(), LocalFacts.NONE);
    composer = new ReplyComposer(publicUrl, Phones.of(settings.phones()), chat -> communities.of(chat).facts());
    GapStore gaps = new GapStore(redis);
    BallotKeys ballotKeys = BallotKeys.of(settings.consultation().ballotSealKey(), settings.data().path());
    PollStore polls = new PollStore(redis, ballotKeys, metrics.registry());
    ZoneId zone = ZoneId.of(settings.consultation().zone());
    PollMessages messages = new PollMessages(zone, composer::publicUrl);
    Settings.Consultation consultation = settings.consultation();
    Registers households = new Registers(redis, Duration.ofHours(consultation.bindingCodeHours()),
        clock, new BindingLimits(consultation.bindingWrongCodesPerIdentity(),
            consultation.bindingWrongCodesPerHousehold(), consultation.bindingWrongCodesPerCommunity(),
            Duration.ofMinutes(consultation.bindingWrongCodesWindowMinutes())),
        communities);
    // Receipts of secret ballots wait in the outbox sealed under the same key as the ballot keys.
    chatOutbox = new ChatOutbox(vertx, redis, ChatOutbox.QUEUE, Outbox.Timing.from(settings.outbox()),
        platforms.senders(), ballotKeys);
    Poster poster = chatOutbox::send;
    WorkerExecutor chartWorkers = vertx.createSharedWorkerExecutor("linli-charts", 2);
    ResultChart chart = new ResultChart(settings.consultation().chartFont());
    // The chart's address goes out only when the service has a public address platforms can reach.
    ChartMaker charts = new PublishedCharts(chart, chartWorkers, composer::publicUrl, !publicUrl.isEmpty());
    PollSchedule schedule = new PollSchedule(redis);
    // Only the embedded Redis has files this service owns; an operator's Redis keeps its own (docs/consultations.md).
    PersistenceRewrite rewrite = embeddedRedis != null
        ? PersistenceRewrite.of(vertx, redis)
        : PersistenceRewrite.none();
    keeper = new PollKeeper(polls, schedule, households, poster, charts, messages, clock, rewrite);
    moderators = new Moderators(settings.consultation().moderators(), new ModeratorGrants(redis));
    guideEdits = new GuideEdits(redis, kb);
    ConsultationService consultations = new ConsultationService(polls, schedule, keeper, households,
        communities::idOf, poster,
        moderators, messages, zone, clock, platforms);
    attachmentStore = settings.attachments().s3()
        ? S3AttachmentStore.of(vertx, settings.attachments())
        : new LocalAttachmentStore(vertx, settings.data().path().resolve("attachments"));
    Attachments attachments = new Attachments(attachmentStore, settings.attachments().maxBytes());
    AttachmentLinks links = AttachmentLinks.of(settings.attachments().linkSecret(), settings.data().path(),
        Duration.ofDays(settings.attachments().linkDays()), clock);
    TicketPhotos photos = new TicketPhotos(new PhotoIntake(attachments, platforms.all().stream()
        .collect(Collectors.toMap(ChatPlatform::name, ChatPlatform::media)), web), links, composer::publicUrl, redis);
    helpline = Helpline.of(vertx, redis, web, settings, poster, moderators, zone, clock, platforms, photos,
        households, kb::topicsOf, communities);
    ForwardOffers offers = new ForwardOffers(redis);
    ProposalStore proposalStore = new ProposalStore(redis);
    proposalDeadlines = new ProposalDeadlines(redis, proposalStore, poster, clock);
    ProposalDesk proposalDesk = new ProposalDesk(proposalStore, proposalDeadlines, new FollowUpStore(redis), polls,
        keeper, messages, poster, settings.proposals(), zone, clock, communities::idOf);
    FollowUps followUps = new FollowUps(new FollowUpStore(redis), polls, helpline.tickets(), poster, clock);
    ConsultationIndex index = new ConsultationIndex(redis, polls, proposalDesk, followUps, zone);
    Conversation conversation = new Conversation(kb, composer, gaps, consultations, new HouseholdChat(households),
        helpline.desk(), offers, new Feedback(kb, gaps.feedback(), offers, composer), new GuideDirectory(redis),
        new ProposalChat(proposalDesk, followUps, moderators));
    ChatService chat = new ChatService(conversation::handle, chatOutbox::send);
    background = Platforms.background(platforms, redis, chat);

    PollPages published = new PollPages(ResultSource.withReceipts(polls), new PollPage(zone), chart, chartWorkers,
        index::section);
    DeadLetterApi deadLetters = new DeadLetterApi(List.of(chatOutbox.outbox(), helpline.outbox()));
    HealthHandler health = new HealthHandler(kb, redis, deadLetters.outboxes(), helpline.state(),
        settings.hub().builtin());
    console = Console.of(vertx, redis, settings.console(), clock);
    probes = new HealthProbes(kb, redis, deadLetters.outboxes(), settings.redis().type().equals("cluster"));
    observe(deadLetters.outboxes(), helpline);
    return HttpListener.serve(vertx, Routes.create(vertx, settings, health, console, communities, List.of(
        probes, new MetricsRoutes(metrics, settings), new ApiDescription(),
        new PublicPages(kb, published),
        new AskRoutes(kb, composer, gaps, communities),
        new PlatformRoutes(platforms.all(), chat),
        new ConsultationRoutes(new PollApi(polls, keeper, clock,
            platforms.all().stream().map(ChatPlatform::name).collect(Collectors.toSet()), communities::idOf),
            published),
        new OutboxRoutes(deadLetters),
        new ModeratorRoutes(moderators),
        new CommunityRoutes(communities),
        new GuideRoutes(guideEdits, kb),
        new TicketRoutes(helpline, communities, zone, clock),
        new AttachmentRoutes(attachments, links),
        new HouseholdRoutes(households),
        new ProposalRoutes(new ProposalApi(proposalDesk, followUps, index, polls, communities::idOf)),
        new ConsoleRoutes(console, communities, zone,
            List.of(new TicketPages(helpline, photos, links, clock.withZone(zone)),
                RegisterPages.of(households, redis),
                ConsultationPages.of(polls, keeper, clock,
                    platforms.all().stream().map(ChatPlatform::name).collect(Collectors.toSet()), index, published,
                    proposalDesk, followUps, zone, communities::idOf),
                new GuidePages(guideEdits, kb, gaps),
                new Dashboard(index, proposalDesk, helpline.queue(), gaps, clock),
                new OutboxPages(deadLetters),
                new ModeratorPages(moderators),
                new CommunityPages(moderators, new StoredCommunityFigures(households, index, proposalDesk,
                    new OpenTickets(helpline.tickets()), clock)))))),
        settings.http());
  }

  /** The gauges read from Redis at each scrape: the outbox queues, the hub, open tickets. */
  private void observe(List<Outbox> outboxes, Helpline helpline) {
    outboxes.forEach(o -> metrics.gauges().queue(o.queue(), () -> Future.all(o.stats(), o.earliestDue())
        .map(all -> new ServiceGauges.QueueFigures(all.<Outbox.Stats>resultAt(0).pending(),
            all.<Outbox.Stats>resultAt(0).dead(), all.<Long>resultAt(1)))));
    metrics.gauges().hub(() -> helpline.state().goneSince().map(gone -> gone != null));
    OpenTickets open = new OpenTickets(helpline.tickets());
    metrics.gauges().tickets(() -> open.byTimeLimit(clock.instant()));
  }

  /** The street office's communities (tests set them up). */
  Communities communities() {
    return communities;
  }

  /** The console's accounts and tokens (tests make accounts of a community). */
  Console console() {
    return console;
  }

  /** The probes of this instance (tests drain them). */
  HealthProbes probes() {
    return probes;
  }

  /** Once listening: starts the timers, the outboxes, the background tasks and the guides. */
  private Future<?> startParts(HttpServer listening) {
    server = listening;
    if (settings.http().publicUrl().isEmpty()) {
      composer.publicUrl("http://localhost:" + listening.actualPort());
    }
    keeper.start(vertx, 500);
    proposalDeadlines.start(vertx, 1000);
    chatOutbox.start();
    background.forEach(task -> task.start(vertx));
    return console.bootstrap().compose(v -> communities.start(vertx, 2_000))
        .compose(v -> moderators.start(vertx, 2_000))
        .compose(v -> guideEdits.start(vertx, 2_000))
        .compose(v -> helpline.start(vertx, clock)).compose(v -> kb.start())
        .onSuccess(report -> LOG.info("Linli ready: {} guides, retrieval {}", report.entries(),
            settings.kb().semantic() ? "hybrid (words + vectors)" : "lexical"));
  }

  /**
   * Drains: readiness turns false, the HTTP server stops taking requests and lets those in flight
   * finish while the outbox stops claiming and waits for its attempts in flight; then the rest.
   */
  @Override
  public Future<?> stop() {
    if (probes != null) {
      probes.drain();
    }
    Future<Void> http = server == null ? Future.succeededFuture() : server.shutdown(HttpListener.GRACE);
    if (keeper != null) {
      keeper.stop();
    }
    if (moderators != null) {
      communities.stop();
      moderators.stop();
      guideEdits.stop();
    }
    if (proposalDeadlines != null) {
      proposalDeadlines.stop();
    }
    Future<Void> polling = Future.all(background.stream().map(Leadership::stop).toList()).mapEmpty();
    // The outbox waits for attempts in flight before Redis goes away.
    Future<Void> outbox = polling
        .eventually(() -> chatOutbox == null ? Future.<Void>succeededFuture() : chatOutbox.stop())
        .eventually(() -> helpline == null ? Future.succeededFuture() : helpline.stop());
    Future<Void> closing = Future.join(http, outbox).mapEmpty();
    return closing.eventually(() -> vertx.executeBlocking(() -> {
      if (kb != null) {
        kb.close();
        kb.knowledgeBase().close();
      }
      if (web != null) {
        web.close();
      }
      if (attachmentStore != null) {
        attachmentStore.close();
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
