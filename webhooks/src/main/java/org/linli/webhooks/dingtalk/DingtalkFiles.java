package org.linli.webhooks.dingtalk;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.linli.config.Secret;
import org.linli.webhooks.CachedToken;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.linli.webhooks.MediaDownload;
import org.linli.webhooks.TokenEndpoint;

/**
 * The pictures residents send the robot: {@code POST /v1.0/robot/messageFiles/download} with the
 * message's {@code downloadCode} and the robot's code (the app key) gives a short-lived {@code
 * downloadUrl}, which is then fetched. Needs {@code dingtalk.appKey} and {@code dingtalk.appSecret}.
 */
public final class DingtalkFiles {

  /** The path that turns a download code into a URL. */
  public static final String DOWNLOAD = "/v1.0/robot/messageFiles/download";

  private final WebClient client;
  private final String apiUrl;
  private final String appKey;
  private final long timeoutMillis;
  private final CachedToken tokens;

  public DingtalkFiles(WebClient client, String apiUrl, String appKey, Secret appSecret, Clock clock,
      Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
    this.appKey = appKey;
    this.timeoutMillis = Math.max(1, timeout.toMillis());
    this.tokens = TokenEndpoint.postingJson(client, apiUrl + "/v1.0/oauth2/accessToken",
        () -> new JsonObject().put("appKey", appKey).put("appSecret", appSecret.reveal()), "DingTalk", clock,
        timeoutMillis, answer -> {
          JsonObject body = answer.body();
          String token = body == null ? null : body.getString("accessToken");
          return answer.status() != 200 || token == null || token.isBlank()
              ? TokenEndpoint.noToken(answer, "DingTalk gave no access token; check dingtalk.appKey and appSecret")
              : Future.succeededFuture(TokenEndpoint.issued(token, body.getLong("expireIn", 0L)));
        });
  }

  /** The bytes of the picture with {@code downloadCode}, at most {@code maxBytes}. */
  public Future<Buffer> download(String downloadCode, long maxBytes) {
    JsonObject body = new JsonObject().put("downloadCode", downloadCode).put("robotCode", appKey);
    return tokens.current().compose(token -> client.postAbs(apiUrl + DOWNLOAD)
        .timeout(timeoutMillis).connectTimeout(timeoutMillis)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("x-acs-dingtalk-access-token", token)
        .sendBuffer(Buffer.buffer(body.encode()))
        .recover(e -> Future.failedFuture(new SendFailure("DingTalk unreachable", false)))
        .compose(response -> {
          if (response.statusCode() == 401 || response.statusCode() == 403) {
            tokens.invalidate(token);
          }
          String url = null;
          try {
            url = response.statusCode() == 200 ? response.bodyAsJsonObject().getString("downloadUrl") : null;
          } catch (RuntimeException e) {
            // not JSON: no URL
          }
          if (url == null || !url.matches("https?://\\S+")) {
            return Future.failedFuture(new SendFailure("DingTalk gave no downloadUrl (" + response.statusCode() + ")",
                response.statusCode() / 100 == 4));
          }
          return client.getAbs(url).timeout(timeoutMillis).connectTimeout(timeoutMillis).send()
              .recover(e -> Future.failedFuture(new SendFailure("DingTalk download unreachable", false)))
              .compose(file -> MediaDownload.body(file, maxBytes, "DingTalk download"));
        }));
  }
}
