package org.linli.webhooks.dingtalk;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import org.linli.config.Secret;
import org.linli.webhooks.CachedToken;
import org.linli.webhooks.ChannelSender.SendFailure;

/**
 * The enterprise-internal app's access token ({@code POST /v1.0/oauth2/accessToken} with {@code
 * appKey} and {@code appSecret}, answering {@code accessToken} and {@code expireIn} seconds), kept
 * until five minutes before it expires or until the API calls it invalid. Failing to get one is a
 * temporary failure: wrong credentials are fixed in the settings, not in the message.
 */
final class AccessTokens {

  private static final long MARGIN_SECONDS = 300;

  private final WebClient client;
  private final String url;
  private final String appKey;
  private final Secret appSecret;
  private final long timeoutMillis;
  private final CachedToken cache;

  AccessTokens(WebClient client, String apiUrl, String appKey, Secret appSecret, Clock clock, long timeoutMillis) {
    this.client = client;
    this.url = apiUrl + "/v1.0/oauth2/accessToken";
    this.appKey = appKey;
    this.appSecret = appSecret;
    this.timeoutMillis = timeoutMillis;
    this.cache = new CachedToken(clock, this::fetch);
  }

  /** A valid token: the cached one, or a fresh one. */
  Future<String> token() {
    return cache.current();
  }

  /** Forgets {@code token} after the API called it invalid, so the next call fetches another. */
  void invalidate(String token) {
    cache.invalidate(token);
  }

  private Future<CachedToken.Issued> fetch() {
    JsonObject body = new JsonObject().put("appKey", appKey).put("appSecret", appSecret.reveal());
    return client.postAbs(url)
        .timeout(timeoutMillis)
        .connectTimeout(timeoutMillis)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .sendBuffer(Buffer.buffer(body.encode()))
        .recover(e -> Future.failedFuture(
            new SendFailure("DingTalk unreachable for a token: " + e.getMessage(), false)))
        .compose(AccessTokens::accept);
  }

  private static Future<CachedToken.Issued> accept(HttpResponse<Buffer> response) {
    JsonObject answer;
    try {
      answer = response.bodyAsJsonObject();
    } catch (RuntimeException e) {
      answer = null;
    }
    String token = answer == null ? null : answer.getString("accessToken");
    if (response.statusCode() != 200 || token == null || token.isBlank()) {
      String code = answer == null || answer.getString("code") == null
          ? "HTTP " + response.statusCode()
          : answer.getString("code");
      return Future.failedFuture(new SendFailure("DingTalk gave no access token (" + code
          + "); check the DingTalk app key and LINLI_DINGTALK_APP_SECRET", false,
          response.statusCode() == 429 ? 1 : 0));
    }
    long seconds = answer.getLong("expireIn", 0L);
    return Future.succeededFuture(new CachedToken.Issued(token, Math.max(0, seconds - MARGIN_SECONDS) * 1000));
  }
}
