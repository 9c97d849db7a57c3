package org.linli.webhooks.feishu;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Reply;

/**
 * A {@link Reply} as Feishu message contents: {@code text}, or an {@code interactive} card with one
 * button per reply button (value {@code {"data", "chat_type"}}, read back from the card callback),
 * and a separate {@code image} message for a picture. The text is shown as written (plain text,
 * not Markdown).
 */
final class FeishuMessages {

  /** One message: its {@code msg_type} and its {@code content} object. */
  record Part(String msgType, JsonObject content) {
  }

  private FeishuMessages() {
  }

  /** The text or card for a reply (null when the reply is only a picture). */
  static Part body(Reply reply, ChatEvent.ChatType chatType) {
    String text = reply.text();
    if (reply.image() != null && reply.image().png().length == 0 && !reply.image().url().isEmpty()) {
      text = text.isEmpty() ? reply.image().url() : text + "\n" + reply.image().url();
    }
    if (reply.buttons().isEmpty()) {
      return text.isEmpty() ? null : new Part("text", new JsonObject().put("text", text));
    }
    JsonArray actions = new JsonArray();
    for (Reply.Button button : reply.buttons()) {
      actions.add(new JsonObject()
          .put("tag", "button")
          .put("text", new JsonObject().put("tag", "plain_text").put("content", button.label()))
          .put("type", "default")
          .put("value", new JsonObject().put("data", button.data()).put("chat_type", chatType(chatType))));
    }
    JsonObject card = new JsonObject()
        .put("config", new JsonObject().put("wide_screen_mode", true))
        .put("elements", new JsonArray()
            .add(new JsonObject().put("tag", "div").put("text",
                new JsonObject().put("tag", "plain_text").put("content", text)))
            .add(new JsonObject().put("tag", "action").put("actions", actions)));
    return new Part("interactive", card);
  }

  /** The image message for an uploaded picture. */
  static Part image(String imageKey) {
    return new Part("image", new JsonObject().put("image_key", imageKey));
  }

  static String chatType(ChatEvent.ChatType type) {
    return type == ChatEvent.ChatType.PRIVATE ? "p2p" : "group";
  }
}
