package org.linli.webhooks.wecom;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import org.linli.config.Secret;
import org.linli.webhooks.CachedToken;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.linli.webhooks.TokenEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's {@code access_token} from {@code GET /cgi-bin/gettoken?corpid=&corpsecret=}, kept until
 * five minutes before it expires; callers that ask while it is being fetched share one request.
 * WeCom hands out the same token again while it is valid, so instances need not coordinate.
 */
final class AccessTokens {

  private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);
  private static final long MARGIN_MILLIS = TokenEndpoint.MARGIN_SECONDS * 1000;

  private AccessTokens() {
  }

  /** The token cache for the corp {@code corpId} on the API at {@code apiUrl}. */
  static CachedToken of(WebClient client, String apiUrl, String corpId, Secret secret, Clock clock,
      long timeoutMillis) {
    String url = apiUrl + "/cgi-bin/gettoken";
    return new CachedToken(clock, () -> TokenEndpoint.ask(
        client.getAbs(url).addQueryParam("corpid", corpId).addQueryParam("corpsecret", secret.reveal()),
        timeoutMillis, HttpRequest::send, e -> "WeCom gettoken unreachable: " + WecomSender.withoutQuery(e))
        .compose(AccessTokens::read));
  }

  private static Future<CachedToken.Issued> read(TokenEndpoint.Answer answer) {
    JsonObject body = answer.body();
    if (answer.status() != 200 || body == null) {
      return Future.failedFuture(new SendFailure("WeCom gettoken answered " + answer.status(), false));
    }
    int errcode = body.getInteger("errcode", 0);
    String fresh = body.getString("access_token", "");
    if (errcode != 0 || fresh.isEmpty()) {
      // A wrong corp id or secret is for the operator to fix; the messages wait meanwhile.
      LOG.warn("WeCom gettoken refused: errcode {} ({})", errcode, body.getString("errmsg", ""));
      return Future.failedFuture(new SendFailure("WeCom gettoken answered errcode " + errcode
          + " (check LINLI_WECOM_CORP_ID and LINLI_WECOM_SECRET)", false));
    }
    long seconds = body.getLong("expires_in", 7200L);
    return Future.succeededFuture(new CachedToken.Issued(fresh, Math.max(60_000, seconds * 1000 - MARGIN_MILLIS)));
  }
}
