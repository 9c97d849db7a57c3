package org.linli.webhooks.hub;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.linli.webhooks.ChannelSender.SendFailure;

/**
 * How a hub's HTTP status is read, the same for both hub protocols: 410 means the hub is gone, 408,
 * 429 and 5xx are worth another try later (with the {@code Retry-After} of a 429 or 503), and every
 * other status is a refusal that no retry will change.
 */
final class HubAnswers {

  private HubAnswers() {
  }

  static boolean success(int status) {
    return status >= 200 && status < 300;
  }

  static boolean temporary(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /** The failure for a non-2xx answer; {@code what} names the request in the message. */
  static RuntimeException failure(String what, int status, String retryAfterHeader, Clock clock) {
    if (status == 410) {
      return new HubGone(what);
    }
    if (temporary(status)) {
      long wait = status == 429 || status == 503 ? retryAfterSeconds(retryAfterHeader, clock) : 0;
      return new SendFailure("hub answered " + status + " to " + what, false, wait);
    }
    return new SendFailure("hub answered " + status + " to " + what, true);
  }

  /** A failure to reach the hub at all (refused connection, timeout, reset): temporary. */
  static SendFailure unreachable(String what, Throwable cause) {
    return new SendFailure("hub unreachable for " + what + ": " + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : " " + cause.getMessage()), false);
  }

  /**
   * The seconds a {@code Retry-After} header asks for, given as seconds or as an HTTP date; 0 when
   * absent or unreadable.
   */
  static long retryAfterSeconds(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return 0;
    }
    String value = header.strip();
    try {
      return Math.max(0, Long.parseLong(value));
    } catch (NumberFormatException notSeconds) {
      try {
        long at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        return Math.max(0, at - clock.instant().getEpochSecond());
      } catch (DateTimeParseException notADate) {
        return 0;
      }
    }
  }
}
