package org.linli.bot.console;

/**
 * A signed-in browser: the id its cookie holds (known to the browser only; Redis keeps its
 * SHA-256), the account, and the token every changing form of this session must carry (CSRF).
 */
public record Session(String id, Account account, String csrf) {

  /** True when {@code presented} is this session's CSRF token (constant time). */
  public boolean csrfMatches(String presented) {
    return Digests.same(csrf, presented);
  }
}
