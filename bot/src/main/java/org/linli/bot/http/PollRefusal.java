package org.linli.bot.http;

import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.Conflict;
import org.linli.bot.text.Text;

/**
 * The refusals of a poll the API will not open, with two sentences: the API's own in English (the
 * JSON error's {@code detail}, as clients and scripts read it) and one for a person in Chinese
 * ({@link org.linli.bot.errors.DomainException#sentence}), which the console's poll form shows.
 * Fields are named in the person's sentence by their form labels.
 */
public final class PollRefusal {

  private PollRefusal() {
  }

  /** A 400 with the API's {@code english} sentence and the Simplified text of {@code chinese}. */
  public static BadRequest of(String english, Text chinese, Object... args) {
    return new BadRequest(english, chinese.of(args));
  }

  /** A 409 (the current state refuses it: a household ballot while the register is empty). */
  public static Conflict conflict(String english, Text chinese, Object... args) {
    return new Conflict(english, chinese.of(args));
  }

  /** The console's label of a body field ({@code closesAt} → 截止时间). */
  static String label(String field) {
    Text label = switch (field) {
      case "chat" -> Text.POLL_FIELD_CHAT;
      case "question" -> Text.POLL_FIELD_QUESTION;
      case "options" -> Text.POLL_FIELD_OPTIONS;
      case "opensAt" -> Text.POLL_FIELD_OPENS_AT;
      case "closesAt" -> Text.POLL_FIELD_CLOSES_AT;
      case "remindMinutesBefore" -> Text.POLL_FIELD_REMIND;
      case "multi" -> Text.POLL_FIELD_MULTI;
      case "minParticipation" -> Text.POLL_FIELD_MIN;
      default -> null;
    };
    return label == null ? field : label.of();
  }
}
