package org.linli.webhooks.generic;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.linli.config.Secret;
import org.linli.webhooks.Attachment;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Outbound;
import org.linli.webhooks.Reply;
import org.linli.webhooks.WellFormedText;
import org.linli.webhooks.callback.CallbackChannel;
import org.linli.webhooks.callback.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generic chat channel, for a community app or any platform without an adapter of its own.
 *
 * <p>In: {@code POST /webhooks/generic} with {@code Authorization: Bearer <LINLI_GENERIC_TOKEN>}
 * and {@code {"chat": {"id", "type": "group"|"private"}, "from": {"id", "name"}, "text",
 * "mentioned", "callback", "messageId", "replyTo": {"text"}, "image": {"url"|"base64"}, "location":
 * {"latitude", "longitude", "label"}}}. The token is checked before the body
 * is read. Out: the HTTP response {@code {"replies": [{"text", "buttons": [{"label", "data"}],
 * "forward", "private", "image"}]}}; a {@code private} reply is for the sender alone.
 */
public final class GenericChannel implements CallbackChannel {

  /** The platform name carried by events from this channel. */
  public static final String PLATFORM = "generic";

  private static final Logger LOG = LoggerFactory.getLogger(GenericChannel.class);
  private static final int MAX_TEXT = 4000;

  private final Secret token;
  private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public GenericChannel(Secret token) {
    this.token = token;
  }

