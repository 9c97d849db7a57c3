package org.linli.bot.ticket;

import java.time.Instant;

/**
 * Why {@link TicketStore#open} refused: the resident has opened as many tickets in the last hour
 * as allowed. {@code retryAfter} is when the oldest of them leaves the window.
 */
public final class TicketLimitReached extends RuntimeException {

  private final transient Instant retryAfter;

  public TicketLimitReached(Instant retryAfter) {
    super("too many requests for help in the last hour; next one from " + retryAfter, null, false, false);
    this.retryAfter = retryAfter;
  }

  /** When the resident may open the next ticket. */
  public Instant retryAfter() {
    return retryAfter;
  }
}
