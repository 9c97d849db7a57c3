package org.linli.webhooks.feishu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.handler.HttpException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linli.webhooks.Attachment;
import org.linli.webhooks.ChatEvent;

/**
 * Reads the two v2.0 events the bot acts on: {@code im.message.receive_v1} (text, rich-text,
 * image and location messages; images by {@code image_key}; mention placeholders {@code @_user_N} of the bot are removed, others become {@code
 * @name}) and {@code card.action.trigger} (a card button: its value's {@code data} is the
 * callback).
 */
final class FeishuEvents {

  private FeishuEvents() {
  }

  /** The event a message makes, or none for a message type the bot does not read. */
  static List<ChatEvent> message(JsonNode event, String botOpenId, ObjectMapper json) {
    JsonNode message = event.path("message");
    String chatId = required(message, "chat_id");
    ChatEvent.ChatType type = "p2p".equals(message.path("chat_type").asText())
        ? ChatEvent.ChatType.PRIVATE
        : ChatEvent.ChatType.GROUP;
    String openId = required(event.path("sender").path("sender_id"), "open_id");
    JsonNode content;
    try {
      content = json.readTree(message.path("content").asText("{}"));
    } catch (IOException e) {
      throw new HttpException(400, "message.content is not JSON");
    }
    List<Attachment> attachments = new ArrayList<>();
    String text = switch (message.path("message_type").asText()) {
      case "text" -> content.path("text").asText("");
      case "post" -> postText(content, attachments);
      case "image" -> {
        String key = content.path("image_key").asText("");
        if (!key.isBlank()) {
          attachments.add(Attachment.imageRef(key));
        }
        yield attachments.isEmpty() ? null : "";
      }
      case "location" -> {
        location(content).ifPresent(attachments::add);
        yield attachments.isEmpty() ? null : "";
      }
      default -> null;
    };
    if (text == null) {
      return List.of();
    }
    boolean mentioned = false;
    for (JsonNode mention : message.path("mentions")) {
      String key = mention.path("key").asText("");
      boolean bot = botOpenId.isEmpty() || botOpenId.equals(mention.path("id").path("open_id").asText());
      mentioned |= bot;
      if (!key.isEmpty()) {
        text = text.replace(key, bot ? "" : "@" + mention.path("name").asText(""));
      }
    }
    text = text.replaceAll("[ \\t]{2,}", " ").strip();
    String messageId = message.path("message_id").asText("");
    return List
        .of(new ChatEvent(FeishuChannel.PLATFORM, new ChatEvent.Chat(chatId, type), new ChatEvent.Sender(openId, ""),
            text, mentioned, null, messageId.isEmpty() ? null : messageId, "", attachments));
  }

  /** A location message's {@code latitude} and {@code longitude} (strings or numbers) and {@code name}. */
  private static Optional<Attachment> location(JsonNode content) {
    try {
      return Optional.of(Attachment.location(Double.parseDouble(content.path("latitude").asText("x")),
          Double.parseDouble(content.path("longitude").asText("x")), content.path("name").asText("")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The event a card button press makes. */
  static List<ChatEvent> cardAction(JsonNode event) {
    String openId = required(event.path("operator"), "open_id");
    String chatId = required(event.path("context"), "open_chat_id");
    JsonNode value = event.path("action").path("value");
    String data = value.isTextual() ? value.asText() : value.path("data").asText("");
    if (data.isEmpty()) {
      throw new HttpException(400, "action.value carries no data");
    }
    ChatEvent.ChatType type = "p2p".equals(value.path("chat_type").asText())
        ? ChatEvent.ChatType.PRIVATE
        : ChatEvent.ChatType.GROUP;
    String messageId = event.path("context").path("open_message_id").asText("");
    return List
        .of(new ChatEvent(FeishuChannel.PLATFORM, new ChatEvent.Chat(chatId, type), new ChatEvent.Sender(openId, ""),
            "", true, data, messageId.isEmpty() ? null : messageId));
  }

  /** The words of a rich-text message, paragraphs on their own lines, mentions as their keys. */
  private static String postText(JsonNode content, List<Attachment> images) {
    JsonNode post = content.has("content")
        ? content
        : content.elements().hasNext() ? content.elements().next() : content;
    StringBuilder out = new StringBuilder(post.path("title").asText(""));
    for (JsonNode paragraph : post.path("content")) {
      out.append(out.isEmpty() ? "" : "\n");
      for (JsonNode element : paragraph) {
        switch (element.path("tag").asText()) {
          case "text", "a" -> out.append(element.path("text").asText(""));
          case "at" -> out.append(element.path("user_id").asText(""));
          case "img" -> {
            if (!element.path("image_key").asText("").isBlank()) {
              images.add(Attachment.imageRef(element.path("image_key").asText()));
            }
          }
          default -> {
          }
        }
      }
    }
    return out.toString();
  }

  private static String required(JsonNode parent, String name) {
    String value = parent.path(name).asText("");
    if (value.isBlank()) {
      throw new HttpException(400, "\"" + name + "\" is required");
    }
    return value;
  }
}
