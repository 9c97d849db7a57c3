package org.linli.webhooks.feishu;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.linli.config.Secret;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Deduplicator;
import org.linli.webhooks.Outbound;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.linli.webhooks.callback.CallbackChannel;
import org.linli.webhooks.callback.Claims;
import org.linli.webhooks.callback.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feishu's event subscription v2.0 ({@code POST /webhooks/feishu}).
 *
 * <p>Checks, in order: a verification token must be configured; a call carrying {@code
 * X-Lark-Signature} must match it (hex SHA-256 of timestamp + nonce + encrypt key + raw body,
 * constant time; timestamp within 12 hours, as Feishu retries for about seven) before the body is
 * read; with an encrypt key, an unsigned call is accepted only
 * if it is the URL check, which Feishu sends unsigned, and which proves itself by opening with our
 * key and carrying our token; every event's token must equal ours. Failing any is a 401. Without an
 * encrypt key Feishu signs nothing, so the token inside the body is the only proof, read after
 * parsing: configure the key.
 *
 * <p>The URL check ({@code url_verification}) is answered here, on {@code ctx}, with {@code
 * {"challenge": ...}} and gives an empty list. {@code im.message.receive_v1} gives one event
 * (text and rich text); {@code card.action.trigger} gives a button press; an {@code event_id} seen
 * before, and other events, give an empty list.
 *
 * <p>{@link #respond} stores the replies in the durable outbox, in order (it sends them through
 * {@link FeishuSender}: to the chat, or for a private reply in a group to the resident directly by
 * {@code open_id}), then answers Feishu ({@code {}}, or for a button press a toast with the first
 * private reply).
 */
public final class FeishuChannel implements CallbackChannel {

  /** The platform name carried by events from this channel. */
  public static final String PLATFORM = "feishu";

  private static final Logger LOG = LoggerFactory.getLogger(FeishuChannel.class);
  private static final String EDGE = "Feishu webhook";
  private static final String CONTEXT_KEY = "linli.feishu.origin";

