package org.linli.bot.ticket;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Monthly figures of the help-line (满意度, 办结时效) computed from the tickets opened in a
 * calendar month of a zone, read through the creation index. Every rating counts (from the
 * tickets' {@code rating} history lines), not only a ticket's latest; see {@link TicketFigures}.
 */
public final class TicketStats {

  private final TicketStore store;

  public TicketStats(TicketStore store) {
    this.store = store;
  }

  /** The figures for the tickets opened in {@code month} (local dates in {@code zone}). */
  public Future<TicketFigures> month(YearMonth month, ZoneId zone) {
    return month(null, month, zone);
  }

  /** The figures for the tickets of {@code community} (null: of every one) opened in {@code month}. */
  public Future<TicketFigures> month(String community, YearMonth month, ZoneId zone) {
    return openedIn(store, community, month, zone).map(tickets -> figures(month, tickets));
  }

  /**
   * The tickets of {@code community} (null: of every one) opened in {@code month}, from its first
   * to its last moment in {@code zone}.
   */
  static Future<List<Ticket>> openedIn(TicketStore store, String community, YearMonth month, ZoneId zone) {
    Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    return store.createdBetween(community, from, to);
  }

  /** The figures for a given set of tickets. */
  public static TicketFigures figures(YearMonth month, List<Ticket> tickets) {
    Map<String, Integer> byCategory = new TreeMap<>();
    Map<TicketStatus, Integer> byStatus = new EnumMap<>(TicketStatus.class);
    List<Duration> toResolve = new ArrayList<>();
    int inTime = 0;
    Mean all = new Mean();
    Mean first = new Mean();
    Mean last = new Mean();
    Mean evaluations = new Mean();
    int reopens = 0;
    int reopenedTickets = 0;
    for (Ticket t : tickets) {
      byCategory.merge(t.category(), 1, Integer::sum);
      byStatus.merge(t.status(), 1, Integer::sum);
      if (t.firstResolvedAt() != null) {
        toResolve.add(t.timeToResolve());
        inTime += t.resolvedInTime() ? 1 : 0;
      }
      List<Integer> ratings = t.ratings();
      if (!ratings.isEmpty()) {
        ratings.forEach(all::add);
        first.add(ratings.get(0));
        last.add(ratings.get(ratings.size() - 1));
        long low = ratings.stream().filter(r -> r <= 2).count();
        reopens += (int) low;
        reopenedTickets += low > 0 ? 1 : 0;
      }
      t.evaluations().forEach(evaluations::add);
    }
    toResolve.sort(null);
    int resolved = toResolve.size();
    return new TicketFigures(month, tickets.size(), byCategory, byStatus, resolved,
        percentile(toResolve, 50), percentile(toResolve, 90),
        resolved == 0 ? null : (double) inTime / resolved, all.count, all.mean(), first.count, first.mean(),
        last.mean(), reopens, reopenedTickets, evaluations.count, evaluations.mean());
  }

  /** A count and a sum. */
  private static final class Mean {
    int count;
    long sum;

    void add(int value) {
      count++;
      sum += value;
    }

    Double mean() {
      return count == 0 ? null : (double) sum / count;
    }
  }

  /** Nearest rank: the smallest value with at least p% of the values at or below it. */
  static Duration percentile(List<Duration> sorted, int p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
