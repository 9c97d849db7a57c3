package org.linli.bot.errors;

/** The change conflicts with the current state (an illegal transition, a replayed call). */
public final class Conflict extends DomainException {

  public Conflict(String message) {
    super(message);
  }

  /** {@code message} for the API, {@code sentence} for a person (the console shows it). */
  public Conflict(String message, String sentence) {
    super(message, sentence);
  }
}
