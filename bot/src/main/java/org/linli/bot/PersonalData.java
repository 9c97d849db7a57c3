package org.linli.bot;

import java.util.regex.Pattern;

/**
 * Masks what identifies a person (mainland ID-card numbers, mobile and landline numbers) before a
 * text goes into a log line or a stored statistic.
 */
public final class PersonalData {

  private static final Pattern ID_CARD = Pattern.compile("(?<!\\d)\\d{6}(19|20)\\d{2}(0[1-9]|1[0-2])\\d{2}\\d{3}[\\dXx](?!\\d)");
  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?!\\d)");
  private static final Pattern LONG_NUMBER = Pattern.compile("(?<!\\d)\\d{3,4}-?\\d{7,8}(?!\\d)|(?<!\\d)\\d{9,}(?!\\d)");

  private PersonalData() {}

  private static final Pattern ADDRESS = Pattern.compile(
      "(?:\\p{IsHan}{1,4}(?:路|街|巷|弄|村|小区|花园|公寓))?\\d+(?:号楼|栋|幢|号)(?:\\d+单元)?(?:\\d+(?:室|号|楼)?)?"
          + "|\\d+单元\\d+(?:室|号)?");

  /**
   * For anything posted where others read it (a group): ID, phone numbers and street or building
   * addresses ({@code 3号楼2单元601}, {@code 幸福路12号}) masked.
   */
  public static String maskForGroup(String text) {
    String out = mask(text);
    return out == null ? null : ADDRESS.matcher(out).replaceAll("[地址]");
  }

  /** The text with ID numbers and phone numbers replaced by asterisks. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String out = ID_CARD.matcher(text).replaceAll("[身份证号]");
    out = MOBILE.matcher(out).replaceAll("[手机号]");
    return LONG_NUMBER.matcher(out).replaceAll("[号码]");
  }
}
