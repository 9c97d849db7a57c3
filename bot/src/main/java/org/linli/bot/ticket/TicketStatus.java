package org.linli.bot.ticket;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.linli.bot.text.Text;

/**
 * Where a request for help stands, from 已受理 to 已回访. The hub moves it along (派单, 办理, 办结),
 * the resident closes it with a rating; a low rating sends it back to 办理中. {@link #allowed} is
 * the one table of legal moves; the store's transition script is given it and refuses the rest.
 */
public enum TicketStatus {
  RECEIVED(Text.TICKET_STATUS_RECEIVED),
  DISPATCHED(Text.TICKET_STATUS_DISPATCHED),
  IN_PROGRESS(Text.TICKET_STATUS_IN_PROGRESS),
  WAITING_RESIDENT(Text.TICKET_STATUS_WAITING_RESIDENT),
  RESOLVED(Text.TICKET_STATUS_RESOLVED),
  CLOSED(Text.TICKET_STATUS_CLOSED),
  REJECTED(Text.TICKET_STATUS_REJECTED),
  MERGED(Text.TICKET_STATUS_MERGED);

  private static final Map<TicketStatus, Set<TicketStatus>> NEXT = Map.of(
      RECEIVED, EnumSet.of(DISPATCHED, IN_PROGRESS, REJECTED, MERGED),
      DISPATCHED, EnumSet.of(IN_PROGRESS, WAITING_RESIDENT, RESOLVED, REJECTED, MERGED),
      IN_PROGRESS, EnumSet.of(WAITING_RESIDENT, RESOLVED, REJECTED, MERGED),
      WAITING_RESIDENT, EnumSet.of(IN_PROGRESS, REJECTED, MERGED),
      RESOLVED, EnumSet.of(IN_PROGRESS, CLOSED),
      CLOSED, EnumSet.noneOf(TicketStatus.class),
      REJECTED, EnumSet.noneOf(TicketStatus.class),
      MERGED, EnumSet.noneOf(TicketStatus.class));

  private final Text label;

  TicketStatus(Text label) {
    this.label = label;
  }

  /** The Chinese label residents see (已受理, 已派单 ...). */
  public String label() {
    return label.of();
  }

  /** The name in the API and in Redis: lowercase snake ({@code waiting_resident}). */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status with this API name, or null if there is none. */
  public static TicketStatus fromApiName(String name) {
    if (name == null) {
      return null;
    }
    for (TicketStatus s : values()) {
      if (s.apiName().equals(name.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    return null;
  }

  /** True while somebody still has to act on the ticket (not yet resolved, rejected or merged). */
  public boolean open() {
    return this == RECEIVED || this == DISPATCHED || this == IN_PROGRESS || this == WAITING_RESIDENT;
  }

  /** True while the time-limit clock runs: open and not waiting for the resident. */
  public boolean clockRuns() {
    return open() && this != WAITING_RESIDENT;
  }

  /** True for a move that must say why (rejecting or merging a request). */
  public boolean needsReason() {
    return this == REJECTED || this == MERGED;
  }

  /** Whether a ticket may move from {@code from} to {@code to}. */
  public static boolean allowed(TicketStatus from, TicketStatus to) {
    return from != null && to != null && NEXT.get(from).contains(to);
  }

  /** The statuses a ticket may reach {@code to} from. */
  public static Set<TicketStatus> from(TicketStatus to) {
    Set<TicketStatus> out = EnumSet.noneOf(TicketStatus.class);
    for (TicketStatus s : values()) {
      if (allowed(s, to)) {
        out.add(s);
      }
    }
    return out;
  }
}
