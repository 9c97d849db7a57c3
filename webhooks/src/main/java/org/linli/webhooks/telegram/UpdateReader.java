package org.linli.webhooks.telegram;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.linli.webhooks.Attachment;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Deduplicator;

/**
 * Turns one Telegram {@code Update} into what the bot sees, leniently: unknown fields are ignored,
 * ids may come as numbers or strings, {@code date} is not read at all. Updates the bot has no use
 * for (edits, channel posts, membership changes, stickers, and group chatter that neither commands,
 * mentions nor replies to the bot) come out empty, as does an update already seen.
 */
final class UpdateReader {

  private final BotIdentity bot;
  private final Deduplicator dedupe;

  UpdateReader(BotIdentity bot, Deduplicator dedupe) {
    this.bot = bot;
    this.dedupe = dedupe;
  }

  /** The update's {@code update_id}, or empty when it has none. */
  static Optional<Long> updateId(JsonObject update) {
    return update.getValue("update_id") instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
  }

  /** The update read, or empty when it was seen before or is not for the bot. */
  Future<Optional<Incoming>> intake(JsonObject update) {
    return intake(update, dedupe::claim);
  }

  /**
   * The update read, or empty when {@code claim} refuses its key (seen before, or in hand
   * elsewhere) or it is not for the bot.
   */
  Future<Optional<Incoming>> intake(JsonObject update, Function<String, Future<Boolean>> claim) {
    Optional<Long> id = updateId(update);
    if (id.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return claim.apply(key(id.get())).map(first -> first ? read(update) : Optional.empty());
  }

  /** The key an update is deduplicated by. */
  String key(long updateId) {
    return "telegram:" + bot.id() + ":update:" + updateId;
  }

  /** The update read, without looking at whether it was seen before. */
  Optional<Incoming> read(JsonObject update) {
    JsonObject message = object(update, "message");
    if (message != null) {
      return message(message);
    }
    JsonObject callback = object(update, "callback_query");
    return callback == null ? Optional.empty() : callback(callback);
  }

  private Optional<Incoming> message(JsonObject message) {
    ChatEvent.Chat chat = chat(object(message, "chat"));
    ChatEvent.Sender from = sender(object(message, "from"));
    String text = string(message, "text");
    JsonArray entities = array(message, "entities");
    if (text.isEmpty()) {
      text = string(message, "caption");
      entities = array(message, "caption_entities");
    }
    List<Attachment> attachments = attachments(message);
    if (chat == null || from == null || (text.isBlank() && attachments.isEmpty())) {
      return Optional.empty();
    }
    JsonObject repliedTo = object(message, "reply_to_message");
    String quoted = "";
    boolean replyToBot = false;
    if (repliedTo != null) {
      quoted = string(repliedTo, "text").isEmpty() ? string(repliedTo, "caption") : string(repliedTo, "text");
      JsonObject author = object(repliedTo, "from");
      replyToBot = author != null && ((!bot.id().isEmpty() && bot.id().equals(string(author, "id")))
          || (Boolean.TRUE.equals(author.getValue("is_bot")) && bot.isNamed(string(author, "username"))));
    }
    Addressing addressing = addressing(text, entities);
    if (addressing.otherBot) {
      return Optional.empty();
    }
    boolean mentioned = addressing.mentioned || replyToBot;
    if (chat.type() == ChatEvent.ChatType.GROUP && !mentioned && !addressing.command) {
      return Optional.empty();
    }
    ChatEvent event = new ChatEvent(TelegramChannel.PLATFORM, chat, from, addressing.text, mentioned, null,
        string(message, "message_id"), quoted, attachments);
    return Optional.of(new Incoming(event, null));
  }

  /**
   * The photo (the largest of its {@code PhotoSize}s, by {@code file_id}) and the {@code location}
   * (or {@code venue}, with its title and address) of a message.
   */
  private static List<Attachment> attachments(JsonObject message) {
    List<Attachment> out = new ArrayList<>();
    JsonArray photo = array(message, "photo");
    JsonObject largest = null;
    for (int i = 0; photo != null && i < photo.size(); i++) {
      if (photo.getValue(i) instanceof JsonObject size && !string(size, "file_id").isEmpty()
          && (largest == null || area(size) >= area(largest))) {
        largest = size;
      }
    }
    if (largest != null) {
      out.add(Attachment.imageRef(string(largest, "file_id")));
    }
    JsonObject venue = object(message, "venue");
    JsonObject location = venue != null ? object(venue, "location") : object(message, "location");
    if (location != null && location.getValue("latitude") instanceof Number lat
        && location.getValue("longitude") instanceof Number lng) {
      String label = venue == null ? "" : (string(venue, "title") + " " + string(venue, "address")).strip();
      try {
        out.add(Attachment.location(lat.doubleValue(), lng.doubleValue(), label));
      } catch (IllegalArgumentException e) {
        // Coordinates off the globe: not a location.
      }
    }
    return out;
  }

  private static long area(JsonObject size) {
    long w = size.getValue("width") instanceof Number n ? n.longValue() : 0;
    long h = size.getValue("height") instanceof Number n ? n.longValue() : 0;
    return w * h;
  }

  private Optional<Incoming> callback(JsonObject query) {
    String id = string(query, "id");
    String data = string(query, "data");
    ChatEvent.Sender from = sender(object(query, "from"));
    JsonObject message = object(query, "message");
    ChatEvent.Chat chat = message == null ? null : chat(object(message, "chat"));
    if (id.isEmpty() || data.isEmpty() || from == null || chat == null) {
      return Optional.empty();
    }
    String shown = string(message, "text").isEmpty() ? string(message, "caption") : string(message, "text");
    ChatEvent event = new ChatEvent(TelegramChannel.PLATFORM, chat, from, "", true, data,
        string(message, "message_id"), shown);
    return Optional.of(new Incoming(event, id));
  }

  /** What the message's entities say about the bot, and the text with the bot's name taken out. */
  private Addressing addressing(String text, JsonArray entities) {
    record Cut(int start, int end) {
    }
    List<Cut> cuts = new ArrayList<>();
    boolean mentioned = false;
    boolean command = false;
    boolean otherBot = false;
    for (int i = 0; entities != null && i < entities.size(); i++) {
      if (!(entities.getValue(i) instanceof JsonObject entity)) {
        continue;
      }
      int offset = entity.getValue("offset") instanceof Number n ? n.intValue() : -1;
      int length = entity.getValue("length") instanceof Number n ? n.intValue() : -1;
      // Offsets count UTF-16 code units, as Java strings do.
      if (offset < 0 || length <= 0 || offset + length > text.length()) {
        continue;
      }
      String value = text.substring(offset, offset + length);
      switch (string(entity, "type")) {
        case "mention" -> {
          if (bot.isNamed(value)) {
            mentioned = true;
            cuts.add(new Cut(offset, offset + length));
          }
        }
        case "text_mention" -> {
          JsonObject user = object(entity, "user");
          mentioned |= user != null && !bot.id().isEmpty() && bot.id().equals(string(user, "id"));
        }
        case "bot_command" -> {
          int at = value.indexOf('@');
          boolean leading = text.substring(0, offset).isBlank();
          if (at < 0) {
            command |= leading;
          } else if (bot.isNamed(value.substring(at + 1))) {
            command |= leading;
            mentioned = true;
            cuts.add(new Cut(offset + at, offset + length));
          } else if (leading) {
            otherBot = true;
          }
        }
        default -> {
        }
      }
    }
    StringBuilder kept = new StringBuilder(text);
    cuts.stream().sorted(Comparator.comparingInt(Cut::start).reversed()).forEach(cut -> {
      kept.delete(cut.start(), cut.end());
      int at = cut.start();
      if (at > 0 && at < kept.length() && kept.charAt(at - 1) == ' ' && kept.charAt(at) == ' ') {
        kept.deleteCharAt(at);
      }
    });
    return new Addressing(kept.toString().strip(), mentioned, command, otherBot);
  }

  private record Addressing(String text, boolean mentioned, boolean command, boolean otherBot) {
  }

  private static ChatEvent.Chat chat(JsonObject chat) {
    if (chat == null || string(chat, "id").isEmpty()) {
      return null;
    }
    return switch (string(chat, "type")) {
      case "private" -> new ChatEvent.Chat(string(chat, "id"), ChatEvent.ChatType.PRIVATE);
      case "group", "supergroup" -> new ChatEvent.Chat(string(chat, "id"), ChatEvent.ChatType.GROUP);
      default -> null;
    };
  }

  /** The author, unless missing or a bot (bots do not talk to Linli). */
  private static ChatEvent.Sender sender(JsonObject from) {
    if (from == null || string(from, "id").isEmpty() || Boolean.TRUE.equals(from.getValue("is_bot"))) {
      return null;
    }
    String name = (string(from, "first_name") + " " + string(from, "last_name")).strip();
    return new ChatEvent.Sender(string(from, "id"), name);
  }

  private static JsonObject object(JsonObject parent, String key) {
    return parent.getValue(key) instanceof JsonObject o ? o : null;
  }

  private static JsonArray array(JsonObject parent, String key) {
    return parent.getValue(key) instanceof JsonArray a ? a : null;
  }

  /** A string or number field as text; empty when missing or of another kind. */
  private static String string(JsonObject parent, String key) {
    Object value = parent.getValue(key);
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number n) {
      return n instanceof Double || n instanceof Float ? String.valueOf(n.longValue()) : n.toString();
    }
    return "";
  }
}
