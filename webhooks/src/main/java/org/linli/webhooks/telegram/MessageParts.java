package org.linli.webhooks.telegram;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.linli.webhooks.Reply;

/**
 * A {@link Reply} in the Bot API's form: the calls that send it, in order. Text goes as plain text
 * (no parse mode, so nothing needs escaping), split into messages of at most 4096 characters;
 * an image goes with {@code sendPhoto}, the text as its caption when it fits in 1024 characters;
 * buttons become an inline keyboard on the last message, two to a row when there are four or more
 * short labels, one to a row otherwise.
 */
final class MessageParts {

  static final int MAX_TEXT = 4096;
  static final int MAX_CAPTION = 1024;
  static final int MAX_NOTICE = 200;
  private static final int SHORT_LABEL = 8;

  /** One Bot API call: its method, its parameters, and the PNG to upload (null when none). */
  record Part(String method, JsonObject params, byte[] png) {
  }

  private MessageParts() {
  }

  /** The calls that send {@code reply} to {@code chatId}, the first replying to {@code replyTo} (blank: none). */
  static List<Part> of(String chatId, Reply reply, String replyTo) {
    List<Part> parts = new ArrayList<>();
    JsonObject keyboard = keyboard(reply.buttons());
    String text = reply.text().strip();
    if (reply.image() != null) {
      boolean captioned = text.length() <= MAX_CAPTION;
      JsonObject photo = target(chatId);
      if (captioned && !text.isEmpty()) {
        photo.put("caption", text);
      }
      if (captioned && keyboard != null) {
        photo.put("reply_markup", keyboard);
      }
      byte[] png = null;
      if (reply.image().url().isEmpty()) {
        png = reply.image().png();
      } else {
        photo.put("photo", reply.image().url());
      }
      parts.add(new Part("sendPhoto", photo, png));
      if (captioned) {
        return threaded(parts, replyTo);
      }
    }
    List<String> pieces = split(text, MAX_TEXT);
    for (int i = 0; i < pieces.size(); i++) {
      JsonObject message = target(chatId).put("text", pieces.get(i));
      if (i == pieces.size() - 1 && keyboard != null) {
        message.put("reply_markup", keyboard);
      }
      parts.add(new Part("sendMessage", message, null));
    }
    return threaded(parts, replyTo);
  }

  /** The parameters of {@code editMessageText} that show {@code reply} in place of an earlier message. */
  static JsonObject edit(String chatId, String messageId, Reply reply) {
    JsonObject params = target(chatId).put("message_id", idValue(messageId)).put("text",
        shorten(reply.text().strip(), MAX_TEXT));
    JsonObject keyboard = keyboard(reply.buttons());
    return keyboard == null ? params : params.put("reply_markup", keyboard);
  }

  /** {@code {"inline_keyboard": [[{"text", "callback_data"}], ...]}}, or null without buttons. */
  static JsonObject keyboard(List<Reply.Button> buttons) {
    if (buttons.isEmpty()) {
      return null;
    }
    boolean pairs = buttons.size() >= 4
        && buttons.stream().allMatch(b -> b.label().codePointCount(0, b.label().length()) <= SHORT_LABEL);
    JsonArray rows = new JsonArray();
    JsonArray row = new JsonArray();
    for (Reply.Button button : buttons) {
      row.add(new JsonObject().put("text", button.label()).put("callback_data", button.data()));
      if (!pairs || row.size() == 2) {
        rows.add(row);
        row = new JsonArray();
      }
    }
    if (!row.isEmpty()) {
      rows.add(row);
    }
    return new JsonObject().put("inline_keyboard", rows);
  }

  /** The text in pieces of at most {@code max} characters, cut at a line break where one is near. */
  static List<String> split(String text, int max) {
    List<String> pieces = new ArrayList<>();
    String rest = text;
    while (rest.length() > max) {
      int cut = rest.lastIndexOf('\n', max);
      if (cut < max * 4 / 5) {
        cut = Character.isLowSurrogate(rest.charAt(max)) ? max - 1 : max;
      }
      pieces.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      pieces.add(rest);
    }
    return pieces;
  }

  /** The text cut to {@code max} characters, ending in an ellipsis when cut. */
  static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isLowSurrogate(text.charAt(max - 1)) ? max - 2 : max - 1;
    return text.substring(0, end) + "…";
  }

  /** A chat or message id as a number when it is one (the Bot API's type), else as given. */
  static Object idValue(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return id;
    }
  }

  private static JsonObject target(String chatId) {
    return new JsonObject().put("chat_id", idValue(chatId));
  }

  private static List<Part> threaded(List<Part> parts, String replyTo) {
    if (!parts.isEmpty() && replyTo != null && idValue(replyTo) instanceof Long id) {
      parts.get(0).params().put("reply_parameters",
          new JsonObject().put("message_id", id).put("allow_sending_without_reply", true));
    }
    return parts;
  }
}
