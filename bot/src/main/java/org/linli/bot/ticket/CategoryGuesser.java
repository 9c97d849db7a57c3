package org.linli.bot.ticket;

import java.util.regex.Pattern;
import org.linli.bot.text.Words;

/**
 * A first guess at what kind of help a message asks for, from its words and from the intent rule
 * that made it a help request ({@code emergency}, {@code repair}, {@code action}). The guess sets
 * the time limit; an operator corrects it with {@link TicketStore#setCategory}. Checked in order of
 * how soon someone must act: emergency, repair, elderly, social assistance, else consultation.
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

  /** The category for a help request; {@code intentRule} may be null. */
  public String guess(String text, String intentRule) {
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
