package org.linli.bot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.bot.text.Text;
import org.linli.bot.text.Words;

/**
 * Masks what identifies a person (mainland ID-card numbers, mobile and landline numbers) before a
 * text goes into a log line or a stored statistic.
 */
public final class PersonalData {

  private static final Pattern ID_CARD = Pattern
      .compile("(?<!\\d)\\d{6}(19|20)\\d{2}(0[1-9]|1[0-2])\\d{2}\\d{3}[\\dXx](?!\\d)");
  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?!\\d)");
  /**
   * Landlines and other long numbers (card and account numbers), but not the digits of a decimal
   * fraction: a logged timestamp's nanoseconds ({@code 06:43:43.123456789Z}) are nobody's number.
   */
  private static final Pattern LONG_NUMBER = Pattern
      .compile("(?<!\\d)(?<!\\d\\.)\\d{3,4}-?\\d{7,8}(?!\\d)|(?<!\\d)(?<!\\d\\.)\\d{9,}(?!\\d)");

  private PersonalData() {
  }

  private static final Pattern ADDRESS = Words.PERSONAL_ADDRESS.pattern();

  /**
   * For anything posted where others read it (a group): ID, phone numbers and street or building
   * addresses ({@code 3号楼2单元601}, {@code 幸福路12号}) masked.
   */
  public static String maskForGroup(String text) {
    String out = mask(text);
    return out == null ? null : ADDRESS.matcher(out).replaceAll(Matcher.quoteReplacement(Text.PERSONAL_ADDRESS.of()));
  }

  /** The text with ID numbers and phone numbers replaced by asterisks. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String out = ID_CARD.matcher(text).replaceAll(Matcher.quoteReplacement(Text.PERSONAL_ID_CARD.of()));
    out = MOBILE.matcher(out).replaceAll(Matcher.quoteReplacement(Text.PERSONAL_MOBILE.of()));
    return LONG_NUMBER.matcher(out).replaceAll(Matcher.quoteReplacement(Text.PERSONAL_NUMBER.of()));
  }
}
