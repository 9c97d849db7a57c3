package org.linli.webhooks.telegram;

import java.util.Objects;
import org.linli.webhooks.ChatEvent;

/**
 * One Telegram update as the bot sees it, plus what Telegram needs to answer it: the id of the
 * button press ({@code callback_query.id}), which must be answered even when the bot says nothing.
 * For a button press, {@link ChatEvent#messageId()} is the id of the message that carries the
 * buttons (a poll), so {@link TelegramSender#editMessageText} can update it.
 */
public record Incoming(ChatEvent event, String callbackQueryId) {

  public Incoming {
    Objects.requireNonNull(event, "event");
    callbackQueryId = callbackQueryId == null ? "" : callbackQueryId;
  }

  /** True for a button press. */
  public boolean isCallback() {
    return !callbackQueryId.isEmpty();
  }
}
