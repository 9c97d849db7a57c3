package org.linli.bot.errors;

/** The thing asked for does not exist (no such poll, ticket or dead letter). */
public final class NotFound extends DomainException {

  public NotFound(String message) {
    super(message);
  }
}
