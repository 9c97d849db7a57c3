package org.linli.webhooks.telegram;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import java.time.Duration;
import java.util.Objects;
import org.linli.config.Secret;
import org.linli.webhooks.MediaDownload;

/**
 * The Telegram Bot API over HTTP: {@code POST <apiUrl>/bot<token>/<method>} with a JSON body (or
 * a multipart form for uploads), every call with a timeout. A call succeeds with Telegram's whole
 * answer ({@code {"ok": true, "result": ...}}); anything else fails with a {@link BotApiError}
 * whose message never holds the token.
 */
public final class TelegramBotApi {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final WebClient client;
  private final String apiUrl;
  private final Secret token;
  private final long timeoutMillis;

  /** An API whose calls time out after 10 s. */
  public TelegramBotApi(WebClient client, String apiUrl, Secret token) {
    this(client, apiUrl, token, DEFAULT_TIMEOUT);
  }

  /** An API whose calls time out after {@code timeout} (long polls get their own wait on top). */
  public TelegramBotApi(WebClient client, String apiUrl, Secret token, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl").strip().replaceAll("/+$", "");
    this.token = token == null ? Secret.none() : token;
    this.timeoutMillis = Math.max(1, timeout.toMillis());
  }

  /** False while no bot token is set: nothing can be sent. */
  public boolean configured() {
    return token.isSet();
  }

  /** The bot's numeric id: the part of the token before the colon (blank without a token). */
  public String botId() {
    String value = token.reveal();
    int colon = value.indexOf(':');
    return colon > 0 && value.substring(0, colon).chars().allMatch(Character::isDigit) ? value.substring(0, colon) : "";
  }

  /** Calls {@code method} with JSON parameters. */
  public Future<JsonObject> call(String method, JsonObject params) {
    return call(method, params, Duration.ZERO);
  }

  /** Calls {@code method}, allowing {@code extraWait} beyond the usual timeout (a long poll). */
  public Future<JsonObject> call(String method, JsonObject params, Duration extraWait) {
    if (!configured()) {
      return Future.failedFuture(new BotApiError(method, 0, "telegram.token is not set", 0, true));
    }
    return answer(method, request(method, extraWait).sendJsonObject(params));
  }

  /** Calls {@code method} with a multipart form (a photo upload). */
  public Future<JsonObject> upload(String method, MultipartForm form) {
    if (!configured()) {
      return Future.failedFuture(new BotApiError(method, 0, "telegram.token is not set", 0, true));
    }
    return answer(method, request(method, Duration.ZERO).multipartMixed(false).sendMultipartForm(form));
  }

  /**
   * The bytes of a file residents sent ({@code getFile}, then {@code GET <apiUrl>/file/bot<token>/<file_path>}),
   * at most {@code maxBytes}.
   */
  public Future<Buffer> file(String fileId, long maxBytes) {
    return call("getFile", new JsonObject().put("file_id", fileId)).compose(answer -> {
      JsonObject result = answer.getValue("result") instanceof JsonObject r ? r : new JsonObject();
      if (result.getValue("file_size") instanceof Number size && size.longValue() > maxBytes) {
        return Future.failedFuture(new MediaDownload.TooLarge(maxBytes));
      }
      if (!(result.getValue("file_path") instanceof String path) || path.isBlank()) {
        return Future.failedFuture(new BotApiError("getFile", 0, "no file_path in the answer", 0, false));
      }
      return client.getAbs(apiUrl + "/file/bot" + token.reveal() + "/" + path).timeout(timeoutMillis)
          .connectTimeout(timeoutMillis).send()
          .recover(e -> Future.failedFuture(new BotApiError("getFile", 0, "no download (" + scrub(e.getMessage()) + ")",
              0, true)))
          .compose(response -> MediaDownload.body(response, maxBytes, "Telegram's file download"));
    });
  }

  private HttpRequest<Buffer> request(String method, Duration extraWait) {
    long timeout = timeoutMillis + Math.max(0, extraWait.toMillis());
    return client.postAbs(apiUrl + "/bot" + token.reveal() + "/" + method).timeout(timeout)
        .connectTimeout(timeoutMillis);
  }

  private Future<JsonObject> answer(String method, Future<HttpResponse<Buffer>> sent) {
    return sent
        .recover(
            e -> Future.failedFuture(new BotApiError(method, 0, "no answer (" + scrub(e.getMessage()) + ")", 0, true)))
        .compose(response -> outcome(method, response));
  }

  private static Future<JsonObject> outcome(String method, HttpResponse<Buffer> response) {
    int status = response.statusCode();
    JsonObject body;
    try {
      Buffer raw = response.body();
      body = raw == null ? null : new JsonObject(raw);
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    if (body == null) {
      boolean temporary = status == 429 || status >= 500 || (status >= 200 && status < 300);
      return Future.failedFuture(new BotApiError(method, status, "the answer is not a JSON object", 0, temporary));
    }
    if (status >= 200 && status < 300 && Boolean.TRUE.equals(body.getValue("ok"))) {
      return Future.succeededFuture(body);
    }
    Object code = body.getValue("error_code");
    int error = code instanceof Number n ? n.intValue() : status;
    Object description = body.getValue("description");
    Object parameters = body.getValue("parameters");
    long retryAfter = 0;
    if (parameters instanceof JsonObject p && p.getValue("retry_after") instanceof Number n) {
      retryAfter = n.longValue();
    }
    boolean temporary = error == 429 || error >= 500 || status == 429 || status >= 500;
    return Future.failedFuture(new BotApiError(method, error,
        description instanceof String d ? d : "no description", retryAfter, temporary));
  }

  /** Error messages of the HTTP client may carry the request URI, which holds the token. */
  private String scrub(String message) {
    if (message == null) {
      return "unknown error";
    }
    return token.isSet() ? message.replace(token.reveal(), "********") : message;
  }
}
