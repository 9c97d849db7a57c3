package org.linli.bot.ticket;

import java.util.regex.Pattern;
import org.linli.bot.text.Words;

/**
 * A first guess at what kind of help a message asks for, from its words and from the intent rule
 * that made it a help request ({@code emergency}, {@code repair}, {@code action}), and from what
 * the guides say the request is about: the category and tags of the guide its words match (养老助残,
 * 社会救助 …), for a request whose own words name no category (帮我申请五保供养). The guess sets the
 * time limit; an operator corrects it with {@link TicketStore#setCategory}. Checked in order of how
 * soon someone must act: emergency, repair, elderly, social assistance, else consultation. A guide's
 * words never make a request an emergency or a repair: those come from the resident's own words.
 */
public final class CategoryGuesser {

  public static final String EMERGENCY = "emergency";
  public static final String REPAIR = "repair";
  public static final String ELDERLY = "elderly";
  public static final String SOCIAL_ASSISTANCE = "social_assistance";
  public static final String CONSULTATION = "consultation";

  private static final Pattern EMERGENCY_WORDS = Words.CATEGORY_EMERGENCY.pattern();
  private static final Pattern REPAIR_WORDS = Words.CATEGORY_REPAIR.pattern();
  private static final Pattern ELDERLY_WORDS = Words.CATEGORY_ELDERLY.pattern();
  private static final Pattern SOCIAL_WORDS = Words.CATEGORY_SOCIAL.pattern();
  private static final Pattern GUIDE_ELDERLY = Words.CATEGORY_GUIDE_ELDERLY.pattern();
  private static final Pattern GUIDE_SOCIAL = Words.CATEGORY_GUIDE_SOCIAL.pattern();

  /** The category for a help request from its own words; {@code intentRule} may be null. */
  public String guess(String text, String intentRule) {
    return guess(text, intentRule, "");
  }

  /**
   * The category for a help request; {@code guideTopics} is the category and tags of the guide the
   * request is about (blank when no guide is), consulted only when the request's words name none.
   */
  public String guess(String text, String intentRule, String guideTopics) {
    String own = fromWords(text, intentRule);
    if (!own.equals(CONSULTATION) || guideTopics == null || guideTopics.isBlank()) {
      return own;
    }
    if (GUIDE_ELDERLY.matcher(guideTopics).find()) {
      return ELDERLY;
    }
    return GUIDE_SOCIAL.matcher(guideTopics).find() ? SOCIAL_ASSISTANCE : CONSULTATION;
  }

  private static String fromWords(String text, String intentRule) {
    String t = text == null ? "" : text;
    if (EMERGENCY.equals(intentRule) || EMERGENCY_WORDS.matcher(t).find()) {
      return EMERGENCY;
    }
    if (REPAIR.equals(intentRule) || REPAIR_WORDS.matcher(t).find()) {
      return REPAIR;
    }
    if (ELDERLY_WORDS.matcher(t).find()) {
      return ELDERLY;
    }
    if (SOCIAL_WORDS.matcher(t).find()) {
      return SOCIAL_ASSISTANCE;
    }
    return CONSULTATION;
  }
}
