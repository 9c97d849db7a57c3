package org.linli.bot.helpline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.linli.bot.outbox.Outbox;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketDeadlines;

/**
 * The events about tickets that the hub is sent ({@link HubEvents}), each queued in the hub's
 * outbox under its webhook-id, so an event queued twice is sent once, and stamped with the time it
 * was queued. With the built-in hub ({@code hub.mode=builtin}) there is no hub to tell: nothing is
 * queued.
 *
 * @param hub the hub queue of the outbox
 * @param builtin true when the help-line has no hub system (events are dropped, not queued)
 */
record HubFeed(Outbox hub, Clock clock, boolean builtin) {

  /** A feed to a hub system. */
  HubFeed(Outbox hub, Clock clock) {
    this(hub, clock, false);
  }

  private Future<Boolean> enqueue(String id, JsonObject event) {
    return builtin ? Future.succeededFuture(false) : hub.enqueue(id, event);
  }

  /** {@code ticket.created}. */
  Future<Boolean> created(Ticket t) {
    return enqueue(HubEvents.id("created", t.receipt()), HubEvents.created(t, clock.instant()));
  }

  /** {@code ticket.created} with the photos and locations sent with the request. */
  Future<Boolean> created(Ticket t, JsonArray attachments) {
    JsonObject event = HubEvents.created(t, clock.instant());
    if (!attachments.isEmpty()) {
      event.getJsonObject("data").put("attachments", attachments);
    }
    return enqueue(HubEvents.id("created", t.receipt()), event);
  }

  /** {@code ticket.attachment}: the {@code n}th attachments of the ticket, sent after it was opened. */
  Future<Boolean> attachment(Ticket t, JsonArray attachments, long n) {
    return enqueue(HubEvents.id("attach" + n, t.receipt()), new JsonObject()
        .put("type", HubEvents.ATTACHMENT).put("timestamp", clock.instant().toString())
        .put("data", new JsonObject().put("receipt", t.receipt()).put("status", t.status().apiName())
            .put("attachments", attachments)));
  }

  /** {@code ticket.reminder}, under the id of its {@code stage} ({@code remind80} or {@code overdue}). */
  Future<Boolean> reminder(Ticket t, TicketDeadlines.Kind kind, String stage) {
    return enqueue(HubEvents.id(stage, t.receipt()), HubEvents.reminder(t, kind, clock.instant()));
  }

  /** {@code ticket.rated}, under the id of the ticket's latest rating (each rating its own). */
  Future<Boolean> rated(Ticket t) {
    return enqueue(HubEvents.lineId(t, "rating"), HubEvents.rated(t, clock.instant()));
  }

  /** {@code ticket.reply}: the resident's latest reply, with its attachment links (empty when none). */
  Future<Boolean> reply(Ticket t, JsonArray attachments) {
    return enqueue(HubEvents.lineId(t, "reply"), HubEvents.reply(t, attachments, clock.instant()));
  }

  /** {@code ticket.comment}: the resident's latest comment on a rating. */
  Future<Boolean> comment(Ticket t) {
    return enqueue(HubEvents.lineId(t, "comment"), HubEvents.comment(t, clock.instant()));
  }

  /** {@code ticket.evaluated}: the community's latest evaluation, by {@code by}. */
  Future<Boolean> evaluated(Ticket t, String by) {
    return enqueue(HubEvents.lineId(t, "evaluation"), HubEvents.evaluated(t, by, clock.instant()));
  }
}
