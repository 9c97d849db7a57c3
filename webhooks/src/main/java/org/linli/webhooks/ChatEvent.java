package org.linli.webhooks;

import java.util.List;
import java.util.Objects;

/**
 * A message or button press from any chat platform, in one neutral shape: every adapter turns its
 * platform's callback into this, and the bot never sees a platform's own format.
 *
 * @param platform adapter name ({@code generic}, {@code telegram} ...)
 * @param chat where it was said
 * @param from who said it
 * @param text the message text (empty for a button press)
 * @param mentioned whether the bot was addressed (always true in a private chat)
 * @param callback data of the button pressed, or null
 * @param messageId the platform's message id, or null
 * @param quoted the text of the message this one replies to (quotes), or empty — residents vote
 *     by replying to a poll with an option number
 * @param attachments the photos and locations sent with the message (often with no text), or empty
 */
public record ChatEvent(
    String platform,
    Chat chat,
    Sender from,
    String text,
    boolean mentioned,
    String callback,
    String messageId,
    String quoted,
    List<Attachment> attachments) {

  /** An event with no photo or location. */
  public ChatEvent(
      String platform, Chat chat, Sender from, String text, boolean mentioned, String callback, String messageId,
      String quoted) {
    this(platform, chat, from, text, mentioned, callback, messageId, quoted, List.of());
  }

  /** An event that quotes nothing. */
  public ChatEvent(
      String platform, Chat chat, Sender from, String text, boolean mentioned, String callback, String messageId) {
    this(platform, chat, from, text, mentioned, callback, messageId, "");
  }

  public ChatEvent {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(from, "from");
    text = text == null ? "" : WellFormedText.of(text);
    quoted = quoted == null ? "" : WellFormedText.of(quoted);
    mentioned = mentioned || chat.type() == ChatType.PRIVATE;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** True when the resident sent a photo or a location. */
  public boolean hasAttachments() {
    return !attachments.isEmpty();
  }

  /** A conversation: a group or a one-to-one chat. */
  public record Chat(String id, ChatType type) {
    public Chat {
      Objects.requireNonNull(id, "chat.id");
      Objects.requireNonNull(type, "chat.type");
    }
  }

  /** The person who wrote; {@code name} is personal data and never logged. */
  public record Sender(String id, String name) {
    public Sender {
      Objects.requireNonNull(id, "from.id");
      name = name == null ? "" : name;
    }

    @Override
    public String toString() {
      return "Sender[id=" + id + "]";
    }
  }

  /** Group or private chat. */
  public enum ChatType {
    GROUP,
    PRIVATE
  }

  /** Who said it, on which platform. */
  public Identity identity() {
    return new Identity(platform, from.id());
  }

  /** Where it was said, on which platform. */
  public ChatRef chatRef() {
    return new ChatRef(platform, chat.id());
  }

  /** True when this is a button press rather than a typed message. */
  public boolean isCallback() {
    return callback != null && !callback.isEmpty();
  }
}