  private final Secret encryptKey;
  private final Secret verificationToken;
  private final Deduplicator deduplicator;
  private final FeishuSender sender;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Where an event came from, kept on the routing context for {@link #respond}. */
  private record Origin(ChatEvent.Chat chat, String openId, boolean buttonPress, String eventId) {
  }

  /**
   * A channel checking with {@code encryptKey} and {@code verificationToken} against {@code clock},
   * dropping events {@code deduplicator} has seen (keep its keys at least 12 hours), sending replies
   * with {@code sender}.
   */
  public FeishuChannel(
      Secret encryptKey, Secret verificationToken, Deduplicator deduplicator, FeishuSender sender, Clock clock) {
    this.encryptKey = Objects.requireNonNull(encryptKey, "encryptKey");
    this.verificationToken = Objects.requireNonNull(verificationToken, "verificationToken");
    this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Verifies, opens and reads one call: the events for the bot (possibly none). Fails with 401 when
   * it cannot be trusted and 400 when it is malformed; the URL check is answered directly.
   */
  @Override
  public Future<List<ChatEvent>> receive(RoutingContext ctx) {
    try {
      return read(ctx);
    } catch (HttpException e) {
      return Future.failedFuture(e);
    }
  }

  private Future<List<ChatEvent>> read(RoutingContext ctx) {
    if (!verificationToken.isSet()) {
      throw Refusal.closed(LOG, EDGE, ctx, "The Feishu channel", "LINLI_FEISHU_VERIFICATION_TOKEN");
    }
    Buffer body = ctx.body().buffer();
    byte[] raw = body == null ? new byte[0] : body.getBytes();
    String signature = ctx.request().getHeader("X-Lark-Signature");
    boolean signed = false;
    if (signature != null && encryptKey.isSet()) {
      String refusal = FeishuSignature.refusal(encryptKey, ctx.request().getHeader("X-Lark-Request-Timestamp"),
          ctx.request().getHeader("X-Lark-Request-Nonce"), signature, raw, clock.millis());
      if (refusal != null) {
        throw refuse(ctx, refusal, "Not signed by Feishu: " + refusal);
      }
      signed = true;
    }
    JsonNode root = parse(raw);
    boolean encrypted = root.has("encrypt");
    if (encrypted) {
      if (!encryptKey.isSet()) {
        throw new HttpException(400, "The event is encrypted but LINLI_FEISHU_ENCRYPT_KEY is not set");
      }
      try {
        root = parse(
            FeishuCipher.decrypt(encryptKey, root.path("encrypt").asText("")).getBytes(StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        if (!signed) {
          throw refuse(ctx, "an unsigned body that does not open with our encrypt key", "Not from Feishu");
        }
        throw new HttpException(400, e.getMessage());
      }
    } else if (encryptKey.isSet() && !signed) {
      throw refuse(ctx, "an unsigned, unencrypted call while an encrypt key is set", "Not signed by Feishu");
    }
    if ("url_verification".equals(root.path("type").asText())) {
      if (!verificationToken.matches(root.path("token").asText(null))) {
        throw refuse(ctx, "a URL check with the wrong verification token", "Wrong verification token");
      }
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
          .end(new JsonObject().put("challenge", root.path("challenge").asText("")).encode());
      return Future.succeededFuture(List.of());
    }
    if (encryptKey.isSet() && !signed) {
      throw refuse(ctx, "an unsigned event (only the URL check comes unsigned)", "Not signed by Feishu");
    }
    boolean v2 = "2.0".equals(root.path("schema").asText());
    String token = v2 ? root.path("header").path("token").asText(null) : root.path("token").asText(null);
    if (!verificationToken.matches(token)) {
      throw refuse(ctx, "an event with the wrong verification token", "Wrong verification token");
    }
    if (!v2) {
      LOG.debug("Feishu webhook: ignored an event in the 1.0 schema");
      return Future.succeededFuture(List.of());
    }
    JsonNode header = root.path("header");
    String eventId = header.path("event_id").asText("");
    String type = header.path("event_type").asText("");
    JsonNode event = root.path("event");
    Future<Boolean> first = eventId.isEmpty()
        ? Future.succeededFuture(true)
        : Claims.claim(ctx, deduplicator, PLATFORM + ":" + eventId);
    return first.compose(fresh -> {
      if (!fresh) {
        LOG.debug("Feishu webhook: dropped event {} delivered before", eventId);
        return Future.succeededFuture(List.<ChatEvent>of());
      }
      return switch (type) {
        case "im.message.receive_v1" ->
          botOpenId().map(bot -> remember(ctx, FeishuEvents.message(event, bot, json), false, eventId));
        case "card.action.trigger" ->
          Future.succeededFuture(remember(ctx, FeishuEvents.cardAction(event), true, eventId));
        default -> Future.succeededFuture(List.<ChatEvent>of());
      };
    });
  }

  /**
   * Posts the replies to {@code outbox} in order (stored before the answer is written; the outbox
   * sends them through the open API): to the chat, or for a private reply in a group to the
   * resident directly by {@code open_id}. Then answers Feishu ({@code {}}, or for a button press a
   * toast with the first private reply, where it was pressed).
   */
  @Override
  public Future<Void> respond(RoutingContext ctx, List<Reply> replies, Outbound outbox) {
    if (ctx.response().ended()) {
      return Future.succeededFuture();
    }
    Origin origin = ctx.get(CONTEXT_KEY);
    JsonObject answer = new JsonObject();
    if (origin != null && origin.buttonPress()) {
      replies.stream().filter(Reply::privately).findFirst()
          .ifPresent(r -> answer.put("toast", new JsonObject().put("type", "info").put("content", r.text())));
    }
    Future<Void> queued = Future.succeededFuture();
    if (origin != null) {
      String base = PLATFORM + "-" + (origin.eventId().isEmpty() ? UUID.randomUUID().toString() : origin.eventId())
          + "-";
      for (int i = 0; i < replies.size(); i++) {
        Reply reply = replies.get(i);
        ChatEvent.Chat to = reply.privately() && origin.chat().type() == ChatEvent.ChatType.GROUP
            ? new ChatEvent.Chat(origin.openId(), ChatEvent.ChatType.PRIVATE)
            : origin.chat();
        String id = base + i;
        // One after the other, so the outbox holds them in the order they were written.
        queued = queued.compose(v -> outbox.post(id, new Outgoing(PLATFORM, to, reply)).mapEmpty());
      }
    }
    return queued.onSuccess(v -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .end(answer.encode()));
  }

  private List<ChatEvent> remember(RoutingContext ctx, List<ChatEvent> events, boolean buttonPress, String eventId) {
    events.forEach(e -> ctx.put(CONTEXT_KEY, new Origin(e.chat(), e.from().id(), buttonPress, eventId)));
    return events;
  }

  /** The bot's open_id, or blank while unknown (then any mention counts as one of the bot). */
  private Future<String> botOpenId() {
    return sender.configured() ? sender.botOpenId().otherwise("") : Future.succeededFuture("");
  }

  private JsonNode parse(byte[] raw) {
    if (raw.length == 0) {
      throw new HttpException(400, "The body is empty; expected Feishu's JSON event");
    }
    try {
      JsonNode root = json.readTree(raw);
      if (root == null || !root.isObject()) {
        throw new HttpException(400, "The body must be a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new HttpException(400, "The body is not valid JSON");
    }
  }

  private static HttpException refuse(RoutingContext ctx, String why, String message) {
    return Refusal.unauthorized(LOG, EDGE, ctx, why, message);
  }
}
