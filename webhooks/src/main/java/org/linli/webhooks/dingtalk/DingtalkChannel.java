package org.linli.webhooks.dingtalk;

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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.linli.config.Secret;
import org.linli.webhooks.Attachment;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Deduplicator;
import org.linli.webhooks.EdgeText;
import org.linli.webhooks.Outbound;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.linli.webhooks.callback.CallbackChannel;
import org.linli.webhooks.callback.Claims;
import org.linli.webhooks.callback.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DingTalk's enterprise-internal robot in HTTP mode ({@code POST /webhooks/dingtalk}).
 *
 * <p>In: DingTalk signs each call with the headers {@code timestamp} (ms) and {@code sign} =
 * Base64(HmacSHA256(appSecret, timestamp + "\n" + appSecret)); both are checked (constant time,
 * timestamp within an hour) before the body is read, else 401. The body's {@code msgtype text}
 * message becomes one {@link ChatEvent} ({@code conversationType} "1" private, "2" group; {@code
 * isInAtList} is {@code mentioned}; a button's message {@code label 〔data〕} is a callback); other
 * message types and messages seen before ({@code msgId}) give an empty list. The conversation's
 * {@code sessionWebhook} is kept in {@link SessionWebhooks} for {@link DingtalkSender}.
 *
 * <p>Out: {@link #respond} puts the first reply in the HTTP response body; the others go through
 * the durable outbox, which posts them to the session webhook. A private reply in a group cannot be shown to one member through the robot,
 * so the group sees only a note, @-mentioning the resident, asking them to write to the robot
 * directly. With {@linkplain DingtalkCardSender cards} on, a reply with buttons to a group cannot
 * go in the HTTP answer nor through the session webhook: it goes through the outbox as a card,
 * and when it is the first reply the HTTP answer is an empty 200.
 */
public final class DingtalkChannel implements CallbackChannel {

  /** The platform name carried by events from this channel. */
  public static final String PLATFORM = "dingtalk";

  /** What the group sees instead of a reply meant for one resident alone. */
  static final String PRIVATE_NOTE = EdgeText.DINGTALK_PRIVATE_NOTE.text();

  private static final Logger LOG = LoggerFactory.getLogger(DingtalkChannel.class);
  private static final String EDGE = "DingTalk webhook";
  private static final String CONTEXT_KEY = "linli.dingtalk.origin";

  private final Secret appSecret;
  private final Deduplicator deduplicator;
  private final SessionWebhooks webhooks;
  private final DingtalkSender sender;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Where a message came from, kept on the routing context for {@link #respond}. */
  private record Origin(ChatEvent.Chat chat, String staffId, String msgId) {
  }

  /**
   * A channel checking signatures with {@code appSecret} against {@code clock}, dropping messages
   * {@code deduplicator} has seen, filling {@code webhooks}, and posting extra replies with {@code
   * sender}.
   */
  public DingtalkChannel(
      Secret appSecret, Deduplicator deduplicator, SessionWebhooks webhooks, DingtalkSender sender, Clock clock) {
    this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
    this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
    this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Verifies the signature, then parses the message: one event, or none for a message type the bot
   * does not read or a message seen before. Fails with 401 (verification) or 400 (malformed).
   */
  @Override
  public Future<List<ChatEvent>> receive(RoutingContext ctx) {
    if (!appSecret.isSet()) {
      return Future.failedFuture(Refusal.closed(LOG, EDGE, ctx, "The DingTalk channel", "LINLI_DINGTALK_APP_SECRET"));
    }
    String refusal = DingtalkSignature.refusal(
        appSecret, ctx.request().getHeader("timestamp"), ctx.request().getHeader("sign"), clock.millis());
    if (refusal != null) {
      return Refusal.refuse(LOG, EDGE, ctx, refusal, "Not signed by DingTalk: " + refusal);
    }
    JsonNode root;
    try {
      root = read(ctx.body().buffer());
    } catch (HttpException e) {
      return Future.failedFuture(e);
    }
    String conversationId = root.path("conversationId").asText("");
    webhooks.remember(conversationId, root.path("sessionWebhook").asText(""),
        root.path("sessionWebhookExpiredTime").asLong(0), clock.millis());
    String msgId = root.path("msgId").asText("");
    Future<Boolean> first = msgId.isEmpty()
        ? Future.succeededFuture(true)
        : Claims.claim(ctx, deduplicator, PLATFORM + ":" + msgId);
    return first.compose(fresh -> {
      if (!fresh) {
        LOG.debug("DingTalk webhook: dropped message {} delivered before", msgId);
        return Future.succeededFuture(List.of());
      }
      try {
        List<ChatEvent> events = parse(root);
        events.forEach(e -> ctx.put(CONTEXT_KEY, new Origin(e.chat(), root.path("senderStaffId").asText(""), msgId)));
        return Future.succeededFuture(events);
      } catch (HttpException e) {
        return Future.failedFuture(e);
      }
    });
  }

  /**
   * Answers DingTalk: the first reply in the response body; the rest go through {@code outbox}
   * (stored before the answer is written), which posts them to the session webhook in order. A
   * private reply after the first, in a group, becomes the note that @-mentions the resident,
   * posted directly (the outbox cannot mention one member). With no replies (or no message to
   * answer) the response is an empty 200.
   */
  @Override
  public Future<Void> respond(RoutingContext ctx, List<Reply> replies, Outbound outbox) {
    if (ctx.response().ended()) {
      return Future.succeededFuture();
    }
    Origin origin = ctx.get(CONTEXT_KEY);
    if (replies.isEmpty() || origin == null) {
      ctx.response().setStatusCode(200).end();
      return Future.succeededFuture();
    }
    String base = PLATFORM + "-" + (origin.msgId().isEmpty() ? UUID.randomUUID().toString() : origin.msgId()) + "-";
    Future<Void> queued = Future.succeededFuture();
    List<JsonObject> notes = new ArrayList<>();
    // A card cannot ride in the HTTP answer: then the first reply goes through the outbox too.
    boolean firstIsCard = sender.asCard(new Outgoing(PLATFORM, origin.chat(), replies.get(0)));
    for (int i = firstIsCard ? 0 : 1; i < replies.size(); i++) {
      Reply reply = replies.get(i);
      if (privateInGroup(origin, reply)) {
        notes.add(DingtalkMessages.mentioning(origin.staffId(), PRIVATE_NOTE));
      } else {
        String id = base + i;
        // One after the other, so the outbox holds them in the order they were written.
        queued = queued.compose(v -> outbox.post(id, new Outgoing(PLATFORM, origin.chat(), reply)).mapEmpty());
      }
    }
    return queued.onSuccess(v -> {
      if (firstIsCard) {
        ctx.response().setStatusCode(200).end();
        postNotes(origin, notes);
        return;
      }
      Reply first = replies.get(0);
      sender.count(origin.chat().id());
      ctx.response()
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
          .end((privateInGroup(origin, first)
              ? DingtalkMessages.mentioning(origin.staffId(), PRIVATE_NOTE)
              : DingtalkMessages.render(first)).encode());
      postNotes(origin, notes);
    });
  }

  private void postNotes(Origin origin, List<JsonObject> notes) {
    Future<Void> chain = Future.succeededFuture();
    for (JsonObject note : notes) {
      chain = chain.compose(x -> sender.post(origin.chat().id(), note));
    }
    chain.onFailure(e -> LOG.warn("DingTalk: a note after the first reply could not be posted: {}", e.getMessage()));
  }

  private static boolean privateInGroup(Origin origin, Reply reply) {
    return reply.privately() && origin.chat().type() == ChatEvent.ChatType.GROUP;
  }

  private JsonNode read(Buffer body) {
    if (body == null || body.length() == 0) {
      throw new HttpException(400, "The body is empty; expected DingTalk's JSON message");
    }
    try {
      JsonNode root = json.readTree(body.getBytes());
      if (root == null || !root.isObject()) {
        throw new HttpException(400, "The body must be a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new HttpException(400, "The body is not valid JSON");
    }
  }

  static List<ChatEvent> parse(JsonNode root) {
    String msgtype = root.path("msgtype").asText();
    List<Attachment> attachments = attachments(root, msgtype);
    String words = switch (msgtype) {
      case "text" -> root.path("text").path("content").asText("");
      case "richText" -> richText(root.path("content").path("richText"));
      default -> "";
    };
    if (!"text".equals(msgtype) && attachments.isEmpty()) {
      return List.of();
    }
    String conversationId = root.path("conversationId").asText("");
    if (conversationId.isBlank()) {
      throw new HttpException(400, "\"conversationId\" is required");
    }
    String type = root.path("conversationType").asText("");
    ChatEvent.ChatType chatType = switch (type) {
      case "1" -> ChatEvent.ChatType.PRIVATE;
      case "2" -> ChatEvent.ChatType.GROUP;
      default -> throw new HttpException(400, "\"conversationType\" must be \"1\" or \"2\"");
    };
    String staffId = root.path("senderStaffId").asText("");
    String senderId = staffId.isBlank() ? root.path("senderId").asText("") : staffId;
    if (senderId.isBlank()) {
      throw new HttpException(400, "\"senderStaffId\" or \"senderId\" is required");
    }
    String text = words.strip();
    String callback = DingtalkMessages.callback(text);
    String msgId = root.path("msgId").asText("");
    return List.of(new ChatEvent(
        PLATFORM,
        new ChatEvent.Chat(conversationId, chatType),
        new ChatEvent.Sender(senderId, root.path("senderNick").asText("")),
        callback == null ? text : "",
        root.path("isInAtList").asBoolean(false) || callback != null,
        callback,
        msgId.isEmpty() ? null : msgId,
        "",
        attachments));
  }

  /**
   * A {@code picture} message's {@code content.downloadCode}, the pictures of a {@code richText}
   * message, and a {@code location} ({@code content.latitude}, {@code longitude}, {@code title}) when
   * DingTalk delivers one.
   */
  private static List<Attachment> attachments(JsonNode root, String msgtype) {
    List<Attachment> out = new ArrayList<>();
    JsonNode content = root.path("content");
    switch (msgtype) {
      case "picture" -> picture(content).ifPresent(out::add);
      case "richText" -> content.path("richText").forEach(part -> picture(part).ifPresent(out::add));
      case "location" -> {
        try {
          out.add(Attachment.location(Double.parseDouble(content.path("latitude").asText("x")),
              Double.parseDouble(content.path("longitude").asText("x")),
              (content.path("title").asText("") + " " + content.path("address").asText("")).strip()));
        } catch (IllegalArgumentException e) {
          // No coordinates: nothing to attach.
        }
      }
      default -> {
      }
    }
    return out;
  }

  private static Optional<Attachment> picture(JsonNode node) {
    String code = node.path("downloadCode").asText("");
    if (code.isBlank()) {
      code = node.path("pictureDownloadCode").asText("");
    }
    return code.isBlank() ? Optional.empty() : Optional.of(Attachment.imageRef(code));
  }

  private static String richText(JsonNode parts) {
    StringBuilder out = new StringBuilder();
    parts.forEach(part -> out.append(part.path("text").asText("")));
    return out.toString();
  }
}
