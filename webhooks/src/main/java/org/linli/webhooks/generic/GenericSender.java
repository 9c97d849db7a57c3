package org.linli.webhooks.generic;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.linli.config.Secret;
import org.linli.webhooks.KeyedSender;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages that are not replies (poll announcements, reminders, results) to the community
 * app behind the generic channel: {@code POST <generic.outboundUrl>} with
 * {@code Authorization: Bearer <generic.outboundToken>} (when set), {@code Idempotency-Key: <id>}
 * and the body {@code {"id", "chat": {"id", "type"}, "text", "buttons": [{"label", "data"}],
 * "private", "forward", "image": {"url"} | {"base64"}}} ("image" only when there is one).
 *
 * <p>A 2xx answer is success. 408, 429, 5xx, refused connections and timeouts are temporary
 * failures (a 429's {@code Retry-After} seconds travel with the failure); any other status is a
 * permanent one. Without an outbound address the channel is not {@link #configured()}.
 */
public final class GenericSender implements KeyedSender {

  private static final Logger LOG = LoggerFactory.getLogger(GenericSender.class);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final WebClient client;
  private final String url;
  private final Secret token;
  private final long timeoutMillis;

  /** A sender with a 10 s timeout per request. */
  public GenericSender(WebClient client, String outboundUrl, Secret outboundToken) {
    this(client, outboundUrl, outboundToken, DEFAULT_TIMEOUT);
  }

  /** A sender that gives up on a request that has not answered within {@code timeout}. */
  public GenericSender(WebClient client, String outboundUrl, Secret outboundToken, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.url = outboundUrl == null ? "" : outboundUrl.strip();
    this.token = outboundToken == null ? Secret.none() : outboundToken;
    this.timeoutMillis = Math.max(1, timeout.toMillis());
  }

  @Override
  public String platform() {
    return GenericChannel.PLATFORM;
  }

  @Override
  public boolean configured() {
    return !url.isEmpty();
  }

  @Override
  public Future<Void> send(String id, Outgoing message) {
    if (!configured()) {
      return Future.failedFuture(new SendFailure("generic.outboundUrl is not set", false));
    }
    var request = client.postAbs(url)
        .timeout(timeoutMillis)
        .connectTimeout(timeoutMillis)
        .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json; charset=utf-8");
    if (token.isSet()) {
      request.putHeader(HttpHeaders.AUTHORIZATION.toString(), "Bearer " + token.reveal());
    }
    if (!id.isEmpty()) {
      request.putHeader("Idempotency-Key", id);
    }
    return request.sendBuffer(Buffer.buffer(body(id, message).encode()))
        .recover(e -> Future.failedFuture(new SendFailure("generic receiver unreachable: " + e.getMessage(), false)))
        .compose(response -> outcome(id, response));
  }

  /** The JSON the community app receives. */
  static JsonObject body(String id, Outgoing message) {
    Reply reply = message.reply();
    JsonArray buttons = new JsonArray();
    reply.buttons().forEach(b -> buttons.add(new JsonObject().put("label", b.label()).put("data", b.data())));
    JsonObject body = new JsonObject()
        .put("id", id)
        .put("chat", new JsonObject()
            .put("id", message.chat().id())
            .put("type", message.chat().type().name().toLowerCase(Locale.ROOT)))
        .put("text", reply.text())
        .put("buttons", buttons)
        .put("private", reply.privately())
        .put("forward", reply.forward());
    if (reply.image() != null) {
      body.put("image", reply.image().url().isEmpty()
          ? new JsonObject().put("base64", reply.image().base64())
          : new JsonObject().put("url", reply.image().url()));
    }
    return body;
  }

  private static Future<Void> outcome(String id, HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      LOG.debug("Generic message {} delivered ({})", id, status);
      return Future.succeededFuture();
    }
    boolean temporary = status == 408 || status == 429 || status >= 500;
    LOG.debug("Generic receiver answered {} to message {} ({})", status, id, temporary ? "will retry" : "refused");
    long retryAfter = status == 429 || status == 503 ? retryAfterSeconds(response.getHeader("Retry-After")) : 0;
    return Future.failedFuture(new SendFailure("generic receiver answered " + status, !temporary, retryAfter));
  }

  /** The seconds of a {@code Retry-After} header; 0 when absent or given as a date. */
  private static long retryAfterSeconds(String header) {
    if (header == null) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(header.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
