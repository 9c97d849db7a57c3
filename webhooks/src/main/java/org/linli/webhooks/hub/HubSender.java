package org.linli.webhooks.hub;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers ticket events to a hub that takes Standard Webhooks: {@code POST <hub.url>} with the
 * caller's JSON bytes unchanged, {@code Content-Type: application/json}, {@code webhook-id} (the
 * caller's id for the event, the same on every retry), {@code webhook-timestamp} (this attempt, in
 * seconds) and {@code webhook-signature} (over exactly the bytes sent).
 *
 * <p>A 2xx answer is success. {@code 410 Gone} fails with {@link HubGone}: stop delivering and
 * raise an alarm. 408, 429, 5xx, refused connections and timeouts fail with a temporary {@link
 * SendFailure} (carrying the seconds of a 429's or 503's {@code Retry-After}); redirects and other
 * 4xx with a permanent one. When every connection is busy the event is not sent and the call fails
 * at once with {@link HubBusy}: a wait for a connection is never an attempt. The connect timeout
 * ({@link HubClient}) is kept apart from the time the hub has to answer. Bodies are never logged:
 * only ids and statuses.
 */
public final class HubSender {

  private static final Logger LOG = LoggerFactory.getLogger(HubSender.class);
  /** Within the 15-30 s the Standard Webhooks specification recommends. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  private final HubClient client;
  private final String url;
  private final StandardWebhooks signer;
  private final Clock clock;
  private final long timeoutMillis;

  /** A sender to {@code url} signing with {@code signer}, on the system clock, with a 15 s timeout. */
  public HubSender(WebClient client, String url, StandardWebhooks signer) {
    this(client, url, signer, Clock.systemUTC(), DEFAULT_TIMEOUT);
  }

  /**
   * A sender that stamps attempts by {@code clock} and gives up on a hub silent for {@code timeout},
   * over a client with its default pool (at most 5 requests in flight; a sixth is {@link HubBusy}).
   */
  public HubSender(WebClient client, String url, StandardWebhooks signer, Clock clock, Duration timeout) {
    this(HubClient.over(client, 5), url, signer, clock, timeout);
  }

  /** A sender through {@code client}: a request that would wait for a connection fails with {@link HubBusy}. */
  public HubSender(HubClient client, String url, StandardWebhooks signer, Clock clock, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.url = url == null ? "" : url.strip();
    this.signer = Objects.requireNonNull(signer, "signer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeoutMillis = Math.max(1, timeout.toMillis());
  }

  /** False while no hub URL is set; deliveries should wait rather than be tried. */
  public boolean configured() {
    return !url.isEmpty();
  }

  /**
   * Posts one event. Succeeds once the hub answered 2xx; fails with {@link HubGone} or {@link
   * SendFailure} as described on the class. A {@code webhookId} that is blank or holds a full stop,
   * space or control character is refused with a permanent failure, before anything is sent.
   */
  public Future<Void> send(String webhookId, byte[] body) {
    Objects.requireNonNull(body, "body");
    if (!configured()) {
      return Future.failedFuture(new SendFailure("hub.url is not set", false));
    }
    long timestamp = clock.instant().getEpochSecond();
    String signature;
    try {
      signature = signer.sign(webhookId, timestamp, body);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new SendFailure(e.getMessage(), true));
    }
    return client.call(webhookId, () -> client.web().postAbs(url)
        .timeout(timeoutMillis)
        .connectTimeout(client.connectTimeoutMillis())
        .followRedirects(false)
        .putHeader("Content-Type", "application/json")
        .putHeader("webhook-id", webhookId)
        .putHeader("webhook-timestamp", Long.toString(timestamp))
        .putHeader("webhook-signature", signature)
        .sendBuffer(Buffer.buffer(body)))
        .recover(e -> {
          if (e instanceof HubBusy) {
            return Future.failedFuture(e);
          }
          LOG.info("Hub delivery {} not answered: {}", webhookId, e.getClass().getSimpleName());
          return Future.failedFuture(HubAnswers.unreachable(webhookId, e));
        })
        .compose(response -> outcome(webhookId, response));
  }

  private Future<Void> outcome(String webhookId, HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (HubAnswers.success(status)) {
      LOG.debug("Hub delivery {} accepted ({})", webhookId, status);
      return Future.succeededFuture();
    }
    RuntimeException failure = HubAnswers.failure(webhookId, status, response.getHeader("Retry-After"), clock);
    if (failure instanceof HubGone) {
      LOG.error("Hub answered 410 Gone to delivery {}: it no longer accepts deliveries", webhookId);
    } else {
      LOG.info("Hub answered {} to delivery {} ({})", status, webhookId,
          HubAnswers.temporary(status) ? "will retry" : "refused");
    }
    return Future.failedFuture(failure);
  }
}
