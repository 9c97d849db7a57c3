package org.linli.webhooks.wecom;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import org.linli.config.Secret;
import org.linli.webhooks.CachedToken;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's {@code access_token} from {@code GET /cgi-bin/gettoken?corpid=&corpsecret=}, kept until
 * five minutes before it expires; callers that ask while it is being fetched share one request.
 * WeCom hands out the same token again while it is valid, so instances need not coordinate.
 */
final class AccessTokens {

  private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);
  private static final long MARGIN_MILLIS = 300_000;

  private final WebClient client;
  private final String url;
  private final String corpId;
  private final Secret secret;
  private final long timeoutMillis;
  private final CachedToken cache;

  AccessTokens(WebClient client, String apiUrl, String corpId, Secret secret, Clock clock, long timeoutMillis) {
    this.client = client;
    this.url = apiUrl + "/cgi-bin/gettoken";
    this.corpId = corpId;
    this.secret = secret;
    this.timeoutMillis = timeoutMillis;
    this.cache = new CachedToken(clock, this::fetch);
  }

  /** A valid token: the kept one, or a fresh one. */
  Future<String> current() {
    return cache.current();
  }

  /** A fresh token after WeCom refused {@code stale} as expired or invalid. */
  Future<String> refresh(String stale) {
    cache.invalidate(stale);
    return cache.current();
  }

  private Future<CachedToken.Issued> fetch() {
    return client.getAbs(url)
        .addQueryParam("corpid", corpId)
        .addQueryParam("corpsecret", secret.reveal())
        .timeout(timeoutMillis)
        .connectTimeout(timeoutMillis)
        .send()
        .recover(e -> Future
            .failedFuture(new SendFailure("WeCom gettoken unreachable: " + WecomSender.withoutQuery(e), false)))
        .compose(response -> {
          JsonObject body;
          try {
            body = response.bodyAsJsonObject();
          } catch (RuntimeException e) {
            body = null;
          }
          if (response.statusCode() != 200 || body == null) {
            return Future.failedFuture(new SendFailure("WeCom gettoken answered " + response.statusCode(), false));
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
          return Future
              .succeededFuture(new CachedToken.Issued(fresh, Math.max(60_000, seconds * 1000 - MARGIN_MILLIS)));
        });
  }
}
