package org.linli.webhooks.feishu;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.linli.config.Secret;
import org.linli.webhooks.CachedToken;
import org.linli.webhooks.ChatPacer;
import org.linli.webhooks.KeyedSender;
import org.linli.webhooks.MediaDownload;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.linli.webhooks.TokenEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages to Feishu chats through the open API: {@code POST
 * /open-apis/im/v1/messages?receive_id_type=chat_id} ({@code open_id} when the chat id is a
 * person's {@code ou_} id, as for private replies), {@code text} or an {@code interactive} card
 * with buttons, then an {@code image} for a picture (uploaded first to {@code
 * /open-apis/im/v1/images}). The outbox id travels as Feishu's {@code uuid}, so a retried message
 * is not shown twice within Feishu's hour of deduplication.
 *
 * <p>Failures: HTTP 429 or code 99991400 (rate limit) are temporary with Feishu's {@code
 * x-ogw-ratelimit-reset} seconds, more than 5 messages a second to one chat (our own pacing) and
 * 5xx are temporary, and so is a missing tenant token; any other refusal is permanent. An invalid
 * token (99991663, 99991661) is fetched again and the call retried once. Without an app id and
 * secret the channel is not {@link #configured()}.
 */
public final class FeishuSender implements KeyedSender {

  /** Feishu's pace: messages per second per bot per chat. */
  static final int PER_SECOND = 5;

  private static final Logger LOG = LoggerFactory.getLogger(FeishuSender.class);
  private static final Set<Integer> INVALID_TOKEN = Set.of(99991663, 99991661);
  private static final int RATE_LIMITED = 99991400;
  private static final int UUID_LENGTH = 48;

  private final WebClient client;
  private final String apiUrl;
  private final String appId;
  private final Secret appSecret;
  private final long timeoutMillis;
  private final CachedToken tokens;
  private final ChatPacer pacer;
  private Future<String> botOpenId;

  /** A sender for the app {@code appId} at {@code apiUrl}, giving up on a request after {@code timeout}. */
  public FeishuSender(WebClient client, String apiUrl, String appId, Secret appSecret, Clock clock, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl").replaceAll("/+$", "");
    this.appId = appId == null ? "" : appId.strip();
    this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
    this.timeoutMillis = Math.max(1, timeout.toMillis());
    this.tokens = TokenEndpoint.postingJson(client, this.apiUrl + "/open-apis/auth/v3/tenant_access_token/internal",
        () -> new JsonObject().put("app_id", this.appId).put("app_secret", appSecret.reveal()), "Feishu", clock,
        timeoutMillis, FeishuSender::tenantToken);
    this.pacer = new ChatPacer(PER_SECOND, Duration.ofSeconds(1), clock);
  }

  /** A sender on the system clock with a 10 s timeout. */
  public FeishuSender(WebClient client, String apiUrl, String appId, Secret appSecret) {
    this(client, apiUrl, appId, appSecret, Clock.systemUTC(), Duration.ofSeconds(10));
  }

  /**
   * The app's tenant access token from {@code POST /open-apis/auth/v3/tenant_access_token/internal}:
   * {@code tenant_access_token}, kept for {@code expire} seconds but the margin, or until the API
   * calls it invalid.
   */
  private static Future<CachedToken.Issued> tenantToken(TokenEndpoint.Answer answer) {
    JsonObject body = answer.body();
    if (body == null || body.getInteger("code", -1) != 0 || body.getString("tenant_access_token") == null) {
      String code = body == null ? "HTTP " + answer.status() : "code " + body.getValue("code");
      return TokenEndpoint.noToken(answer,
          "Feishu gave no tenant access token (" + code + "); check LINLI_FEISHU_APP_ID and LINLI_FEISHU_APP_SECRET");
    }
    return Future
        .succeededFuture(TokenEndpoint.issued(body.getString("tenant_access_token"), body.getLong("expire", 0L)));
  }

  @Override
  public String platform() {
    return FeishuChannel.PLATFORM;
  }

  @Override
  public boolean configured() {
    return !appId.isEmpty() && appSecret.isSet();
  }

  @Override
  public Future<Void> send(String id, Outgoing message) {
    if (!configured()) {
      return Future.failedFuture(new SendFailure("LINLI_FEISHU_APP_ID or LINLI_FEISHU_APP_SECRET is not set", false));
    }
    Reply reply = message.reply();
    String chat = message.chat().id();
    FeishuMessages.Part body = FeishuMessages.body(reply, message.chat().type());
    Future<Void> sent = body == null ? Future.succeededFuture() : post(chat, body, uuid(id, "m"));
    if (reply.image() == null || reply.image().png().length == 0) {
      return sent;
    }
    return sent.compose(v -> upload(reply.image().png()))
        .compose(key -> post(chat, FeishuMessages.image(key), uuid(id, "i")));
  }

  /**
   * The bot's own {@code open_id} ({@code GET /open-apis/bot/v3/info}), asked once; how the channel
   * tells a mention of the bot from a mention of someone else.
   */
  public synchronized Future<String> botOpenId() {
    if (!configured()) {
      return Future.failedFuture(new SendFailure("Feishu is not configured", false));
    }
    if (botOpenId == null) {
      botOpenId = call(
          token -> client.getAbs(apiUrl + "/open-apis/bot/v3/info").putHeader("Authorization", "Bearer " + token), null,
          true)
          .map(answer -> answer.getJsonObject("bot", new JsonObject()).getString("open_id", ""));
      botOpenId.onFailure(e -> {
        synchronized (this) {
          botOpenId = null;
        }
      });
    }
    return botOpenId;
  }

  /**
   * The bytes of an image a resident sent ({@code GET /open-apis/im/v1/messages/{message_id}/resources/{image_key}
   * ?type=image}), at most {@code maxBytes}; a refused token is renewed once.
   */
  public Future<Buffer> resource(String messageId, String imageKey, long maxBytes) {
    return resource(messageId, imageKey, maxBytes, false);
  }

  private Future<Buffer> resource(String messageId, String imageKey, long maxBytes, boolean again) {
    String url = apiUrl + "/open-apis/im/v1/messages/" + encode(messageId) + "/resources/" + encode(imageKey);
    return tokens.current().compose(token -> client.getAbs(url).addQueryParam("type", "image")
        .putHeader("Authorization", "Bearer " + token).timeout(timeoutMillis).connectTimeout(timeoutMillis).send()
        .recover(e -> Future.failedFuture(new SendFailure("Feishu message resource unreachable", false)))
        .compose(response -> {
          if (String.valueOf(response.getHeader("Content-Type")).startsWith("application/json")) {
            JsonObject body;
            try {
              body = response.bodyAsJsonObject();
            } catch (RuntimeException e) {
              body = new JsonObject();
            }
            int code = body == null ? -1 : body.getInteger("code", -1);
            if (!again && response.statusCode() != 200 && code == 99991663) {
              tokens.invalidate(token);
              return resource(messageId, imageKey, maxBytes, true);
            }
            return Future.failedFuture(new SendFailure("Feishu message resource answered code " + code, true));
          }
          return MediaDownload.body(response, maxBytes, "Feishu message resource");
        }));
  }

  private static String encode(String segment) {
    return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Future<Void> post(String chat, FeishuMessages.Part part, String uuid) {
    long wait = pacer.take(chat);
    if (wait > 0) {
      return Future.failedFuture(new SendFailure(
          "more than " + PER_SECOND + " Feishu messages a second to one chat", false, (wait + 999) / 1000));
    }
    String type = chat.startsWith("ou_") ? "open_id" : "chat_id";
    JsonObject body = new JsonObject()
        .put("receive_id", chat)
        .put("msg_type", part.msgType())
        .put("content", part.content().encode());
    if (uuid != null) {
      body.put("uuid", uuid);
    }
    Buffer bytes = Buffer.buffer(body.encode());
    return call(token -> client.postAbs(apiUrl + "/open-apis/im/v1/messages")
        .addQueryParam("receive_id_type", type)
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Content-Type", "application/json; charset=utf-8"), bytes, true)
        .mapEmpty();
  }

  private Future<String> upload(byte[] png) {
    MultipartForm form = MultipartForm.create()
        .attribute("image_type", "message")
        .binaryFileUpload("image", "chart.png", Buffer.buffer(png), "image/png");
    return call(
        token -> client.postAbs(apiUrl + "/open-apis/im/v1/images").putHeader("Authorization", "Bearer " + token), form,
        true)
        .compose(answer -> {
          String key = answer.getJsonObject("data", new JsonObject()).getString("image_key");
          return key == null
              ? Future.failedFuture(new SendFailure("Feishu accepted the image but gave no image_key", false))
              : Future.succeededFuture(key);
        });
  }

  /** One API call with the tenant token: the answer when its code is 0, else a {@link SendFailure}. */
  private Future<JsonObject> call(Function<String, HttpRequest<Buffer>> build, Object body,
      boolean retryOnInvalidToken) {
    return tokens.current().compose(token -> {
      HttpRequest<Buffer> request = build.apply(token).timeout(timeoutMillis).connectTimeout(timeoutMillis);
      Future<HttpResponse<Buffer>> sent = body == null
          ? request.send()
          : body instanceof MultipartForm form
              ? request.sendMultipartForm(form)
              : request.sendBuffer((Buffer) body);
      return sent
          .recover(e -> Future.failedFuture(new SendFailure("Feishu unreachable: " + e.getMessage(), false)))
          .compose(response -> {
            JsonObject answer = json(response);
            int code = answer == null ? -1 : answer.getInteger("code", -1);
            if (INVALID_TOKEN.contains(code) && retryOnInvalidToken) {
              LOG.debug("Feishu called the tenant token invalid (code {}); fetching another", code);
              tokens.invalidate(token);
              return call(build, body, false);
            }
            return outcome(response, answer, code);
          });
    });
  }

  private static Future<JsonObject> outcome(HttpResponse<Buffer> response, JsonObject answer, int code) {
    int status = response.statusCode();
    if (status == 429 || code == RATE_LIMITED) {
      return Future.failedFuture(new SendFailure("Feishu rate limit (HTTP " + status + ", code " + code + ")", false,
          Math.max(1, seconds(response.getHeader("x-ogw-ratelimit-reset")))));
    }
    if (status >= 500) {
      return Future.failedFuture(new SendFailure("Feishu answered " + status, false));
    }
    if (status >= 200 && status < 300 && code == 0) {
      return Future.succeededFuture(answer);
    }
    String msg = answer == null ? "" : ": " + answer.getString("msg", "");
    LOG.debug("Feishu refused a call: HTTP {}, code {}", status, code);
    return Future.failedFuture(new SendFailure("Feishu refused (HTTP " + status + ", code " + code + msg + ")", true));
  }

  private static JsonObject json(HttpResponse<Buffer> response) {
    try {
      return response.bodyAsJsonObject();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static long seconds(String header) {
    try {
      return header == null ? 0 : Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Feishu's {@code uuid} (at most 50 characters) for part {@code part} of outbox message {@code id}. */
  static String uuid(String id, String part) {
    if (id == null || id.isEmpty()) {
      return null;
    }
    String base = id.length() <= UUID_LENGTH - 2 ? id : sha256(id).substring(0, UUID_LENGTH - 2);
    return base + "-" + part;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
