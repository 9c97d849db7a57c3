package org.linli.bot.household;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.linli.bot.text.Text;
import org.linli.bot.text.Words;

/**
 * Masks owners' names and phone numbers before they are stored: a name keeps its first character
 * (张三丰 → 张**), a phone number its first three and last four digits (13812345678 → 138****5678).
 * Enough for the office to recognise a row, not enough to call or identify anyone.
 */
public final class Masking {

  private static final Pattern NAME_SEPARATORS = Words.REGISTER_NAME_SEPARATORS.pattern();
  private static final Pattern PHONE_SEPARATORS = Words.REGISTER_PHONE_SEPARATORS.pattern();

  private static final Pattern PHONE = Words.REGISTER_PHONE.pattern();

  private Masking() {
  }

  /** A phone number that is not one (fewer than 7 or more than 15 digits). */
  public static final class NotAPhoneNumber extends IllegalArgumentException {
    private final int position;

    NotAPhoneNumber(int position) {
      super("number " + position + " is not a phone number (7 to 15 digits)");
      this.position = position;
    }

    /** Which number in the field, from 1. */
    public int position() {
      return position;
    }
  }

  /** Several names (separated by ; 、 , / or spaces) masked and joined with 、. */
  public static String names(String names) {
    List<String> out = new ArrayList<>();
    for (String name : NAME_SEPARATORS.split(names.strip())) {
      if (!name.isEmpty()) {
        out.add(name(name));
      }
    }
    return String.join(Text.LIST_SEPARATOR.of(), out);
  }

  /** One name masked: the first character, then one * for each other character (at least one). */
  public static String name(String name) {
    int first = name.codePointAt(0);
    int rest = Math.max(1, name.codePointCount(0, name.length()) - 1);
    return new StringBuilder().appendCodePoint(first).append("*".repeat(rest)).toString();
  }

  /**
   * Several phone numbers (separated by ; 、 , or /; spaces, dashes and brackets inside a number
   * are fine) masked and joined with 、.
   *
   * @throws NotAPhoneNumber when one of them is not a phone number
   */
  public static String phones(String phones) {
    List<String> out = new ArrayList<>();
    int position = 0;
    for (String phone : PHONE_SEPARATORS.split(phones.strip())) {
      if (phone.isBlank()) {
        continue;
      }
      position++;
      out.add(phone(phone, position));
    }
    return String.join(Text.LIST_SEPARATOR.of(), out);
  }

  private static String phone(String phone, int position) {
    if (!PHONE.matcher(phone).matches()) {
      throw new NotAPhoneNumber(position);
    }
    String digits = phone.replaceAll("\\D", "").replaceFirst("^(00)?86(?=1\\d{10}$)", "");
    int n = digits.length();
    if (n < 7 || n > 15) {
      throw new NotAPhoneNumber(position);
    }
    // Short numbers have no area code worth keeping: only the last four digits stay.
    return n >= 11
        ? digits.substring(0, 3) + "*".repeat(n - 7) + digits.substring(n - 4)
        : "*".repeat(n - 4) + digits.substring(n - 4);
  }
}
