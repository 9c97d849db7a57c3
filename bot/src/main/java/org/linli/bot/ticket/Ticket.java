package org.linli.bot.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A request for help as the help-line tracks it. The receipt number ({@code 20261122-0042}: the
 * local date it was opened and that day's sequence) is what a resident reads out on the phone.
 * {@code dueAt} is when the time limit runs out; it moves later by the time spent waiting for the
 * resident, and a reopened ticket gets a fresh limit. {@code remaining} is the time left while the
 * clock is paused ({@link TicketStatus#WAITING_RESIDENT}), else null. {@code hub}, {@code rating}
 * and {@code firstResolvedAt} are null until known ({@code resolvedInTime}: the first resolution
 * came by the due time); community, grid, comment and {@code address} (where help is needed,
 * see {@link NewTicket}) are empty when unknown.
 */
public record Ticket(
    String receipt,
    String category,
    boolean urgent,
    String text,
    TicketSource source,
    String community,
    String grid,
    Instant createdAt,
    Duration timeLimit,
    Instant dueAt,
    Duration remaining,
    TicketStatus status,
    HubReference hub,
    Integer rating,
    String comment,
    Instant firstResolvedAt,
    boolean resolvedInTime,
    List<TicketEvent> history,
    String address) {

  public Ticket {
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(status, "status");
    community = community == null ? "" : community;
    grid = grid == null ? "" : grid;
    comment = comment == null ? "" : comment;
    history = List.copyOf(history);
    address = address == null ? "" : address;
  }

  /** A ticket without a known address. */
  public Ticket(String receipt, String category, boolean urgent, String text, TicketSource source, String community,
      String grid, Instant createdAt, Duration timeLimit, Instant dueAt, Duration remaining, TicketStatus status,
      HubReference hub, Integer rating, String comment, Instant firstResolvedAt, boolean resolvedInTime,
      List<TicketEvent> history) {
    this(receipt, category, urgent, text, source, community, grid, createdAt, timeLimit, dueAt, remaining, status, hub,
        rating, comment, firstResolvedAt, resolvedInTime, history, "");
  }

  /** When the reminder falls due: with a fifth of the time limit left. */
  public Instant remindAt() {
    return dueAt.minus(timeLimit.dividedBy(5));
  }

  /**
   * Every rating the resident gave, oldest first (the stars of its {@code rating} lines; a ticket
   * rated before ratings had lines of their own counts its one stored rating).
   */
  public List<Integer> ratings() {
    List<Integer> out = valuesOf("rating");
    return out.isEmpty() && rating != null ? List.of(rating) : out;
  }

  /** The community's evaluations of the handling (联合评单), oldest first. */
  public List<Integer> evaluations() {
    return valuesOf("evaluation");
  }

  private List<Integer> valuesOf(String kind) {
    return history.stream().filter(e -> e.is(kind) && e.value() != null).map(TicketEvent::value).toList();
  }

  /** Time from opening to the first resolution, or null if never resolved. */
  public Duration timeToResolve() {
    return firstResolvedAt == null ? null : Duration.between(createdAt, firstResolvedAt);
  }
}
