package org.linli.webhooks.feishu;

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
 * The app's tenant access token ({@code POST /open-apis/auth/v3/tenant_access_token/internal}),
 * kept until five minutes before it expires or until the API calls it invalid; callers asking
 * while it is being fetched share that one request. Failing to get one is a temporary failure:
 * wrong credentials are fixed in the settings, not in the message.
 */
final class TenantTokens {

  private static final long MARGIN_SECONDS = 300;

  private final WebClient client;
  private final String url;
  private final String appId;
  private final Secret appSecret;
  private final long timeoutMillis;
  private final CachedToken cache;

  TenantTokens(WebClient client, String apiUrl, String appId, Secret appSecret, Clock clock, long timeoutMillis) {
    this.client = client;
    this.url = apiUrl + "/open-apis/auth/v3/tenant_access_token/internal";
    this.appId = appId;
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
    JsonObject body = new JsonObject().put("app_id", appId).put("app_secret", appSecret.reveal());
    return client.postAbs(url)
        .timeout(timeoutMillis)
        .connectTimeout(timeoutMillis)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .sendBuffer(Buffer.buffer(body.encode()))
        .recover(e -> Future.failedFuture(new SendFailure("Feishu unreachable for a token: " + e.getMessage(), false)))
        .compose(this::accept);
  }

  private Future<CachedToken.Issued> accept(HttpResponse<Buffer> response) {
    JsonObject answer;
    try {
      answer = response.bodyAsJsonObject();
    } catch (RuntimeException e) {
      answer = null;
    }
    if (answer == null || answer.getInteger("code", -1) != 0 || answer.getString("tenant_access_token") == null) {
      String code = answer == null ? "HTTP " + response.statusCode() : "code " + answer.getValue("code");
      return Future.failedFuture(new SendFailure("Feishu gave no tenant access token (" + code
          + "); check LINLI_FEISHU_APP_ID and LINLI_FEISHU_APP_SECRET", false, response.statusCode() == 429 ? 1 : 0));
    }
    long seconds = answer.getLong("expire", 0L);
    return Future.succeededFuture(new CachedToken.Issued(answer.getString("tenant_access_token"),
        Math.max(0, seconds - MARGIN_SECONDS) * 1000));
  }
}
