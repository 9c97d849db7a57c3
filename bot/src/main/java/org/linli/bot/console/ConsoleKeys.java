package org.linli.bot.console;

/**
 * Every Redis key of the console, in one place. All share the hash tag {@code {console}}, so a
 * script may touch several of them on one cluster slot.
 */
final class ConsoleKeys {

  private static final String PREFIX = "console:{console}:";

  /** Set of every account name. */
  static final String ACCOUNTS = PREFIX + "accounts";
  /** Stream of audit entries, capped. */
  static final String AUDIT = PREFIX + "audit";

  private ConsoleKeys() {
  }

  /** Hash of one account: role, communities, password (hashed), disabled, created. */
  static String account(String name) {
    return PREFIX + "account:" + name;
  }

  /** Hash of one session, keyed by the SHA-256 of its id (the cookie's value never rests in Redis). */
  static String session(String idHash) {
    return PREFIX + "session:" + idHash;
  }

  /** Set of the session keys of one account, to end them all when the account changes. */
  static String sessionsOf(String name) {
    return PREFIX + "sessions:" + name;
  }

  /** Counter of failed logins for one user name within the window. */
  static String failuresOfUser(String name) {
    return PREFIX + "failures:user:" + name;
  }

  /** Counter of failed logins from one address within the window. */
  static String failuresOfAddress(String address) {
    return PREFIX + "failures:ip:" + address;
  }

  /** Hash of one API token, keyed by the SHA-256 of the token: account, label, created. */
  static String token(String tokenHash) {
    return PREFIX + "token:" + tokenHash;
  }

  /** Set of the token hashes of one account. */
  static String tokensOf(String name) {
    return PREFIX + "tokens:" + name;
  }
}
