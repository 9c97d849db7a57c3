package org.linli.bot.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The Chinese words the bot matches and reads rather than sends: command aliases, patterns for
 * votes, numbers and addresses, the words of categories, household-register headers. A constant
 * {@code POLL_NUMBER_REPLY} is the key {@code poll.number.reply} of {@code words.properties}; values are
 * written in Simplified, the form residents' text is folded to before matching.
 */
public enum Words implements BundleKey {
  SMALLTALK_THANKS,
  SMALLTALK_FAREWELL,
  SMALLTALK_GREETING,
  SMALLTALK_ACKNOWLEDGEMENT,

  CARD_SENTENCE_END,
  CARD_CLAUSE_END,
  CARD_PLACE_HEADING,
  CARD_ITEM_END,
  CARD_LOCAL_OFFICE,

  GUIDE_CATEGORIES,
  GUIDE_CATEGORY_OTHER,
  GUIDE_NUMBER,

  COMMAND_ASK,
  COMMAND_GUIDES,
  COMMAND_ABOUT,
  COMMAND_HELP,
  COMMAND_STATUS,
  COMMAND_RATE,

  CATEGORY_EMERGENCY,
  CATEGORY_REPAIR,
  CATEGORY_ELDERLY,
  CATEGORY_SOCIAL,
  CATEGORY_GUIDE_ELDERLY,
  CATEGORY_GUIDE_SOCIAL,

  COMMAND_BIND,

  PERSONAL_ADDRESS,

  REGISTER_HEADER_HOUSEHOLD,
  REGISTER_HEADER_BUILDING,
  REGISTER_HEADER_UNIT,
  REGISTER_HEADER_ROOM,
  REGISTER_HEADER_AREA,
  REGISTER_HEADER_OWNERS,
  REGISTER_HEADER_NAMES,
  REGISTER_HEADER_PHONES,
  REGISTER_HEADER_NOTE,
  REGISTER_AREA_UNIT,
  REGISTER_NAME_SEPARATORS,
  REGISTER_PHONE_SEPARATORS,
  REGISTER_PHONE,

  COMMAND_POLL,
  COMMAND_VOTE,
  COMMAND_CLOSE,
  COMMAND_RESULTS,
  COMMAND_EXTEND,

  POLL_QUOTED,
  POLL_NUMBER_REPLY,
  POLL_VOTE_COMMAND,
  POLL_CHOICE_SEPARATORS,
  POLL_REASON_LABEL,
  POLL_FLAG,
  POLL_DURATION,
  POLL_DURATION_MINUTES,
  POLL_DURATION_HOURS,
  POLL_DURATION_DAYS,
  POLL_OPTION_SEPARATORS,
  POLL_OPTION_EDGES,

  CHART_NO_LINE_START,
  CHART_FONT_PROBE,

  COMMAND_PROPOSE,
  COMMAND_SUPPORT,
  COMMAND_AGENDA,
  COMMAND_ACCEPT,
  COMMAND_DECLINE,
  COMMAND_FOLLOWUP,
  FOLLOWUP_DONE_FLAG,
  POLL_YES_WORDS,
  POLL_NO_WORDS,
  POLL_ABSTAIN_WORDS,
  POLL_NOT_PREFIX,
  COMMAND_REPLY,
  COMMAND_EVALUATE,
  // Intake that asks once (issue 12, item 3)
  PLACE_ADDRESS,
  PLACE_NAMED;

  /** The value as written. */
  public String text() {
    return Bundles.word(key());
  }

  /** The value as a regular expression. */
  public Pattern pattern() {
    return Pattern.compile(text());
  }

  /** The value as a list: its items separated by {@code |}. */
  public List<String> list() {
    return List.of(text().split("\\|"));
  }
}
