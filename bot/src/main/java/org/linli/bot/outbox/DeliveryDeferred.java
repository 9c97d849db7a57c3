package org.linli.bot.outbox;

import java.time.Duration;

/**
 * A message that cannot be tried yet because its channel is not configured, or that was not sent
 * at all (every connection busy): it goes back to the queue for another look one lease later (or
 * after the delay given), and the attempt does not count towards the retry schedule, so nothing
 * becomes a dead letter while an operator has yet to set the channel up or that was never sent.
 */
public final class DeliveryDeferred extends RuntimeException {

  private final Duration after;

  public DeliveryDeferred(String message) {
    this(message, null);
  }

  /** Deferred for {@code after} rather than a lease ({@code null}: a lease). */
  public DeliveryDeferred(String message, Duration after) {
    super(message, null, false, false);
    this.after = after;
  }

  /** The delay asked for, or {@code null} for one lease. */
  public Duration after() {
    return after;
  }
}