  /** Verifies the bearer token, then parses the body into its one event; fails with a 4xx otherwise. */
  @Override
  public Future<List<ChatEvent>> receive(RoutingContext ctx) {
    if (!token.isSet()) {
      return Future
          .failedFuture(new HttpException(401, "The generic channel is closed: LINLI_GENERIC_TOKEN is not set"));
    }
    if (!token.matchesBearer(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
      return Refusal.refuse(LOG, "Generic webhook", ctx, "a missing or wrong token", "Missing or wrong bearer token");
    }
    try {
      return Future.succeededFuture(List.of(parse(ctx.body().buffer())));
    } catch (HttpException e) {
      return Future.failedFuture(e);
    }
  }

  ChatEvent parse(Buffer body) {
    if (body == null || body.length() == 0) {
      throw new HttpException(400, "The body is empty; expected a JSON chat message");
    }
    JsonNode root;
    try {
      root = json.readTree(body.getBytes());
    } catch (IOException e) {
      throw new HttpException(400, "The body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new HttpException(400, "The body must be a JSON object");
    }
    JsonNode chat = object(root, "chat");
    JsonNode from = object(root, "from");
    String chatId = text(chat, "chat.id", true);
    String type = text(chat, "chat.type", false);
    ChatEvent.ChatType chatType;
    if (type == null || type.equals("group")) {
      chatType = ChatEvent.ChatType.GROUP;
    } else if (type.equals("private")) {
      chatType = ChatEvent.ChatType.PRIVATE;
    } else {
      throw new HttpException(400, "chat.type must be \"group\" or \"private\"");
    }
    String userId = text(from, "from.id", true);
    String name = text(from, "from.name", false);
    String text = text(root, "text", false);
    String callback = text(root, "callback", false);
    List<Attachment> attachments = attachments(root);
    if ((text == null || text.isBlank()) && (callback == null || callback.isBlank()) && attachments.isEmpty()) {
      throw new HttpException(400, "Either \"text\" or \"callback\" is required (or an \"image\" or a \"location\")");
    }
    if (text != null && WellFormedText.length(text) > MAX_TEXT) {
      throw new HttpException(400, "\"text\" is longer than " + MAX_TEXT + " characters");
    }
    JsonNode mentioned = root.get("mentioned");
    if (mentioned != null && !mentioned.isNull() && !mentioned.isBoolean()) {
      throw new HttpException(400, "\"mentioned\" must be true or false");
    }
    return new ChatEvent(
        PLATFORM,
        new ChatEvent.Chat(chatId, chatType),
        new ChatEvent.Sender(userId, name),
        text,
        mentioned != null && mentioned.asBoolean(),
        callback,
        text(root, "messageId", false),
        quoted(root),
        attachments);
  }

  /** {@code "image": {"url"} | {"base64"}} and {@code "location": {"latitude", "longitude", "label"}}. */
  private static List<Attachment> attachments(JsonNode root) {
    List<Attachment> out = new ArrayList<>();
    JsonNode image = root.get("image");
    if (image != null && !image.isNull()) {
      if (!image.isObject()) {
        throw new HttpException(400,
            "\"image\" must be an object like {\"url\": \"https://…\"} or {\"base64\": \"…\"}");
      }
      String url = text(image, "image.url", false);
      String base64 = text(image, "image.base64", false);
      if (url != null && !url.isBlank()) {
        if (!url.matches("https?://\\S+")) {
          throw new HttpException(400, "\"image.url\" must be an http(s) URL");
        }
        out.add(Attachment.imageUrl(url.strip(), ""));
      } else if (base64 != null && !base64.isBlank()) {
        if (!base64.strip().matches("[A-Za-z0-9+/=\\s]+")) {
          throw new HttpException(400, "\"image.base64\" must be Base64");
        }
        out.add(Attachment.imageBytes(base64.strip()));
      } else {
        throw new HttpException(400, "\"image\" needs \"url\" or \"base64\"");
      }
    }
    JsonNode location = root.get("location");
    if (location != null && !location.isNull()) {
      JsonNode lat = location.get("latitude");
      JsonNode lng = location.get("longitude");
      if (!location.isObject() || lat == null || !lat.isNumber() || lng == null || !lng.isNumber()
          || Math.abs(lat.asDouble()) > 90 || Math.abs(lng.asDouble()) > 180) {
        throw new HttpException(400,
            "\"location\" must be {\"latitude\": -90…90, \"longitude\": -180…180, \"label\": \"…\"}");
      }
      String label = text(location, "location.label", false);
      out.add(Attachment.location(lat.asDouble(), lng.asDouble(), label));
    }
    return out;
  }

  /** Every reply goes in the HTTP response. */
  @Override
  public Future<Void> respond(RoutingContext ctx, List<Reply> replies, Outbound outbox) {
    respond(ctx, replies);
    return Future.succeededFuture();
  }

  /** Writes the replies as the HTTP response. */
  public void respond(RoutingContext ctx, List<Reply> replies) {
    JsonArray out = new JsonArray();
    for (Reply reply : replies) {
      JsonArray buttons = new JsonArray();
      reply.buttons().forEach(b -> buttons.add(new JsonObject().put("label", b.label()).put("data", b.data())));
      JsonObject one = new JsonObject().put("text", reply.text()).put("buttons", buttons)
          .put("forward", reply.forward())
          .put("private", reply.privately());
      if (reply.replacesPressed()) {
        one.put("replacesPressed", true);
      }
      if (reply.image() != null) {
        one.put("image", reply.image().url().isEmpty()
            ? new JsonObject().put("base64", reply.image().base64())
            : new JsonObject().put("url", reply.image().url()));
      }
      out.add(one);
    }
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .end(new JsonObject().put("replies", out).encode());
  }

  /** The text of {@code "replyTo": {"text": ...}}, when the message quotes another. */
  private static String quoted(JsonNode root) {
    JsonNode replyTo = root.get("replyTo");
    if (replyTo == null || replyTo.isNull()) {
      return "";
    }
    if (!replyTo.isObject()) {
      throw new HttpException(400, "\"replyTo\" must be an object like {\"text\": \"the quoted message\"}");
    }
    String text = text(replyTo, "replyTo.text", false);
    return text == null ? "" : text;
  }

  private static JsonNode object(JsonNode root, String name) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      throw new HttpException(400, "\"" + name + "\" is required");
    }
    if (!node.isObject()) {
      throw new HttpException(400, "\"" + name + "\" must be an object");
    }
    return node;
  }

  private static String text(JsonNode parent, String path, boolean required) {
    String name = path.contains(".") ? path.substring(path.indexOf('.') + 1) : path;
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      if (required) {
        throw new HttpException(400, "\"" + path + "\" is required");
      }
      return null;
    }
    if (!node.isTextual() && !node.isNumber()) {
      throw new HttpException(400, "\"" + path + "\" must be a string");
    }
    String value = node.asText();
    if (required && value.isBlank()) {
      throw new HttpException(400, "\"" + path + "\" must not be empty");
    }
    return value;
  }
}
