package org.linli.webhooks.dingtalk;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.linli.config.Secret;
import org.linli.webhooks.ChannelSender;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.ChatPacer;
import org.linli.webhooks.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages that are not replies to a DingTalk conversation by posting to its session
 * webhook (the robot's only way in without an access token), rendered as {@code text}, {@code
 * markdown} or {@code actionCard}.
 *
 * <p>Failures: no live session webhook for the conversation is temporary (one arrives with the
 * next message that addresses the robot there); more than 20 messages a minute to one chat (our
 * own pacing), HTTP 408/429/5xx, errcode 130101 (sending too fast) or -1 (busy) are temporary, with
 * the seconds to wait where known; a private message to a group is permanent (the robot cannot
 * show a message to one member of a group), as are other refusals. Without an app secret nothing
 * ever arrives, so the channel is not {@link #configured()}.
 *
 * <p>With {@linkplain DingtalkCardSender cards} on, a reply with buttons to a whole group goes as
 * an interactive card through the OpenAPI instead (the session webhook cannot carry one, and an
 * action card's buttons never reach the robot in a group); everything else is sent as before.
 */
public final class DingtalkSender implements ChannelSender {

  /** DingTalk's limit: messages per minute per robot per group. */
  static final int PER_MINUTE = 20;

  private static final Logger LOG = LoggerFactory.getLogger(DingtalkSender.class);
  private static final long RATE_LIMITED_SECONDS = 60;

  private final WebClient client;
  private final SessionWebhooks webhooks;
  private final Secret appSecret;
  private final Clock clock;
  private final long timeoutMillis;
  private final ChatPacer pacer;
  private final Optional<DingtalkCardSender> cards;

  /**
   * A sender through the session webhooks in {@code webhooks}, configured when {@code appSecret} is
   * set, giving up on a request after {@code timeout}, with no cards.
   */
  public DingtalkSender(WebClient client, SessionWebhooks webhooks, Secret appSecret, Clock clock, Duration timeout) {
    this(client, webhooks, appSecret, clock, timeout, Optional.empty());
  }

  /** As above, sending replies with buttons to groups through {@code cards} when given. */
  public DingtalkSender(WebClient client, SessionWebhooks webhooks, Secret appSecret, Clock clock, Duration timeout,
      Optional<DingtalkCardSender> cards) {
    this.cards = Objects.requireNonNull(cards, "cards");
    this.client = Objects.requireNonNull(client, "client");
    this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeoutMillis = Math.max(1, timeout.toMillis());
    this.pacer = new ChatPacer(PER_MINUTE, Duration.ofMinutes(1), clock);
  }

  /** A sender on the system clock with a 10 s timeout. */
  public DingtalkSender(WebClient client, SessionWebhooks webhooks, Secret appSecret) {
    this(client, webhooks, appSecret, Clock.systemUTC(), Duration.ofSeconds(10));
  }

  @Override
  public String platform() {
    return DingtalkChannel.PLATFORM;
  }

  @Override
  public boolean configured() {
    return appSecret.isSet();
  }

  @Override
  public Future<Void> send(Outgoing message) {
    return cards.isPresent() && asCard(message) ? cards.get().send(message) : robot(message);
  }

  @Override
  public Future<Void> send(String id, Outgoing message) {
    return cards.isPresent() && asCard(message) ? cards.get().send(id, message) : robot(message);
  }

  /** True when {@code message} goes as an interactive card: cards are on and it is a group reply with buttons. */
  boolean asCard(Outgoing message) {
    return cards.isPresent() && DingtalkCardSender.handles(message);
  }

  private Future<Void> robot(Outgoing message) {
    if (message.reply().privately() && message.chat().type() == ChatEvent.ChatType.GROUP) {
      return Future
          .failedFuture(new SendFailure("a DingTalk robot cannot show a message to one member of a group", true));
    }
    return post(message.chat().id(), DingtalkMessages.render(message.reply()));
  }

  /** Counts a message that went out another way (the HTTP response) against the chat's pace. */
  void count(String conversationId) {
    pacer.take(conversationId);
  }

  /** Posts one rendered message into a conversation through its session webhook. */
  Future<Void> post(String conversationId, JsonObject body) {
    return webhooks.find(conversationId, clock.millis()).compose(url -> post(conversationId, body, url));
  }

  private Future<Void> post(String conversationId, JsonObject body, Optional<String> url) {
    if (url.isEmpty()) {
      return Future.failedFuture(new SendFailure(
          "no live DingTalk session webhook for this conversation; waiting for a message that addresses the robot there",
          false));
    }
    long wait = pacer.take(conversationId);
    if (wait > 0) {
      return Future.failedFuture(new SendFailure(
          "more than " + PER_MINUTE + " DingTalk messages a minute to one chat", false, (wait + 999) / 1000));
    }
    return client.postAbs(url.get())
        .timeout(timeoutMillis)
        .connectTimeout(timeoutMillis)
        .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json; charset=utf-8")
        .sendBuffer(Buffer.buffer(body.encode()))
        .recover(e -> Future.failedFuture(new SendFailure("DingTalk unreachable: " + e.getMessage(), false)))
        .compose(DingtalkSender::outcome);
  }

  private static Future<Void> outcome(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status == 429) {
      return Future.failedFuture(new SendFailure("DingTalk answered 429", false, retryAfter(response)));
    }
    if (status < 200 || status >= 300) {
      boolean temporary = status == 408 || status >= 500;
      return Future.failedFuture(new SendFailure("DingTalk answered " + status, !temporary));
    }
    long errcode;
    try {
      errcode = response.bodyAsJsonObject().getLong("errcode", 0L);
    } catch (RuntimeException e) {
      return Future.failedFuture(new SendFailure("DingTalk answered 200 without its JSON result", false));
    }
    if (errcode == 0) {
      return Future.succeededFuture();
    }
    LOG.debug("DingTalk refused a message with errcode {}", errcode);
    if (errcode == 130101) {
      return Future
          .failedFuture(new SendFailure("DingTalk: sending too fast (errcode 130101)", false, RATE_LIMITED_SECONDS));
    }
    if (errcode == -1) {
      return Future.failedFuture(new SendFailure("DingTalk is busy (errcode -1)", false));
    }
    return Future.failedFuture(new SendFailure("DingTalk refused the message (errcode " + errcode + ")", true));
  }

  /** The seconds of a 429's {@code Retry-After}; a minute when absent or not a number. */
  static long retryAfter(HttpResponse<Buffer> response) {
    String header = response.getHeader("Retry-After");
    try {
      return header == null ? RATE_LIMITED_SECONDS : Math.max(0, Long.parseLong(header.strip()));
    } catch (NumberFormatException e) {
      return RATE_LIMITED_SECONDS;
    }
  }
}
