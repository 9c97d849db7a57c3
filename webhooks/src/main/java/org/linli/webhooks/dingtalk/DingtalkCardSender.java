package org.linli.webhooks.dingtalk;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import org.linli.config.Secret;
import org.linli.webhooks.CachedToken;
import org.linli.webhooks.ChannelSender;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.TokenEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a reply with buttons to a DingTalk group as an interactive card through the OpenAPI
 * ({@code POST /v1.0/card/instances/createAndDeliver}, header {@code x-acs-dingtalk-access-token}),
 * so that a press comes back to {@link DingtalkCardCallback} instead of being a link that makes the
 * member send a message the robot never receives. It also registers the callback URL ({@code POST
 * /v1.0/card/callbacks/register}).
 *
 * <p>The outbox id becomes the card's {@code outTrackId} (its SHA-256 in hex), so a retried
 * delivery names the same card. Failures: HTTP 408/429/5xx and an unreachable API are temporary
 * (429 with its {@code Retry-After}); 401/403 forget the token and are temporary; a card DingTalk
 * refuses (another 4xx, {@code success} false, or a delivery result that failed) is permanent. A
 * private reply or a private chat is not for cards: {@link #handles} tells which messages are.
 */
public final class DingtalkCardSender implements ChannelSender {

  /** DingTalk's OpenAPI. */
  public static final String API = "https://api.dingtalk.com";

  private static final Logger LOG = LoggerFactory.getLogger(DingtalkCardSender.class);

  private final WebClient client;
  private final String apiUrl;
  private final CachedToken tokens;
  private final DingtalkCards cards;
  private final boolean configured;
  private final long timeoutMillis;

  /**
   * A sender through the OpenAPI at {@code apiUrl} for the app {@code appKey}/{@code appSecret}
   * (whose robot sends the cards), on card template {@code templateId}, with presses posted to the
   * URL registered under {@code callbackRouteKey} and button data sealed with {@code
   * callbackSecret}; configured when all of them are set.
   */
  public DingtalkCardSender(WebClient client, String apiUrl, String appKey, Secret appSecret, String templateId,
      String callbackRouteKey, Secret callbackSecret, Clock clock, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
    this.timeoutMillis = Math.max(1, timeout.toMillis());
    this.tokens = TokenEndpoint.postingJson(client, apiUrl + "/v1.0/oauth2/accessToken",
        () -> new JsonObject().put("appKey", appKey).put("appSecret", appSecret.reveal()), "DingTalk", clock,
        timeoutMillis,
        DingtalkCardSender::accessToken);
    this.cards = new DingtalkCards(templateId, appKey, callbackRouteKey, new CardPayloads(callbackSecret));
    this.configured = !appKey.isBlank() && appSecret.isSet() && !templateId.isBlank()
        && !callbackRouteKey.isBlank() && callbackSecret.isSet();
  }

  /**
   * The enterprise-internal app's access token from {@code POST /v1.0/oauth2/accessToken} (with
   * {@code appKey} and {@code appSecret}): {@code accessToken}, kept for {@code expireIn} seconds
   * but the margin, or until the API calls it invalid.
   */
  private static Future<CachedToken.Issued> accessToken(TokenEndpoint.Answer answer) {
    JsonObject body = answer.body();
    String token = body == null ? null : body.getString("accessToken");
    if (answer.status() != 200 || token == null || token.isBlank()) {
      String code = body == null || body.getString("code") == null ? "HTTP " + answer.status() : body.getString("code");
      return TokenEndpoint.noToken(answer, "DingTalk gave no access token (" + code
          + "); check the DingTalk app key and LINLI_DINGTALK_APP_SECRET");
    }
    return Future.succeededFuture(TokenEndpoint.issued(token, body.getLong("expireIn", 0L)));
  }

  @Override
  public String platform() {
    return DingtalkChannel.PLATFORM;
  }

  @Override
  public boolean configured() {
    return configured;
  }

  /** True for what goes as a card: a reply with buttons, to the whole of a group. */
  public static boolean handles(Outgoing message) {
    return !message.reply().buttons().isEmpty() && !message.reply().privately()
        && message.chat().type() == ChatEvent.ChatType.GROUP;
  }

  @Override
  public Future<Void> send(Outgoing message) {
    return send(UUID.randomUUID().toString(), message);
  }

  @Override
  public Future<Void> send(String id, Outgoing message) {
    if (!handles(message)) {
      return Future.failedFuture(new SendFailure("only a group reply with buttons goes as a DingTalk card", true));
    }
    String outTrackId = outTrackId(id);
    JsonObject body = cards.createAndDeliver(outTrackId, message.chat(), message.reply());
    return call("/v1.0/card/instances/createAndDeliver", body).compose(answer -> delivered(answer, outTrackId));
  }

  /**
   * Registers {@code callbackUrl} (Linli's public card callback address) under the route key with
   * the callback secret, overwriting an earlier registration of the same key.
   */
  public Future<Void> registerCallback(String callbackUrl, String callbackRouteKey, Secret callbackSecret) {
    JsonObject body = new JsonObject()
        .put("callbackRouteKey", callbackRouteKey)
        .put("callbackUrl", callbackUrl)
        .put("apiSecret", callbackSecret.reveal())
        .put("forceUpdate", true);
    return call("/v1.0/card/callbacks/register", body).mapEmpty();
  }

  /** The card id for an outbox id: stable across retries, hex only. */
  static String outTrackId(String id) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private Future<JsonObject> call(String path, JsonObject body) {
    return tokens.current().compose(token -> client.postAbs(apiUrl + path)
        .timeout(timeoutMillis)
        .connectTimeout(timeoutMillis)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("x-acs-dingtalk-access-token", token)
        .sendBuffer(Buffer.buffer(body.encode()))
        .recover(e -> Future.failedFuture(new SendFailure("DingTalk unreachable: " + e.getMessage(), false)))
        .compose(response -> outcome(response, token)));
  }

  private Future<JsonObject> outcome(HttpResponse<Buffer> response, String token) {
    int status = response.statusCode();
    JsonObject answer;
    try {
      answer = response.bodyAsJsonObject();
    } catch (RuntimeException e) {
      answer = null;
    }
    String code = answer == null ? "" : answer.getString("code", "");
    if (status == 429) {
      return Future
          .failedFuture(new SendFailure("DingTalk answered 429 " + code, false, DingtalkSender.retryAfter(response)));
    }
    if (status == 401 || status == 403) {
      tokens.invalidate(token);
      return Future.failedFuture(
          new SendFailure("DingTalk refused the access token (" + status + " " + code + ")", false));
    }
    if (status == 408 || status >= 500) {
      return Future.failedFuture(new SendFailure("DingTalk answered " + status + " " + code, false));
    }
    if (status < 200 || status >= 300 || answer == null) {
      LOG.debug("DingTalk refused a card call: {} {}", status, code);
      return Future.failedFuture(new SendFailure("DingTalk refused the card (" + status + " " + code + ")", true));
    }
    return Future.succeededFuture(answer);
  }

  private static Future<Void> delivered(JsonObject answer, String outTrackId) {
    if (!answer.getBoolean("success", false)) {
      return Future.failedFuture(new SendFailure("DingTalk did not create card " + outTrackId, true));
    }
    JsonArray results = answer.getJsonObject("result", new JsonObject())
        .getJsonArray("deliverResults", new JsonArray());
    for (int i = 0; i < results.size(); i++) {
      JsonObject result = results.getJsonObject(i);
      if (!result.getBoolean("success", false)) {
        return Future.failedFuture(new SendFailure("DingTalk did not deliver card " + outTrackId + " to "
            + result.getString("spaceType", "?") + ": " + result.getString("errorMsg", "no reason given"), true));
      }
    }
    return Future.succeededFuture();
  }
}
