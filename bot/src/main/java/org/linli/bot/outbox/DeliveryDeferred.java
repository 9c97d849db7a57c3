package org.linli.bot.outbox;

/**
 * A message that cannot be tried yet because its channel is not configured: it goes back to the
 * queue for another look one lease later, and the attempt does not count towards the retry
 * schedule, so nothing becomes a dead letter while an operator has yet to set the channel up.
 */
public final class DeliveryDeferred extends RuntimeException {

  public DeliveryDeferred(String message) {
    super(message, null, false, false);
  }
}
