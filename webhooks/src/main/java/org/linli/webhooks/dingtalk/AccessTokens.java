package org.linli.webhooks.dingtalk;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import org.linli.config.Secret;
import org.linli.webhooks.CachedToken;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.linli.webhooks.TokenEndpoint;

/**
 * The enterprise-internal app's access token ({@code POST /v1.0/oauth2/accessToken} with {@code
 * appKey} and {@code appSecret}, answering {@code accessToken} and {@code expireIn} seconds), kept
 * until five minutes before it expires or until the API calls it invalid. Failing to get one is a
 * temporary failure: wrong credentials are fixed in the settings, not in the message.
 */
final class AccessTokens {

  private AccessTokens() {
  }

  /** The token cache for the app {@code appKey} on the API at {@code apiUrl}. */
  static CachedToken of(WebClient client, String apiUrl, String appKey, Secret appSecret, Clock clock,
      long timeoutMillis) {
    String url = apiUrl + "/v1.0/oauth2/accessToken";
    return new CachedToken(clock, () -> TokenEndpoint.postJson(client, url,
        new JsonObject().put("appKey", appKey).put("appSecret", appSecret.reveal()), timeoutMillis, "DingTalk")
        .compose(AccessTokens::read));
  }

  private static Future<CachedToken.Issued> read(TokenEndpoint.Answer answer) {
    JsonObject body = answer.body();
    String token = body == null ? null : body.getString("accessToken");
    if (answer.status() != 200 || token == null || token.isBlank()) {
      String code = body == null || body.getString("code") == null ? "HTTP " + answer.status() : body.getString("code");
      return Future.failedFuture(new SendFailure("DingTalk gave no access token (" + code
          + "); check the DingTalk app key and LINLI_DINGTALK_APP_SECRET", false, answer.status() == 429 ? 1 : 0));
    }
    return Future.succeededFuture(TokenEndpoint.issued(token, body.getLong("expireIn", 0L)));
  }
}
