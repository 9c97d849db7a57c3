package org.linli.bot.ticket;

/**
 * What a status change (or a rating) did. {@code current} is the status the ticket is in now —
 * the new one when applied, the unchanged one when refused; null for an unknown receipt and for a
 * request turned down before Redis was asked (no reason, a rating outside 1–5). {@code ticket} is
 * the ticket after the change, null unless applied.
 */
public record TransitionResult(Outcome outcome, TicketStatus previous, TicketStatus current, Ticket ticket) {

  /** Applied, or why not. */
  public enum Outcome {
    APPLIED,
    /** Not a legal move from the current status (or a rating of a ticket not resolved). */
    REFUSED,
    /** Rejecting or merging needs a reason. */
    MISSING_REASON,
    /** A rating outside 1–5. */
    BAD_RATING,
    UNKNOWN
  }

  /** True if the change was made. */
  public boolean applied() {
    return outcome == Outcome.APPLIED;
  }

  static TransitionResult unknown() {
    return new TransitionResult(Outcome.UNKNOWN, null, null, null);
  }
}
