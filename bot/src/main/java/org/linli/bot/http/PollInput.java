package org.linli.bot.http;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.text.Text;

/**
 * The bounds of a poll draft that the API checks before anything reaches the store: whole numbers
 * within their range (no overflow, no fraction), dates within {@link #HORIZON} of now, and texts
 * without control characters (U+0000–U+001F, U+007F; U+001F separates the options in Redis).
 * Each failure is a 400 with a sentence.
 */
final class PollInput {

  /** How far ahead a poll may open or close. */
  static final Duration HORIZON = Duration.ofDays(2 * 365);

  /** The most minutes a reminder may come before the deadline (the horizon). */
  static final long MAX_REMIND_MINUTES = HORIZON.toMinutes();

  private PollInput() {
  }

  /**
   * The field as a whole number within {@code min..max}, or {@code fallback} when absent. JSON
   * numbers arrive as Integer, Long, Double or BigInteger/BigDecimal: each is compared exactly.
   */
  static long wholeNumber(JsonObject body, String field, long min, long max, long fallback) {
    Object v = body.getValue(field);
    if (v == null) {
      return fallback;
    }
    BadRequest range = PollRefusal.of("\"" + field + "\" must be a whole number from " + min + " to " + max,
        Text.POLL_REFUSED_NUMBER, PollRefusal.label(field), min, max);
    if (!(v instanceof Number n)) {
      throw range;
    }
    BigDecimal exact;
    try {
      exact = new BigDecimal(n.toString());
    } catch (NumberFormatException e) {
      throw range; // NaN or infinity
    }
    if (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0) {
      throw range;
    }
    if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw range;
    }
    return exact.longValueExact();
  }

  /** Refuses a text holding a control character. */
  static String plainText(String field, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw PollRefusal.of("\"" + field + "\" holds a control character (U+"
            + String.format("%04X", (int) c) + "); write it as plain text on one line", Text.POLL_REFUSED_CONTROL,
            PollRefusal.label(field));
      }
    }
    return text;
  }

  /** Refuses an instant further than {@link #HORIZON} from {@code now}. */
  static Instant withinHorizon(String field, Instant at, Instant now) {
    if (at.isAfter(now.plus(HORIZON))) {
      throw PollRefusal.of("\"" + field + "\" is more than two years ahead; a consultation is decided sooner",
          Text.POLL_REFUSED_HORIZON, PollRefusal.label(field));
    }
    return at;
  }
}
