package org.linli.webhooks.dingtalk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.linli.config.Secret;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Outbound;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.linli.webhooks.callback.CallbackChannel;
import org.linli.webhooks.callback.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A press on a button of a DingTalk interactive card, posted by DingTalk to the callback URL
 * registered under the card's {@code callbackRouteKey} (HTTP mode), and the answer that updates
 * the card for the member who pressed.
 *
 * <p>In: DingTalk signs each call with the headers {@code x-ddpaas-signature-timestamp} and {@code
 * x-ddpaas-signature} = Base64(HmacSHA256(apiSecret, timestamp)); both are checked (constant time,
 * timestamp within {@link #TOLERANCE}) before the body is read, else 401. That signature does not
 * cover the body, so the button's data travels {@link CardPayloads sealed} by Linli: a press whose
 * payload does not open is refused with 401 as well. An {@code actionCallback} becomes one button
 * press {@link ChatEvent} in the card's group, from {@code userId} (the member's staff id, as in
 * the robot's messages); other callback types give an empty list.
 *
 * <p>Out: {@link #respond} answers within the call (DingTalk waits at most 2 s): replies for the
 * presser alone (the vote receipt) become the card's private variable {@code note}, which only the
 * presser sees; a reply {@link Reply#replacesPressed() replacing the pressed message} (the live
 * tally) becomes the card's new public data (mount with edits on, so {@link
 * org.linli.webhooks.Callbacks} keeps those). Any other reply cannot go in the answer and goes to
 * the group through the outbox. Presses carry no message id, so nothing is claimed.
 */
public final class DingtalkCardCallback implements CallbackChannel {

  /** How far the signature timestamp may be from our clock, either way. */
  static final Duration TOLERANCE = Duration.ofMinutes(10);

  /** The callback type of a button press. */
  static final String ACTION_CALLBACK = "actionCallback";

  private static final Logger LOG = LoggerFactory.getLogger(DingtalkCardCallback.class);
  private static final String CONTEXT_KEY = "linli.dingtalk.card.press";
  private static final long SECONDS_BEFORE = 100_000_000_000L;

  private final Secret apiSecret;
  private final CardPayloads payloads;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * A callback checking signatures with {@code apiSecret} (the one given when the callback URL was
   * registered, which also seals the buttons' data) against {@code clock}.
   */
  public DingtalkCardCallback(Secret apiSecret, Clock clock) {
    this.apiSecret = Objects.requireNonNull(apiSecret, "apiSecret");
    this.payloads = new CardPayloads(apiSecret);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Verifies the signature, then parses the press: one event, or none for a callback that is not
   * a button press. Fails with 401 (verification, or button data not sealed by Linli) or 400
   * (malformed).
   */
  @Override
  public Future<List<ChatEvent>> receive(RoutingContext ctx) {
    if (!apiSecret.isSet()) {
      return Future.failedFuture(
          new HttpException(401, "DingTalk card callbacks are closed: no callback apiSecret is set"));
    }
    String refusal = refusal(apiSecret, ctx.request().getHeader("x-ddpaas-signature-timestamp"),
        ctx.request().getHeader("x-ddpaas-signature"), clock.millis());
    if (refusal != null) {
      return Refusal.refuse(LOG, "DingTalk card callback", ctx, refusal, "Not signed by DingTalk: " + refusal);
    }
    try {
      String signedAt = ctx.request().getHeader("x-ddpaas-signature-timestamp").strip();
      Optional<Press> press = parse(ctx.body().buffer(), signedAt);
      press.ifPresent(p -> ctx.put(CONTEXT_KEY, p));
      return Future.succeededFuture(press.map(Press::event).stream().toList());
    } catch (HttpException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Answers DingTalk with the card update for the presser. Replies that cannot go in the answer
   * are posted to {@code outbox} for the card's group first, under ids stable across DingTalk's
   * retries of the same callback, so none is lost.
   */
  @Override
  public Future<Void> respond(RoutingContext ctx, List<Reply> replies, Outbound outbox) {
    Press press = ctx.get(CONTEXT_KEY);
    if (press == null) {
      ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end("{}");
      return Future.succeededFuture();
    }
    List<Reply> rest = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    JsonObject cardData = null;
    for (Reply reply : replies) {
      if (reply.privately()) {
        notes.add(reply.text());
      } else if (reply.replacesPressed()) {
        cardData = DingtalkCards.publicData(payloads, press.chatId(), reply);
      } else {
        rest.add(reply);
      }
    }
    ChatEvent.Chat group = new ChatEvent.Chat(press.chatId(), ChatEvent.ChatType.GROUP);
    Future<Void> posted = Future.succeededFuture();
    for (int i = 0; i < rest.size(); i++) {
      Outgoing message = new Outgoing(DingtalkChannel.PLATFORM, group, rest.get(i));
      String id = "dingtalk-card:" + press.outTrackId() + ":" + press.userId() + ":" + press.signedAt() + ":" + i;
      posted = posted.compose(v -> outbox.post(id, message).mapEmpty());
    }
    JsonObject answer = answer(notes, cardData);
    return posted.onSuccess(v -> ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(answer.encode()));
  }

  /** The callback response: update by key, the presser's note, the card's new public data. */
  static JsonObject answer(List<String> notes, JsonObject cardData) {
    JsonObject answer = new JsonObject().put("cardUpdateOptions",
        new JsonObject().put("updateCardDataByKey", true).put("updatePrivateDataByKey", true));
    if (cardData != null) {
      answer.put("cardData", new JsonObject().put("cardParamMap", cardData));
    }
    if (!notes.isEmpty()) {
      answer.put("userPrivateData", new JsonObject().put("cardParamMap",
          new JsonObject().put("note", String.join("\n", notes))));
    }
    return answer;
  }

  /** The signature DingTalk sends for {@code timestamp}: Base64(HmacSHA256(apiSecret, timestamp)). */
  static String sign(Secret apiSecret, String timestamp) {
    return DingtalkSignature.hmac(apiSecret, timestamp);
  }

  /** Why the headers do not prove the call comes from DingTalk, or null when they do. */
  static String refusal(Secret apiSecret, String timestamp, String signature, long nowMillis) {
    if (!DingtalkSignature.present(timestamp, signature)) {
      return "the x-ddpaas-signature-timestamp or x-ddpaas-signature header is missing";
    }
    OptionalLong number = DingtalkSignature.number(timestamp);
    if (number.isEmpty()) {
      return "the signature timestamp is not a number";
    }
    long value = number.getAsLong();
    // The documentation does not name the unit: a value this small is seconds, else milliseconds.
    long millis = value < SECONDS_BEFORE ? value * 1000 : value;
    if (Math.abs(nowMillis - millis) > TOLERANCE.toMillis()) {
      return "the signature timestamp is more than " + TOLERANCE.toMinutes() + " minutes from our clock";
    }
    if (!DingtalkSignature.matches(sign(apiSecret, timestamp.strip()), signature)) {
      return "the signature does not match our apiSecret";
    }
    return null;
  }

  /** A verified press: the card, the member, the group and the button's data. */
  private record Press(String outTrackId, String userId, String chatId, String data, String signedAt) {
    ChatEvent event() {
      return new ChatEvent(DingtalkChannel.PLATFORM, new ChatEvent.Chat(chatId, ChatEvent.ChatType.GROUP),
          new ChatEvent.Sender(userId, ""), "", true, data, null);
    }
  }

  private Optional<Press> parse(Buffer body, String signedAt) {
    JsonNode root = tree(body == null ? null : body.getBytes(), "The body is not DingTalk's card callback JSON");
    if (!ACTION_CALLBACK.equals(root.path("type").asText(""))) {
      return Optional.empty();
    }
    String userId = root.path("userId").asText("");
    String outTrackId = root.path("outTrackId").asText("");
    if (userId.isBlank() || outTrackId.isBlank()) {
      throw new HttpException(400, "\"userId\" and \"outTrackId\" are required");
    }
    JsonNode content = root.path("content");
    JsonNode parsed = content.isTextual()
        ? tree(content.asText().getBytes(StandardCharsets.UTF_8), "\"content\" is not a JSON string")
        : content;
    JsonNode payload = parsed.path("cardPrivateData").path("params").path("payload");
    if (!payload.isTextual()) {
      LOG.debug("DingTalk card callback: a press on card {} without a payload parameter", outTrackId);
      return Optional.empty();
    }
    CardPayloads.Press press = payloads.open(payload.asText()).orElseThrow(
        () -> new HttpException(401, "The button's data is not sealed by Linli"));
    return Optional.of(new Press(outTrackId, userId, press.chatId(), press.data(), signedAt));
  }

  private JsonNode tree(byte[] bytes, String complaint) {
    if (bytes == null || bytes.length == 0) {
      throw new HttpException(400, "The body is empty; expected DingTalk's card callback JSON");
    }
    try {
      JsonNode root = json.readTree(bytes);
      if (root == null || !root.isObject()) {
        throw new HttpException(400, complaint);
      }
      return root;
    } catch (IOException e) {
      throw new HttpException(400, complaint);
    }
  }
}
