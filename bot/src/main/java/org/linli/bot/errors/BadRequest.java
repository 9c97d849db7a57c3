package org.linli.bot.errors;

/** The request is not one the service can act on (a missing or malformed field). */
public final class BadRequest extends DomainException {

  public BadRequest(String message) {
    super(message);
  }
}
