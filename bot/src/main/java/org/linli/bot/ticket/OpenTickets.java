package org.linli.bot.ticket;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.linli.bot.metrics.ServiceGauges.TimeLimitState;

/**
 * Open tickets counted by where they stand against their time limit (办理时限): within it, past
 * the reminder at 80% of it, overdue, or paused while waiting for the resident. Read for the
 * {@code linli_tickets_open} gauge; at most {@link #LIMIT} tickets per status are looked at.
 */
public final class OpenTickets {

  static final int LIMIT = 10_000;

  private final TicketStore store;

  public OpenTickets(TicketStore store) {
    this.store = store;
  }

  /** How many open tickets are in each state at {@code now}. */
  public Future<Map<TimeLimitState, Long>> byTimeLimit(Instant now) {
    return byTimeLimit(null, now);
  }

  /** How many open tickets of {@code community} (null: of every one) are in each state at {@code now}. */
  public Future<Map<TimeLimitState, Long>> byTimeLimit(String community, Instant now) {
    List<Future<List<Ticket>>> reads = new ArrayList<>();
    for (TicketStatus status : TicketStatus.values()) {
      if (status.open()) {
        reads.add(store.list(community, status, null, LIMIT));
      }
    }
    return Future.all(reads).map(all -> {
      Map<TimeLimitState, Long> counts = new EnumMap<>(TimeLimitState.class);
      for (int i = 0; i < all.size(); i++) {
        for (Ticket ticket : all.<List<Ticket>>resultAt(i)) {
          counts.merge(state(ticket, now), 1L, Long::sum);
        }
      }
      return counts;
    });
  }

  private TimeLimitState state(Ticket ticket, Instant now) {
    if (!ticket.status().clockRuns()) {
      return TimeLimitState.PAUSED;
    }
    if (!now.isBefore(ticket.dueAt())) {
      return TimeLimitState.OVERDUE;
    }
    return now.isBefore(store.limits().remindAt(ticket)) ? TimeLimitState.WITHIN : TimeLimitState.PAST_80_PERCENT;
  }
}
