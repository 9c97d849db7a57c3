package org.linli.bot.ticket;

import java.util.Objects;

/**
 * Where a request for help came from: the chat it was written in (platform, chat id, chat type,
 * message id) and the resident ({@code platform:userId}), so updates go back to the same place.
 */
public record TicketSource(String platform, String chatId, String chatType, String messageId, String resident) {

  public TicketSource {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(resident, "resident");
    if (resident.isBlank()) {
      throw new IllegalArgumentException("resident must be platform:userId");
    }
    chatId = chatId == null ? "" : chatId;
    chatType = chatType == null ? "" : chatType;
    messageId = messageId == null ? "" : messageId;
  }
}
