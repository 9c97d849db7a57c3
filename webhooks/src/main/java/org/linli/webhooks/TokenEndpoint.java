package org.linli.webhooks;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.linli.webhooks.ChannelSender.SendFailure;

/**
 * A platform's token endpoint, asked once per {@link CachedToken} fetch: the request goes out with
 * the send timeout, an unreachable endpoint is a temporary {@link SendFailure}, and the answer comes
 * back as its status and JSON body for the platform to read its own field names from.
 */
public final class TokenEndpoint {

  /** Seconds before the issuer's expiry that a token is no longer used. */
  public static final long MARGIN_SECONDS = 300;

  /** What the endpoint answered: its HTTP status and its body, {@code null} when not a JSON object. */
  public record Answer(int status, JsonObject body) {
  }

  private TokenEndpoint() {
  }

  /**
   * Sends {@code request} with {@code send}; a failure to reach the endpoint becomes a temporary
   * {@link SendFailure} worded by {@code unreachable}.
   */
  public static Future<Answer> ask(HttpRequest<Buffer> request, long timeoutMillis,
      Function<HttpRequest<Buffer>, Future<HttpResponse<Buffer>>> send, Function<Throwable, String> unreachable) {
    return send.apply(request.timeout(timeoutMillis).connectTimeout(timeoutMillis))
        .recover(e -> Future.failedFuture(new SendFailure(unreachable.apply(e), false)))
        .map(response -> new Answer(response.statusCode(), jsonOrNull(response)));
  }

  /** Posts {@code body} as JSON to {@code url}; unreachable reads "{platform} unreachable for a token". */
  public static Future<Answer> postJson(WebClient client, String url, JsonObject body, long timeoutMillis,
      String platform) {
    return ask(client.postAbs(url).putHeader("Content-Type", "application/json; charset=utf-8"), timeoutMillis,
        request -> request.sendBuffer(Buffer.buffer(body.encode())),
        e -> platform + " unreachable for a token: " + e.getMessage());
  }

  /**
   * A token cache for an app that gets its token by posting its {@code credentials} (written anew
   * for each fetch, so the secret is revealed only then) as JSON to {@code url} (as {@link
   * #postJson}); {@code read} takes the token from each answer, or fails as {@link #noToken}.
   */
  public static CachedToken postingJson(WebClient client, String url, Supplier<JsonObject> credentials,
      String platform, Clock clock, long timeoutMillis, Function<Answer, Future<CachedToken.Issued>> read) {
    return new CachedToken(clock,
        () -> postJson(client, url, credentials.get(), timeoutMillis, platform).compose(read::apply));
  }

  /**
   * No token in {@code answer}: a temporary failure, since wrong credentials are fixed in the
   * settings, not in the message; after a 429 the next try waits a second.
   */
  public static Future<CachedToken.Issued> noToken(Answer answer, String why) {
    return Future.failedFuture(new SendFailure(why, false, answer.status() == 429 ? 1 : 0));
  }

  /** A token the issuer keeps for {@code seconds}, kept until {@link #MARGIN_SECONDS} before then. */
  public static CachedToken.Issued issued(String token, long seconds) {
    return new CachedToken.Issued(token, Math.max(0, seconds - MARGIN_SECONDS) * 1000);
  }

  private static JsonObject jsonOrNull(HttpResponse<Buffer> response) {
    try {
      return response.bodyAsJsonObject();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
