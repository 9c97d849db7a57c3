package org.linli.bot.text;

import java.util.Locale;

/**
 * Every text the bot sends or shows, by key: a constant {@code POLL_CLOSED} is the key {@code
 * poll.closed} of {@code messages.properties} (Simplified) and {@code messages_zh_TW.properties}
 * (Traditional, Taiwan's characters and words). {@code {0}}, {@code {1}} ... are the arguments
 * in order. A test keeps the constants and both bundles the same set.
 */
public enum Text {
  ANSWER_NOT_SURE,
  ANSWER_NOT_SURE_MAYBE,
  ANSWER_FORWARD_ALSO,
  ANSWER_EMERGENCY,
  ANSWER_FORWARD_OFFER,
  ANSWER_INTRODUCTION,

  BUTTON_FORWARD,
  BUTTON_HELPFUL,
  BUTTON_UNHELPFUL,

  FEEDBACK_EXPIRED,
  FEEDBACK_THANKS,
  FEEDBACK_ALREADY,
  FEEDBACK_SORRY,
  FEEDBACK_MAYBE,

  SMALLTALK_THANKS,
  SMALLTALK_GREETING,
  SMALLTALK_FAREWELL,
  SMALLTALK_ACKNOWLEDGEMENT,

  CARD_FULL_TEXT,
  CARD_OFFICE,
  CARD_SOURCE,
  CARD_UPDATED,
  CARD_LABEL,
  CARD_ITEM_SEPARATOR,
  CARD_MORE,

  DIRECTORY_HEADING,
  DIRECTORY_HINT;

  private final String key = name().toLowerCase(Locale.ROOT).replace('_', '.');

  /** The key in the bundles. */
  public String key() {
    return key;
  }

  /** The Simplified text with its arguments filled in. */
  public String of(Object... args) {
    return Bundles.format(Bundles.simplified(key), args);
  }

  /** The Traditional text with its arguments filled in. */
  public String traditional(Object... args) {
    return Bundles.format(Bundles.traditional(key), args);
  }

  /** The text in the script asked for. */
  public String in(boolean traditional, Object... args) {
    return traditional ? traditional(args) : of(args);
  }
}
