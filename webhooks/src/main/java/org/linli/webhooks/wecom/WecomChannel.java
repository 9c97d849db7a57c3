package org.linli.webhooks.wecom;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.linli.config.Settings;
import org.linli.webhooks.Attachment;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Deduplicator;
import org.linli.webhooks.Outbound;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.linli.webhooks.callback.CallbackChannel;
import org.linli.webhooks.callback.Claims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WeCom (企业微信) channel: callbacks of a self-built app at {@code /webhooks/wecom}.
 *
 * <p>{@code GET} with {@code msg_signature, timestamp, nonce, echostr} is the admin console's URL
 * check: {@link #verifyUrl} answers the decrypted echostr. {@code POST} carries {@code
 * <xml><Encrypt>…</Encrypt></xml>}: {@link #receive} checks the signature (before anything is
 * decrypted or parsed), decrypts, insists the message was encrypted for this corp, and turns a
 * text message into an event; other message types and events give none, and a {@code MsgId} seen
 * before (WeCom redelivers up to three times when it gets no answer within 5 s) gives none.
 * Every call that fails a check is answered 401. No timestamp window is enforced (WeCom sets none);
 * a replayed message is dropped by its {@code MsgId}.
 *
 * <p>{@link #respond} answers with an encrypted passive reply when one text reply to a private chat
 * fits, and with an empty 200 otherwise, after storing the other replies ({@link #toSend}) in the
 * durable outbox, which sends them with {@link WecomSender}.
 */
public final class WecomChannel implements CallbackChannel {

  /** The platform name carried by events from this channel. */
  public static final String PLATFORM = "wecom";

  private static final Logger LOG = LoggerFactory.getLogger(WecomChannel.class);
  private static final String EVENT = "wecom.event";
  private static final String ARRIVED = "wecom.arrived";
  private static final String PASSIVE = "wecom.passive";
  /** WeCom waits 5 s for the answer; a reply later than this goes through the outbox instead. */
  private static final long PASSIVE_MILLIS = 4000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WecomCrypto crypto;
  private final String corpId;
  private final String missing;
  private final Pattern mention;
  private final Deduplicator deduplicator;
  private final Clock clock;

  /** A channel with the given settings; without token, key or corp id it refuses every call. */
  public WecomChannel(Settings.Wecom settings, Deduplicator deduplicator) {
    this(settings, deduplicator, Clock.systemUTC());
  }

  WecomChannel(Settings.Wecom settings, Deduplicator deduplicator, Clock clock) {
    this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
    this.clock = clock;
    this.corpId = settings.corpId();
    List<String> unset = new ArrayList<>();
    if (!settings.token().isSet()) {
      unset.add("LINLI_WECOM_TOKEN");
    }
    if (!settings.aesKey().isSet()) {
      unset.add("LINLI_WECOM_AES_KEY");
    }
    if (corpId.isEmpty()) {
      unset.add("LINLI_WECOM_CORP_ID");
    }
    this.missing = String.join(", ", unset);
    this.crypto = unset.isEmpty()
        ? new WecomCrypto(settings.token().reveal(), settings.aesKey().reveal(), corpId)
        : null;
    this.mention = settings.botName().isEmpty()
        ? null
        : Pattern.compile("@" + Pattern.quote(settings.botName()) + "[\\s\\u2005]*");
  }

  /** Answers WeCom's URL check with the decrypted echostr, or fails the call with 401. */
  public void verifyUrl(RoutingContext ctx) {
    MultiMap query = ctx.queryParams();
    String echo = query.get("echostr");
    try {
      String plain = open(ctx, query, echo);
      LOG.info("WeCom URL check from {} passed", ctx.request().remoteAddress());
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(plain);
    } catch (HttpException e) {
      ctx.fail(e);
    }
  }

  /**
   * Verifies and decrypts a callback and gives the text message in it as an event (an empty list
   * for events, other message types and redeliveries); fails with 401 when a check fails and 400
   * when the verified message is not readable.
   */
  @Override
  public Future<List<ChatEvent>> receive(RoutingContext ctx) {
    ctx.put(ARRIVED, clock.millis());
    Buffer body = ctx.body().buffer();
    String encrypted = WecomXml.encrypted(body == null ? null : body.toString());
    Map<String, String> fields;
    try {
      fields = WecomXml.fields(open(ctx, ctx.queryParams(), encrypted));
    } catch (HttpException e) {
      return Future.failedFuture(e);
    } catch (WecomXml.Malformed e) {
      LOG.warn("WeCom callback from {}: verified, but {}", ctx.request().remoteAddress(), e.getMessage());
      return Future.failedFuture(new HttpException(400, "The message is not plain XML"));
    }
    ChatEvent event = event(fields);
    if (event == null) {
      LOG.debug("WeCom callback: {} ignored", fields.getOrDefault("MsgType", "message without MsgType"));
      return Future.succeededFuture(List.of());
    }
    return Claims.claim(ctx, deduplicator, "wecom:" + corpId + ":" + event.messageId()).map(first -> {
      if (!first) {
        LOG.debug("WeCom message {} was delivered again; dropped", event.messageId());
        return List.of();
      }
      ctx.put(EVENT, event);
      return List.of(event);
    });
  }

  /**
   * Posts what does not fit the passive reply ({@link #toSend}) to {@code outbox}, durably, then
   * answers the callback ({@link #respond(RoutingContext, List)}).
   */
  @Override
  public Future<Void> respond(RoutingContext ctx, List<Reply> replies, Outbound outbox) {
    ChatEvent event = ctx.get(EVENT);
    List<Outgoing> later = toSend(ctx, replies);
    List<Future<Boolean>> queued = new ArrayList<>();
    for (int i = 0; i < later.size(); i++) {
      queued.add(outbox.post(PLATFORM + "-" + (event == null ? "none" : event.messageId()) + "-" + i, later.get(i)));
    }
    return Future.all(queued).onSuccess(v -> respond(ctx, replies)).mapEmpty();
  }

  /**
   * Answers the callback: the encrypted passive reply when there is one text reply to a private
   * chat that fits in one message and comes within 4 s, an empty 200 otherwise (send the rest with
   * {@link #toSend}).
   */
  public void respond(RoutingContext ctx, List<Reply> replies) {
    ChatEvent event = ctx.get(EVENT);
    if (!passive(ctx, replies)) {
      ctx.response().setStatusCode(200).end();
      return;
    }
    long now = clock.millis() / 1000;
    String inner = WecomXml.textMessage(event.from().id(), corpId, now, WecomText.of(replies.get(0)));
    String encrypted = crypto.encrypt(inner);
    String timestamp = String.valueOf(now);
    String nonce = String.valueOf(1_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 9_000_000_000L);
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/xml; charset=utf-8")
        .end(WecomXml.envelope(encrypted, crypto.sign(timestamp, nonce, encrypted), timestamp, nonce));
  }

  /**
   * The replies {@link #respond} does not give in the HTTP answer, as messages for the outbox: all
   * of them unless one passive reply answers. A reply for the person alone in a group goes to their
   * private chat with the app.
   */
  public List<Outgoing> toSend(RoutingContext ctx, List<Reply> replies) {
    ChatEvent event = ctx.get(EVENT);
    if (event == null || passive(ctx, replies)) {
      return List.of();
    }
    ChatEvent.Chat direct = new ChatEvent.Chat(event.from().id(), ChatEvent.ChatType.PRIVATE);
    return replies.stream()
        .map(r -> new Outgoing(PLATFORM, r.privately() ? direct : event.chat(), r))
        .toList();
  }

  /** Decided once per call, so {@link #respond} and {@link #toSend} agree whatever their order. */
  private boolean passive(RoutingContext ctx, List<Reply> replies) {
    Boolean decided = ctx.get(PASSIVE);
    if (decided != null) {
      return decided;
    }
    ChatEvent event = ctx.get(EVENT);
    Long arrived = ctx.get(ARRIVED);
    boolean passive = event != null
        && event.chat().type() == ChatEvent.ChatType.PRIVATE
        && replies.size() == 1
        && replies.get(0).image() == null
        && WecomText.fits(replies.get(0))
        && arrived != null && clock.millis() - arrived < PASSIVE_MILLIS;
    ctx.put(PASSIVE, passive);
    return passive;
  }

  /** Checks the signature over {@code encrypted}, then decrypts it; 401 when either fails. */
  private String open(RoutingContext ctx, MultiMap query, String encrypted) {
    if (crypto == null) {
      LOG.warn("WeCom callback from {} refused: the channel is closed ({} not set)", ctx.request().remoteAddress(),
          missing);
      throw new HttpException(401, "The WeCom channel is closed: " + missing + " not set");
    }
    if (encrypted == null
        || !crypto.verify(query.get("msg_signature"), query.get("timestamp"), query.get("nonce"), encrypted)) {
      LOG.warn("WeCom callback from {} refused: {}", ctx.request().remoteAddress(),
          encrypted == null ? "no single Encrypt value" : "msg_signature missing or wrong");
      throw new HttpException(401, "Missing or wrong msg_signature");
    }
    try {
      return crypto.decrypt(encrypted);
    } catch (WecomCrypto.Refused e) {
      LOG.warn("WeCom callback from {} refused: {}", ctx.request().remoteAddress(), e.getMessage());
      throw new HttpException(401, "The message does not decrypt for this corp");
    }
  }

  /**
   * A text, image ({@code PicUrl}, {@code MediaId}) or location ({@code Location_X} latitude,
   * {@code Location_Y} longitude, {@code Label}) message as an event; null for anything else.
   */
  ChatEvent event(Map<String, String> fields) {
    String from = fields.getOrDefault("FromUserName", "").strip();
    String msgId = fields.getOrDefault("MsgId", "").strip();
    String type = fields.getOrDefault("MsgType", "");
    String content = fields.getOrDefault("Content", "");
    List<Attachment> attachments = switch (type) {
      case "image" -> image(fields);
      case "location" -> location(fields);
      default -> List.of();
    };
    boolean readable = "text".equals(type) ? !content.isBlank() : !attachments.isEmpty();
    if (!readable || from.isEmpty() || msgId.isEmpty()) {
      return null;
    }
    String chatId = fields.getOrDefault("ChatId", "").strip();
    boolean group = !chatId.isEmpty();
    boolean mentioned = false;
    String text = "text".equals(type) ? content.strip() : "";
    if (group) {
      mentioned = mention == null || mention.matcher(text).find();
      text = mention == null ? text : mention.matcher(text).replaceAll(" ").strip();
    }
    ChatEvent.Chat chat = group
        ? new ChatEvent.Chat(chatId, ChatEvent.ChatType.GROUP)
        : new ChatEvent.Chat(from, ChatEvent.ChatType.PRIVATE);
    return new ChatEvent(PLATFORM, chat, new ChatEvent.Sender(from, ""), text, mentioned, null, msgId, "",
        attachments);
  }

  private static List<Attachment> image(Map<String, String> fields) {
    String url = fields.getOrDefault("PicUrl", "").strip();
    String mediaId = fields.getOrDefault("MediaId", "").strip();
    return url.isEmpty() && mediaId.isEmpty() ? List.of() : List.of(Attachment.imageUrl(url, mediaId));
  }

  private static List<Attachment> location(Map<String, String> fields) {
    try {
      return List.of(Attachment.location(Double.parseDouble(fields.getOrDefault("Location_X", "").strip()),
          Double.parseDouble(fields.getOrDefault("Location_Y", "").strip()), fields.getOrDefault("Label", "").strip()));
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }
}
