package org.linli.webhooks;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A message the service sends on its own rather than as the answer to a call: a poll opened from
 * the API, a reminder, a result, a note to the household member whose ballot was replaced. It
 * names the platform and chat it goes to; the adapter of that platform delivers it.
 *
 * <p>It travels through the durable outbox as JSON ({@link #toJson()} / {@link #fromJson}).
 *
 * @param replyTo the platform's id of the message this one answers (quoted where the platform
 *     quotes), or blank
 */
public record Outgoing(String platform, ChatEvent.Chat chat, Reply reply, String replyTo) {

  public Outgoing {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(reply, "reply");
    replyTo = replyTo == null ? "" : replyTo;
  }

  /** A message that answers no message in particular. */
  public Outgoing(String platform, ChatEvent.Chat chat, Reply reply) {
    this(platform, chat, reply, "");
  }

  /** The message as stored in the outbox. */
  public JsonObject toJson() {
    JsonArray buttons = new JsonArray();
    reply.buttons().forEach(b -> buttons.add(new JsonObject().put("label", b.label()).put("data", b.data())));
    JsonObject out = new JsonObject()
        .put("platform", platform)
        .put("chat", new JsonObject().put("id", chat.id()).put("type", chat.type().name().toLowerCase(Locale.ROOT)))
        .put("text", reply.text())
        .put("buttons", buttons)
        .put("forward", reply.forward())
        .put("private", reply.privately());
    if (reply.sealed()) {
      out.put("sealed", true);
    }
    if (!replyTo.isEmpty()) {
      out.put("replyTo", replyTo);
    }
    if (reply.image() != null) {
      out.put("image", new JsonObject().put("base64", reply.image().base64()).put("url", reply.image().url()));
    }
    return out;
  }

  /** Reads a message written by {@link #toJson()}. */
  public static Outgoing fromJson(JsonObject json) {
    JsonObject chat = json.getJsonObject("chat");
    List<Reply.Button> buttons = new ArrayList<>();
    JsonArray array = json.getJsonArray("buttons", new JsonArray());
    for (int i = 0; i < array.size(); i++) {
      JsonObject b = array.getJsonObject(i);
      buttons.add(new Reply.Button(b.getString("label"), b.getString("data")));
    }
    JsonObject image = json.getJsonObject("image");
    Reply.Image picture = image == null
        ? null
        : new Reply.Image(Base64.getDecoder().decode(image.getString("base64", "")), image.getString("url", ""));
    Reply reply = Reply.builder(json.getString("text")).buttons(buttons)
        .offersForward(json.getBoolean("forward", false))
        .privately(json.getBoolean("private", false))
        .sealed(json.getBoolean("sealed", false))
        .image(picture)
        .build();
    return new Outgoing(json.getString("platform"),
        new ChatEvent.Chat(chat.getString("id"),
            ChatEvent.ChatType.valueOf(chat.getString("type", "group").toUpperCase(Locale.ROOT))),
        reply, json.getString("replyTo", ""));
  }
}
