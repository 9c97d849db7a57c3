package org.linli.webhooks.wecom;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.linli.config.Settings;
import org.linli.webhooks.CachedToken;
import org.linli.webhooks.ChannelSender;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.ChatPacer;
import org.linli.webhooks.MediaDownload;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages to WeCom as the app: to a person with {@code POST /cgi-bin/message/send} ({@code
 * touser}, {@code agentid}), to a group chat with {@code POST /cgi-bin/appchat/send} ({@code
 * chatid}), each with the cached {@code access_token}. The text goes as a text message (buttons as a
 * numbered list, see {@link WecomText}); a picture is uploaded with {@code POST
 * /cgi-bin/media/upload?type=image} and follows as an image message.
 *
 * <p>WeCom answers errors as HTTP 200 with an {@code errcode}: 45009 (too often) and -1 (busy) are
 * temporary, 40014 and 42001 (token invalid or expired) fetch a new token and try once more, any
 * other code is permanent. Each chat gets at most {@code wecom.perChatPerMinute} messages a minute;
 * beyond that a send fails as temporary with the seconds to wait, before anything is sent.
 */
public final class WecomSender implements ChannelSender {

  private static final Logger LOG = LoggerFactory.getLogger(WecomSender.class);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  private static final int TOO_OFTEN = 45009;
  private static final int BUSY = -1;
  private static final int TOKEN_INVALID = 40014;
  private static final int TOKEN_EXPIRED = 42001;

  private final WebClient client;
  private final Settings.Wecom settings;
  private final CachedToken tokens;
  private final ChatPacer pacer;
  private final long timeoutMillis;

  /** A sender with a 10 s timeout per request. */
  public WecomSender(WebClient client, Settings.Wecom settings) {
    this(client, settings, Clock.systemUTC(), DEFAULT_TIMEOUT);
  }

  /** A sender that reads time from {@code clock} and gives up on a request after {@code timeout}. */
  public WecomSender(WebClient client, Settings.Wecom settings, Clock clock, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.timeoutMillis = Math.max(1, timeout.toMillis());
    this.tokens = AccessTokens.of(client, settings.apiUrl(), settings.corpId(), settings.secret(), clock,
        timeoutMillis);
    this.pacer = new ChatPacer(settings.perChatPerMinute(), Duration.ofMinutes(1), clock);
  }

  @Override
  public String platform() {
    return WecomChannel.PLATFORM;
  }

  /** True once the corp id, the app secret and the agent id are set. */
  @Override
  public boolean configured() {
    return !settings.corpId().isEmpty() && settings.secret().isSet() && !settings.agentId().isEmpty();
  }

  @Override
  public Future<Void> send(Outgoing message) {
    if (!configured()) {
      return Future.failedFuture(new SendFailure(
          "LINLI_WECOM_CORP_ID, LINLI_WECOM_SECRET and LINLI_WECOM_AGENT_ID must be set to send", false));
    }
    Reply reply = message.reply();
    String text = WecomText.of(reply);
    byte[] png = reply.image() == null ? new byte[0] : reply.image().png();
    boolean hasText = !text.isBlank();
    boolean hasImage = png.length > 0;
    if (!hasText && !hasImage) {
      return Future.succeededFuture();
    }
    long wait = (pacer.take(message.chat().id(), (hasText ? 1 : 0) + (hasImage ? 1 : 0)) + 999) / 1000;
    if (wait > 0) {
      LOG.debug("WeCom chat is at its pace; message held for {} s", wait);
      return Future.failedFuture(new SendFailure("WeCom chat pace reached; try again in " + wait + " s", false, wait));
    }
    // Upload first: a failed upload then costs no text that a retry would repeat.
    Future<String> media = hasImage ? upload(png) : Future.succeededFuture("");
    return media
        .compose(id -> hasText
            ? post(message.chat(),
                new JsonObject().put("msgtype", "text").put("text", new JsonObject().put("content", text)))
                .map(id)
            : Future.succeededFuture(id))
        .compose(id -> hasImage
            ? post(message.chat(),
                new JsonObject().put("msgtype", "image").put("image", new JsonObject().put("media_id", id)))
            : Future.succeededFuture())
        .mapEmpty();
  }

  /** One message to a person or a group chat. */
  private Future<JsonObject> post(ChatEvent.Chat chat, JsonObject content) {
    JsonObject body = content.copy().put("safe", 0);
    String path;
    if (chat.type() == ChatEvent.ChatType.PRIVATE) {
      path = "/cgi-bin/message/send";
      body.put("touser", chat.id()).put("agentid", Long.parseLong(settings.agentId()));
    } else {
      path = "/cgi-bin/appchat/send";
      body.put("chatid", chat.id());
    }
    Buffer json = body.toBuffer();
    return call(path, token -> client.postAbs(settings.apiUrl() + path)
        .addQueryParam("access_token", token)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .timeout(timeoutMillis)
        .connectTimeout(timeoutMillis)
        .sendBuffer(json), false);
  }

