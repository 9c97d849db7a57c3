package org.linli.webhooks.feishu;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import org.linli.config.Secret;
import org.linli.webhooks.CachedToken;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.linli.webhooks.TokenEndpoint;

/**
 * The app's tenant access token ({@code POST /open-apis/auth/v3/tenant_access_token/internal}),
 * kept until five minutes before it expires or until the API calls it invalid; callers asking
 * while it is being fetched share that one request. Failing to get one is a temporary failure:
 * wrong credentials are fixed in the settings, not in the message.
 */
final class TenantTokens {

  private TenantTokens() {
  }

  /** The token cache for the app {@code appId} on the API at {@code apiUrl}. */
  static CachedToken of(WebClient client, String apiUrl, String appId, Secret appSecret, Clock clock,
      long timeoutMillis) {
    String url = apiUrl + "/open-apis/auth/v3/tenant_access_token/internal";
    return new CachedToken(clock, () -> TokenEndpoint.postJson(client, url,
        new JsonObject().put("app_id", appId).put("app_secret", appSecret.reveal()), timeoutMillis, "Feishu")
        .compose(TenantTokens::read));
  }

  private static Future<CachedToken.Issued> read(TokenEndpoint.Answer answer) {
    JsonObject body = answer.body();
    if (body == null || body.getInteger("code", -1) != 0 || body.getString("tenant_access_token") == null) {
      String code = body == null ? "HTTP " + answer.status() : "code " + body.getValue("code");
      return Future.failedFuture(new SendFailure("Feishu gave no tenant access token (" + code
          + "); check LINLI_FEISHU_APP_ID and LINLI_FEISHU_APP_SECRET", false, answer.status() == 429 ? 1 : 0));
    }
    return Future
        .succeededFuture(TokenEndpoint.issued(body.getString("tenant_access_token"), body.getLong("expire", 0L)));
  }
}
