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
  DIRECTORY_HINT,

  COMMAND_ASK_EMPTY,
  COMMAND_UNKNOWN,

  GUIDE_GONE,

  FORWARD_HOW,

  BUTTON_EXPIRED,

  FORMAT_WHEN,

  DURATION_MINUTES,
  DURATION_HOURS,
  DURATION_DAYS,

  CATEGORY_EMERGENCY,
  CATEGORY_REPAIR,
  CATEGORY_ELDERLY,
  CATEGORY_SOCIAL_ASSISTANCE,
  CATEGORY_CONSULTATION,

  HELP_EMPTY,
  HELP_BUTTON_EXPIRED,
  HELP_LIMIT,
  HELP_URGENT,
  HELP_RECEIVED,
  HELP_RECEIVED_LIMIT,
  HELP_RECEIVED_END,

  STATUS_NONE,
  STATUS_RECENT,
  STATUS_RECENT_HINT,
  STATUS_NOT_FOUND,
  STATUS_NOT_YOURS,
  STATUS_DETAILS,
  STATUS_DETAILS_OPENED,
  STATUS_DETAILS_DUE,
  STATUS_DETAILS_NOTE,

  RATE_USAGE,
  RATE_NOT_FOUND,
  RATE_NOT_YOURS,
  RATE_BAD,
  RATE_NOT_YET,
  RATE_REOPENED,
  RATE_THANKS,
  RATE_BUTTON_EXPIRED,
  RATE_BUTTON_1,
  RATE_BUTTON_2,
  RATE_BUTTON_3,
  RATE_BUTTON_4,
  RATE_BUTTON_5,

  HUB_REPLY,
  HUB_STATUS,
  HUB_WAITING_RESIDENT,
  HUB_RESOLVED,

  TIMER_DUE_SOON,
  TIMER_OVERDUE,
  TIMER_URGENT,
  TIMER_DUE,

  TICKET_STATUS_RECEIVED,
  TICKET_STATUS_DISPATCHED,
  TICKET_STATUS_IN_PROGRESS,
  TICKET_STATUS_WAITING_RESIDENT,
  TICKET_STATUS_RESOLVED,
  TICKET_STATUS_CLOSED,
  TICKET_STATUS_REJECTED,
  TICKET_STATUS_MERGED,
  TICKET_RATED,

  PERSONAL_ADDRESS,
  PERSONAL_ID_CARD,
  PERSONAL_MOBILE,
  PERSONAL_NUMBER,

  BIND_USAGE,
  BIND_VOTING,
  BIND_CURRENT,
  BIND_SIX_DIGITS,
  BIND_ALREADY_USED,
  BIND_TOO_MANY_ATTEMPTS,
  BIND_UNKNOWN,
  BIND_BOUND,
  BIND_REBOUND,
  BIND_MOVED,

  HOUSEHOLD_BUILDING,
  HOUSEHOLD_UNIT,

  LIST_SEPARATOR;

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
