package org.linli.bot.helpline;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.linli.bot.community.Communities;
import org.linli.bot.consultation.Moderators;
import org.linli.bot.household.Registers;
import org.linli.bot.outbox.Outbox;
import org.linli.bot.outbox.Poster;
import org.linli.bot.text.Phones;
import org.linli.bot.ticket.HubReference;
import org.linli.bot.ticket.TicketDeadlines;
import org.linli.bot.ticket.TicketStore;
import org.linli.config.Settings;
import org.linli.config.SettingsException;
import org.linli.webhooks.Capabilities;
import org.linli.webhooks.hub.HubCallbackVerifier;
import org.linli.webhooks.hub.HubClient;
import org.linli.webhooks.hub.HubSender;
import org.linli.webhooks.hub.Open311Sender;
import org.linli.webhooks.hub.StandardWebhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The help-line's parts, built from the settings: tickets in Redis, the hub queue of the outbox
 * (signed Standard Webhooks or Open311), the chat desk, the hub's callbacks and the reminder timers
 * (the operators' API is mounted by {@code http.TicketRoutes}). Started and stopped with the service.
 * With {@code hub.mode=builtin} nothing is queued for a hub: operators work the tickets through the
 * {@link OperatorDesk} and the {@link TicketQueue}.
 *
 * @param outbox the hub queue of the outbox
 * @param operators the operators' actions on tickets, whether the hub's callbacks or Linli's own API
 * @param queue the open tickets by time left
 * @param windows the ends of the intake questions' windows (unanswered requests are filed as they are)
 */
public record Helpline(TicketStore tickets, Outbox outbox, HubState state, HelpDesk desk, HubCallbacks callbacks,
    TicketTimers timers, OperatorDesk operators, TicketQueue queue, IntakeWindows windows) {

  private static final Logger LOG = LoggerFactory.getLogger(Helpline.class);

  /** The outbox queue of hub deliveries. */
  public static final String QUEUE = "hub";

  /**
   * The parts built from the settings, not started yet; {@code households} gives bound residents'
   * addresses, {@code topics} what the guides say a request is about; a ticket belongs to the
   * community of its chat in {@code communities}.
   */
  public static Helpline of(Vertx vertx, RedisAPI redis, WebClient web, Settings settings, Poster chat,
      Moderators moderators, ZoneId zone, Clock clock, Capabilities capabilities, TicketPhotos photos,
      Registers households, GuideTopics topics, Communities communities) {
    Settings.Hub hubSettings = settings.hub();
    if (!hubSettings.url().isEmpty() && hubSettings.mode().equals("webhooks") && !hubSettings.secret().isSet()) {
      throw new SettingsException("hub.secret (LINLI_HUB_SECRET, whsec_<base64>) must be set when hub.url is set:"
          + " every delivery is signed");
    }
    StandardWebhooks signer;
    try {
      signer = hubSettings.secret().isSet() ? new StandardWebhooks(hubSettings.secret()) : null;
    } catch (IllegalArgumentException e) {
      throw new SettingsException("hub.secret (LINLI_HUB_SECRET): " + e.getMessage());
    }
    TicketStore tickets = TicketStore.of(redis, settings.tickets(), zone,
        id -> communities.find(id).isPresent());
    HubState state = new HubState(redis);
    Outbox.Timing timing = Outbox.Timing.from(settings.outbox());
    // As many connections as deliveries in flight: none waits for a connection (docs/helpline.md).
    HubClient hubClient = HubClient.create(vertx, timing.batch(), HubClient.DEFAULT_CONNECT_TIMEOUT);
    HubSender webhooks = signer == null
        ? null
        : new HubSender(hubClient, hubSettings.url(), signer, Clock.systemUTC(), HubSender.DEFAULT_TIMEOUT);
    Open311Sender open311 = hubSettings.mode().equals("open311")
        ? new Open311Sender(hubClient, hubSettings.url(), hubSettings.apiKey(), Clock.systemUTC(),
            HubSender.DEFAULT_TIMEOUT)
        : null;
    HubDelivery delivery = new HubDelivery(open311 == null ? webhooks : null, open311, hubSettings.serviceCode(), state,
        (receipt, filed) -> tickets.setHubReference(receipt, new HubReference(filed.serviceRequestId(), filed.token()))
            .mapEmpty(),
        clock);
    Outbox hub = new Outbox(vertx, redis, QUEUE, timing, delivery);
    ResidentNotifier residents = new ResidentNotifier(chat, capabilities);
    Phones phones = Phones.of(settings.phones());
    HubFeed feed = new HubFeed(hub, clock, hubSettings.builtin());
    Times times = new Times(clock, zone);
    ResidentReplies replies = new ResidentReplies(tickets, feed, redis, times,
        Duration.ofMinutes(settings.tickets().commentMinutes()), photos);
    Intake intake = new Intake(redis, households, capabilities, times);
    HelpDesk desk = new HelpDesk(tickets, feed, new ForwardOffers(redis), moderators, times, phones, replies, photos,
        intake, topics, communities);
    OperatorDesk operators = new OperatorDesk(tickets, residents, phones, clock);
    HubCallbacks callbacks = new HubCallbacks(new HubCallbackVerifier(hubSettings.secret(), clock), redis, operators,
        clock);
    TicketTimers timers = new TicketTimers(new TicketDeadlines(redis), tickets, feed, chat, residents,
        settings.tickets().moderatorChats(), times);
    if (hubSettings.builtin()) {
      LOG.info("Help-line: built-in hub (hub.mode=builtin): tickets are worked in Linli, nothing is sent to a hub");
    }
    IntakeWindows windows = new IntakeWindows(redis, intake, desk::fileAsIs, residents, times);
    return new Helpline(tickets, hub, state, desk, callbacks, timers, operators, new TicketQueue(tickets, clock),
        windows);
  }

  /** Starts the hub deliveries and the reminder timers; repairs indexes a crash may have left stale. */
  public Future<Void> start(Vertx vertx, Clock clock) {
    outbox.start();
    timers.start(vertx, 500);
    windows.start(vertx, 1_000);
    Instant now = clock.instant();
    // Best effort: a Redis that does not answer yet must not keep the service from starting.
    return tickets.repair(now.minus(Duration.ofDays(31)), now)
        .onFailure(e -> LOG.warn("Tickets: could not check the indexes at start: {}", e.toString()))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  /** Stops the timers and waits for deliveries in flight. */
  public Future<Void> stop() {
    timers.stop();
    windows.stop();
    return outbox.stop();
  }
}
