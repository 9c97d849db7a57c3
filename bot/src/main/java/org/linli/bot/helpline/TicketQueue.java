package org.linli.bot.helpline;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketEvent;
import org.linli.bot.ticket.TicketStatus;
import org.linli.bot.ticket.TicketStore;
import org.linli.bot.ticket.TimeLimit;
import org.linli.bot.ticket.TimeLimits;

/**
 * The operators' queue: the open tickets (received, dispatched, in progress, waiting for the
 * resident), the one with the least time left first. Time left is working time for working-day
 * limits; while a ticket waits for the resident its clock is paused at what was left. A ticket is
 * {@code dueSoon} once four fifths of its limit are used (when its 80% reminder falls) and {@code
 * overdue} once its limit has passed.
 */
public final class TicketQueue {

  /** The statuses the queue holds. */
  public static final List<TicketStatus> OPEN = List.of(TicketStatus.RECEIVED, TicketStatus.DISPATCHED,
      TicketStatus.IN_PROGRESS, TicketStatus.WAITING_RESIDENT);

  private final TicketStore tickets;
  private final Clock clock;

  TicketQueue(TicketStore tickets, Clock clock) {
    this.tickets = tickets;
    this.clock = clock;
  }

  /**
   * One ticket in the queue at {@code at}: its time {@code left} (negative once overdue), the
   * {@code used} share of its limit (1.0 at the limit, more after it), and whether its clock is
   * {@code paused}.
   */
  public record Entry(Ticket ticket, Duration left, double used, boolean paused, boolean dueSoon, boolean overdue) {
  }

  /**
   * A page of the queue: {@code total} entries of the status asked for, {@code entries} those from
   * {@code offset}, and how many tickets each open status has.
   */
  public record Page(Instant at, int total, int offset, List<Entry> entries, Map<TicketStatus, Integer> counts) {
  }

  /**
   * The open tickets in {@code status} (null: every open one), least time left first, {@code
   * limit} of them from {@code offset}. Fails with {@link BadRequest} for a status not open.
   */
  public Future<Page> page(TicketStatus status, int offset, int limit) {
    return page(null, status, offset, limit);
  }

  /** As {@link #page(TicketStatus, int, int)}, the tickets of {@code community} only (null: of every one). */
  public Future<Page> page(String community, TicketStatus status, int offset, int limit) {
    if (status != null && !OPEN.contains(status)) {
      return Future.failedFuture(new BadRequest("The queue holds open tickets: status must be one of received,"
          + " dispatched, in_progress, waiting_resident"));
    }
    Instant now = clock.instant();
    List<Future<List<Ticket>>> lists = OPEN.stream()
        .map(s -> tickets.list(community, s, null, Integer.MAX_VALUE)).toList();
    return Future.all(lists).map(all -> {
      Map<TicketStatus, Integer> counts = new EnumMap<>(TicketStatus.class);
      List<Entry> entries = new ArrayList<>();
      for (int i = 0; i < OPEN.size(); i++) {
        List<Ticket> list = lists.get(i).result();
        counts.put(OPEN.get(i), list.size());
        if (status == null || status == OPEN.get(i)) {
          list.forEach(t -> entries.add(entry(t, now, tickets.limits())));
        }
      }
      entries.sort(Comparator.comparing(Entry::left).thenComparing(e -> e.ticket().createdAt()));
      int from = Math.min(offset, entries.size());
      int to = Math.min(entries.size(), from + limit);
      return new Page(now, entries.size(), from, List.copyOf(entries.subList(from, to)), counts);
    });
  }

  /** Where {@code t} stands now (its time left, share used, 80% and overdue flags), whatever its status. */
  public Entry of(Ticket t) {
    return entry(t, clock.instant(), tickets.limits());
  }

  /** Where {@code t} stands at {@code now}. */
  static Entry entry(Ticket t, Instant now, TimeLimits limits) {
    TimeLimit limit = limits.limitOf(t);
    Duration nominal = limit.nominal();
    boolean paused = t.status() == TicketStatus.WAITING_RESIDENT && t.remaining() != null;
    Duration left;
    if (paused) {
      Instant since = pausedAt(t);
      // The clock stopped with this much left: working time, for working days, from the pause on.
      left = since == null ? t.remaining() : limit.left(since, since.plus(t.remaining()), limits.calendar());
    } else if (t.dueAt() == null) {
      left = nominal;
    } else if (now.isBefore(t.dueAt())) {
      left = limit.left(now, t.dueAt(), limits.calendar());
    } else {
      left = Duration.between(t.dueAt(), now).negated();
    }
    double used = 1.0 - (double) left.toMillis() / nominal.toMillis();
    boolean overdue = left.isNegative() || left.isZero();
    boolean dueSoon = !overdue && left.compareTo(nominal.dividedBy(5)) <= 0;
    return new Entry(t, left, Math.max(0.0, used), paused, dueSoon, overdue);
  }

  /** When the ticket last moved to waiting for the resident, or null if the history does not say. */
  private static Instant pausedAt(Ticket t) {
    for (int i = t.history().size() - 1; i >= 0; i--) {
      TicketEvent e = t.history().get(i);
      if (e.is("status") && e.status() == TicketStatus.WAITING_RESIDENT) {
        return e.at();
      }
    }
    return null;
  }
}
