package org.linli.bot.redis;

import java.security.SecureRandom;

/**
 * The tokens chat buttons carry to name a short-lived record in Redis: 12 lower-case letters and
 * digits, without the look-alikes l, o, 0 and 1, from a secure random source.
 */
public final class ButtonTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] LETTERS = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

  private ButtonTokens() {
  }

  /** A new token. */
  public static String next() {
    char[] token = new char[12];
    for (int i = 0; i < token.length; i++) {
      token[i] = LETTERS[RANDOM.nextInt(LETTERS.length)];
    }
    return new String(token);
  }

  /** True for what {@link #next} could have made (anything else is not looked up). */
  public static boolean valid(String token) {
    return token.matches("[a-z2-9]{12}");
  }
}