  /** Uploads a PNG as temporary media; gives its {@code media_id}. */
  private Future<String> upload(byte[] png) {
    String path = "/cgi-bin/media/upload";
    MultipartForm form = MultipartForm.create().binaryFileUpload("media", "chart.png", Buffer.buffer(png), "image/png");
    return call(path, token -> client.postAbs(settings.apiUrl() + path)
        .addQueryParam("access_token", token)
        .addQueryParam("type", "image")
        .timeout(timeoutMillis)
        .connectTimeout(timeoutMillis)
        .sendMultipartForm(form), false)
        .compose(body -> {
          String id = body.getString("media_id", "");
          return id.isEmpty()
              ? Future.failedFuture(new SendFailure("WeCom upload gave no media_id", false))
              : Future.succeededFuture(id);
        });
  }

  /**
   * The bytes of a resident's image by its {@code MediaId} ({@code GET /cgi-bin/media/get}), at most
   * {@code maxBytes}; an answer in JSON is WeCom's refusal (a refused token is renewed once).
   */
  public Future<Buffer> media(String mediaId, long maxBytes) {
    return media(mediaId, maxBytes, false);
  }

  private Future<Buffer> media(String mediaId, long maxBytes, boolean again) {
    String path = "/cgi-bin/media/get";
    return tokens.current().compose(token -> client.getAbs(settings.apiUrl() + path)
        .addQueryParam("access_token", token)
        .addQueryParam("media_id", mediaId)
        .timeout(timeoutMillis)
        .connectTimeout(timeoutMillis)
        .send()
        .recover(e -> Future.failedFuture(new SendFailure("WeCom " + path + " unreachable: " + withoutQuery(e), false)))
        .compose(response -> {
          String type = String.valueOf(response.getHeader("Content-Type"));
          if (response.statusCode() == 200 && (type.startsWith("application/json") || type.startsWith("text/plain"))) {
            JsonObject body = json(response);
            int errcode = body == null ? -1 : body.getInteger("errcode", -1);
            if ((errcode == TOKEN_INVALID || errcode == TOKEN_EXPIRED) && !again) {
              tokens.invalidate(token);
              return media(mediaId, maxBytes, true);
            }
            return Future.failedFuture(new SendFailure("WeCom " + path + " answered errcode " + errcode, true));
          }
          return MediaDownload.body(response, maxBytes, "WeCom " + path);
        }));
  }

  /** Makes one API call with the current token; a refused token is renewed and the call made once more. */
  private Future<JsonObject> call(String path, Function<String, Future<HttpResponse<Buffer>>> request, boolean again) {
    return tokens.current().compose(token -> request.apply(token)
        .recover(e -> Future.failedFuture(new SendFailure("WeCom " + path + " unreachable: " + withoutQuery(e), false)))
        .compose(response -> {
          JsonObject body = json(response);
          if (response.statusCode() != 200 || body == null) {
            int status = response.statusCode();
            boolean temporary = status == 200 || status == 408 || status == 429 || status >= 500;
            return Future.failedFuture(new SendFailure("WeCom " + path + " answered HTTP " + status, !temporary));
          }
          int errcode = body.getInteger("errcode", 0);
          if (errcode == 0) {
            return Future.succeededFuture(body);
          }
          String errmsg = body.getString("errmsg", "");
          if ((errcode == TOKEN_INVALID || errcode == TOKEN_EXPIRED) && !again) {
            LOG.debug("WeCom refused the access_token (errcode {}); fetching a new one", errcode);
            tokens.invalidate(token);
            return tokens.current().compose(fresh -> call(path, request, true));
          }
          boolean temporary = errcode == TOO_OFTEN || errcode == BUSY || errcode == TOKEN_INVALID
              || errcode == TOKEN_EXPIRED;
          LOG.debug("WeCom {} answered errcode {} ({})", path, errcode, temporary ? "will retry" : "refused");
          return Future.failedFuture(new SendFailure("WeCom " + path + " answered errcode " + errcode + " " + errmsg,
              !temporary, errcode == TOO_OFTEN ? 60 : 0));
        }));
  }

  /** A failure's message without query strings: they carry the secret or the access_token. */
  static String withoutQuery(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\?\\S*", "?…");
  }

  private static JsonObject json(HttpResponse<Buffer> response) {
    try {
      return response.bodyAsJsonObject();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
