package org.linli.bot.outbox;

/**
 * A delivery failure that no retry can mend (the receiver refused the message as malformed, the
 * platform is unknown): the message becomes a dead letter at once. The text is kept with the dead
 * letter, so it names ids and statuses, never message content.
 */
public final class PermanentFailure extends RuntimeException {

  public PermanentFailure(String message) {
    super(message, null, false, false);
  }
}
