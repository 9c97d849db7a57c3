package org.linli.bot.errors;

/** The request is not one the service can act on (a missing or malformed field). */
public final class BadRequest extends DomainException {

  public BadRequest(String message) {
    super(message);
  }

  /** {@code message} for the API, {@code sentence} for a person (the console shows it). */
  public BadRequest(String message, String sentence) {
    super(message, sentence);
  }
}
