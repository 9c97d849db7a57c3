package org.linli.bot.ticket;

import io.vertx.core.Future;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The public monthly figures (评价结果公开): the tickets opened in a calendar month of a zone, read
 * once through the creation index, summed up by {@link TicketStats#figures} and by the share of
 * satisfied ratings and of reopened tickets.
 */
public final class PublicStats {

  private final TicketStore store;

  public PublicStats(TicketStore store) {
    this.store = store;
  }

  /** The figures for the tickets opened in {@code month} (local dates in {@code zone}). */
  public Future<PublicMonth> month(YearMonth month, ZoneId zone) {
    return month(null, month, zone);
  }

  /** The figures for the tickets of {@code community} (null: of every one) opened in {@code month}. */
  public Future<PublicMonth> month(String community, YearMonth month, ZoneId zone) {
    return TicketStats.openedIn(store, community, month, zone).map(tickets -> of(month, tickets));
  }

  /** The public figures of a given set of tickets. */
  public static PublicMonth of(YearMonth month, List<Ticket> tickets) {
    int rated = 0;
    int satisfied = 0;
    int reopened = 0;
    for (Ticket t : tickets) {
      if (t.rating() != null) {
        rated++;
        satisfied += t.rating() >= 4 ? 1 : 0;
      }
      reopened += reopened(t) ? 1 : 0;
    }
    return new PublicMonth(TicketStats.figures(month, tickets), rated, satisfied, reopened);
  }

  /** True when the history has a resolution followed by a move back to work (not to 已回访). */
  static boolean reopened(Ticket t) {
    boolean resolved = false;
    for (TicketEvent e : t.history()) {
      if (e.status() == TicketStatus.RESOLVED) {
        resolved = true;
      } else if (resolved && e.status() != TicketStatus.CLOSED) {
        return true;
      }
    }
    return false;
  }
}
