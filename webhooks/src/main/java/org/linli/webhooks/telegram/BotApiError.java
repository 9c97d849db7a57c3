package org.linli.webhooks.telegram;

import java.util.Locale;
import org.linli.webhooks.ChannelSender.SendFailure;

/**
 * A Bot API call that did not succeed: the status Telegram gave ({@code error_code}, else the HTTP
 * status; 0 when no answer came), its {@code description} (never message content), and the
 * seconds Telegram asked us to wait ({@code parameters.retry_after}).
 */
public final class BotApiError extends RuntimeException {

  private final int status;
  private final String description;
  private final long retryAfterSeconds;
  private final boolean temporary;

  BotApiError(String method, int status, String description, long retryAfterSeconds, boolean temporary) {
    super("Telegram " + method + (status == 0 ? "" : " answered " + status) + ": " + description, null, false, false);
    this.status = status;
    this.description = description;
    this.retryAfterSeconds = Math.max(0, retryAfterSeconds);
    this.temporary = temporary;
  }

  /** Telegram's error code or the HTTP status; 0 when the call got no usable answer. */
  public int status() {
    return status;
  }

  /** Telegram's explanation, e.g. {@code Forbidden: bot can't initiate conversation with a user}. */
  public String description() {
    return description;
  }

  /** Seconds to wait before trying again, or 0. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** True when trying again later may succeed (429, 5xx, timeouts, garbled answers). */
  public boolean temporary() {
    return temporary;
  }

  /**
   * True when the person cannot be written to privately: they never started the bot, blocked it,
   * or Telegram does not know the chat.
   */
  public boolean unreachable() {
    return status == 403 || (status == 400 && description.toLowerCase(Locale.ROOT).contains("chat not found"));
  }

  /** The same failure in the form the outbox understands. */
  public SendFailure toSendFailure() {
    return new SendFailure(getMessage(), !temporary, retryAfterSeconds);
  }
}
