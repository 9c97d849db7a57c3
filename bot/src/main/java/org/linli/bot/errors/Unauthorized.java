package org.linli.bot.errors;

/** The caller could not be verified (a missing signature or one that does not match). */
public final class Unauthorized extends DomainException {

  public Unauthorized(String message) {
    super(message);
  }
}
