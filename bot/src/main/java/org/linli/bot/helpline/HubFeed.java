package org.linli.bot.helpline;

import io.vertx.core.Future;
import java.time.Clock;
import org.linli.bot.outbox.Outbox;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketDeadlines;

/**
 * The events about tickets that the hub is sent ({@link HubEvents}), each queued in the hub's
 * outbox under its webhook-id, so an event queued twice is sent once, and stamped with the time it
 * was queued.
 *
 * @param hub the hub queue of the outbox
 */
record HubFeed(Outbox hub, Clock clock) {

  /** {@code ticket.created}. */
  Future<Boolean> created(Ticket t) {
    return hub.enqueue(HubEvents.id("created", t.receipt()), HubEvents.created(t, clock.instant()));
  }

  /** {@code ticket.reminder}, under the id of its {@code stage} ({@code remind80} or {@code overdue}). */
  Future<Boolean> reminder(Ticket t, TicketDeadlines.Kind kind, String stage) {
    return hub.enqueue(HubEvents.id(stage, t.receipt()), HubEvents.reminder(t, kind, clock.instant()));
  }

  /** {@code ticket.rated}. */
  Future<Boolean> rated(Ticket t) {
    return hub.enqueue(HubEvents.id("rated", t.receipt()), HubEvents.rated(t, clock.instant()));
  }
}
