package org.linli.webhooks.telegram;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Deduplicator;
import org.linli.webhooks.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches updates with {@code getUpdates} long polls, for a bot without a public address ({@code
 * telegram.mode: polling}). Each round asks for updates after the last one handled ({@code offset},
 * which also confirms them to Telegram), hands each update's event to the bot, one after the other,
 * and sends the replies with {@link TelegramSender#reply}. A failed round (no answer, 5xx, garbage,
 * 409 while a webhook is set or another poller runs) waits and tries again, 1 s doubling up to 30 s.
 *
 * <p>Telegram lets one poller run per bot: start it on one instance only.
 */
public final class TelegramPoller {

  private static final Logger LOG = LoggerFactory.getLogger(TelegramPoller.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final TelegramBotApi api;
  private final UpdateReader reader;
  private final Deduplicator dedupe;
  private final TelegramSender sender;
  private final Function<ChatEvent, Future<List<Reply>>> handler;
  private final Duration longPoll;
  private final Duration firstBackoff;

  private volatile boolean running;
  private volatile long offset;
  private long backoffMillis;
  private long timer = -1;

  /** A poller with 25 s long polls. */
  public TelegramPoller(Vertx vertx, TelegramBotApi api, BotIdentity bot, Deduplicator dedupe, TelegramSender sender,
      Function<ChatEvent, Future<List<Reply>>> handler) {
    this(vertx, api, bot, dedupe, sender, handler, Duration.ofSeconds(25), Duration.ofSeconds(1));
  }

  /** A poller whose long polls last {@code longPoll} and whose first wait after a failure is {@code firstBackoff}. */
  public TelegramPoller(Vertx vertx, TelegramBotApi api, BotIdentity bot, Deduplicator dedupe, TelegramSender sender,
      Function<ChatEvent, Future<List<Reply>>> handler, Duration longPoll, Duration firstBackoff) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.api = Objects.requireNonNull(api, "api");
    this.dedupe = Objects.requireNonNull(dedupe, "dedupe");
    this.reader = new UpdateReader(Objects.requireNonNull(bot, "bot"), dedupe);
    this.sender = Objects.requireNonNull(sender, "sender");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.longPoll = longPoll;
    this.firstBackoff = firstBackoff;
    this.backoffMillis = firstBackoff.toMillis();
  }

  /**
   * Removes any webhook (Telegram refuses {@code getUpdates} while one is set, and keeps pending
   * updates) and starts polling; completes once polling has begun, whatever {@code deleteWebhook} said.
   */
  public Future<Void> start() {
    if (running) {
      return Future.succeededFuture();
    }
    running = true;
    return api.call("deleteWebhook", new JsonObject().put("drop_pending_updates", false))
        .<Void>mapEmpty()
        .recover(e -> {
          LOG.warn("Telegram polling: deleteWebhook failed ({}); polling anyway", e.getMessage());
          return Future.succeededFuture();
        })
        .onSuccess(v -> {
          LOG.info("Telegram polling started");
          round();
        });
  }

  /** Stops after the current round; updates fetched but not yet handled are fetched again next time. */
  public Future<Void> stop() {
    running = false;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    return Future.succeededFuture();
  }

  /** The {@code offset} the next round asks with: one past the last update handled. */
  public long offset() {
    return offset;
  }

  private void round() {
    if (!running) {
      return;
    }
    JsonObject params = new JsonObject()
        .put("timeout", longPoll.toSeconds())
        .put("allowed_updates", new JsonArray().add("message").add("callback_query"));
    if (offset > 0) {
      params.put("offset", offset);
    }
    api.call("getUpdates", params, longPoll)
        .compose(answer -> {
          if (!(answer.getValue("result") instanceof JsonArray updates)) {
            return Future
                .failedFuture(new BotApiError("getUpdates", 200, "the result is not a list of updates", 0, true));
          }
          return handleAll(updates);
        })
        .onSuccess(v -> {
          backoffMillis = firstBackoff.toMillis();
          round();
        })
        .onFailure(e -> {
          if (!running) {
            return;
          }
          long wait = e instanceof BotApiError b && b.retryAfterSeconds() > 0
              ? b.retryAfterSeconds() * 1000
              : backoffMillis;
          LOG.warn("Telegram polling: getUpdates failed ({}); trying again in {} ms", e.getMessage(), wait);
          backoffMillis = Math.min(MAX_BACKOFF.toMillis(), backoffMillis * 2);
          later(wait);
        });
  }

  private void later(long millis) {
    if (!running) {
      return;
    }
    timer = vertx.setTimer(Math.max(1, millis), id -> {
      timer = -1;
      round();
    });
  }

  /** Handles the updates in order; the offset moves past each one once the bot has decided on it. */
  private Future<Void> handleAll(JsonArray updates) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < updates.size(); i++) {
      if (!(updates.getValue(i) instanceof JsonObject update)) {
        continue;
      }
      chain = chain.compose(v -> running ? handle(update) : Future.succeededFuture());
    }
    return chain;
  }

  /**
   * One update: read (a store failure fails the round, so the update is fetched again), handed to
   * the bot (a failure there is logged, and the update counts as handled), replies sent.
   */
  private Future<Void> handle(JsonObject update) {
    long id = UpdateReader.updateId(update).orElse(-1L);
    return reader.intake(update)
        .compose(read -> read.isEmpty() ? Future.succeededFuture() : decide(id, read.get()).compose(v -> done(id)))
        .onSuccess(v -> {
          if (id >= offset) {
            offset = id + 1;
          }
        });
  }

  /** The update counts as seen from now on (a failure to say so is logged: its claim lapses). */
  private Future<Void> done(long id) {
    return dedupe.done(reader.key(id)).recover(e -> {
      LOG.warn("Telegram polling: update {} could not be marked done: {}", id, e.getMessage());
      return Future.succeededFuture();
    });
  }

  private Future<Void> decide(long id, Incoming incoming) {
    Future<List<Reply>> decided;
    try {
      decided = handler.apply(incoming.event());
    } catch (RuntimeException e) {
      decided = Future.failedFuture(e);
    }
    return decided
        .recover(e -> {
          LOG.warn("Telegram polling: the bot failed on update {}: {}", id, e.getMessage());
          return Future.succeededFuture(List.of());
        })
        .onSuccess(replies -> sender.reply(incoming, replies)
            .onFailure(
                e -> LOG.warn("Telegram polling: replies to update {} not all delivered: {}", id, e.getMessage())))
        .mapEmpty();
  }
}
