package org.linli.bot.console;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.text.Text;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Passwords hashed with BCrypt (Spring Security's encoder, cost 10), on a worker thread since one
 * hash takes tens of milliseconds. A password is 8 to 72 bytes: BCrypt reads no further.
 */
final class Passwords {

  static final int MIN_LENGTH = 8;
  static final int MAX_BYTES = 72;

  private final Vertx vertx;
  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
  /** Checked against when the account does not exist, so both cases take the same time. */
  private final String decoy;

  Passwords(Vertx vertx) {
    this.vertx = vertx;
    this.decoy = encoder.encode(Digests.random());
  }

  /** Refuses a password the console does not accept (too short or too long) with a sentence. */
  static void check(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      throw new BadRequest(Text.CONSOLE_PASSWORD_TOO_SHORT.of(MIN_LENGTH));
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new BadRequest(Text.CONSOLE_PASSWORD_TOO_LONG.of(MAX_BYTES));
    }
  }

  Future<String> hash(String password) {
    return vertx.executeBlocking(() -> encoder.encode(password), false);
  }

  /** True when {@code password} is the one {@code hash} was made from; a null hash matches nothing (in the same time). */
  Future<Boolean> matches(String password, String hash) {
    return vertx.executeBlocking(() -> {
      if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
        return false;
      }
      boolean match = encoder.matches(password, hash == null ? decoy : hash);
      return hash != null && match;
    }, false);
  }
}
