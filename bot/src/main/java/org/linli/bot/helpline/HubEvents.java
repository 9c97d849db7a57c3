package org.linli.bot.helpline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketDeadlines;
import org.linli.bot.ticket.TicketEvent;

/**
 * What Linli tells the hub, as JSON events {@code {"type", "timestamp", "data"}}: a new ticket
 * ({@code ticket.created}, with the resident's text in full), a reminder that the time limit is
 * near or passed ({@code ticket.reminder}, 催办), a rating ({@code ticket.rated}; 1–2 stars reopen
 * the ticket). Each event has an id that is its {@code webhook-id}, the same on every retry.
 */
public final class HubEvents {

  public static final String CREATED = "ticket.created";
  public static final String REMINDER = "ticket.reminder";
  public static final String RATED = "ticket.rated";
  /** Photos or a location the resident sent after the ticket was opened. */
  public static final String ATTACHMENT = "ticket.attachment";

  private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?1[3-9]\\d{9}(?!\\d)");

  private HubEvents() {
  }

  /** The webhook-id of an event about a ticket (no dots: the spec keeps them out of ids). */
  public static String id(String kind, String receipt) {
    return "msg_" + receipt + "_" + kind;
  }

  /** {@code ticket.created}. */
  public static JsonObject created(Ticket t, Instant now) {
    JsonObject data = ticket(t);
    Matcher phone = PHONE.matcher(t.text());
    if (phone.find()) {
      data.put("contact", new JsonObject().put("phone", phone.group()));
    }
    return event(CREATED, now, data);
  }

  /** {@code ticket.reminder}: {@code stage} is {@code due_soon} (80% of the time spent) or {@code overdue}. */
  public static JsonObject reminder(Ticket t, TicketDeadlines.Kind kind, Instant now) {
    return event(REMINDER, now, new JsonObject()
        .put("receipt", t.receipt())
        .put("stage", kind == TicketDeadlines.Kind.REMIND80 ? "due_soon" : "overdue")
        .put("status", t.status().apiName())
        .put("dueAt", t.dueAt() == null ? null : t.dueAt().toString())
        .put("category", t.category())
        .put("urgent", t.urgent()));
  }

  /** {@code ticket.rated}. */
  public static JsonObject rated(Ticket t, Instant now) {
    return event(RATED, now, new JsonObject()
        .put("receipt", t.receipt())
        .put("rating", t.rating())
        .put("comment", t.comment())
        .put("status", t.status().apiName())
        .put("reopened", t.rating() != null && t.rating() <= 2));
  }

  private static JsonObject event(String type, Instant now, JsonObject data) {
    return new JsonObject().put("type", type).put("timestamp", now.toString()).put("data", data);
  }

  /** The whole ticket, as the hub and the operators' API see it. */
  public static JsonObject ticket(Ticket t) {
    JsonArray history = new JsonArray();
    for (TicketEvent e : t.history()) {
      history.add(new JsonObject().put("at", e.at().toString()).put("status", e.status().apiName())
          .put("actor", e.actor()).put("note", e.note()));
    }
    JsonObject out = new JsonObject()
        .put("receipt", t.receipt())
        .put("category", t.category())
        .put("urgent", t.urgent())
        .put("text", t.text())
        .put("status", t.status().apiName())
        .put("statusLabel", t.status().label())
        .put("source", new JsonObject()
            .put("platform", t.source().platform())
            .put("chat", t.source().chatId())
            .put("chatType", t.source().chatType())
            .put("message", t.source().messageId())
            .put("resident", t.source().resident()))
        .put("community", t.community())
        .put("grid", t.grid())
        .put("createdAt", t.createdAt().toString())
        .put("timeLimitHours", t.timeLimit() == null ? null : t.timeLimit().toHours())
        .put("dueAt", t.dueAt() == null ? null : t.dueAt().toString())
        .put("history", history);
    if (t.hub() != null) {
      out.put("hub",
          new JsonObject().put("serviceRequestId", t.hub().serviceRequestId()).put("token", t.hub().token()));
    }
    if (t.rating() != null) {
      out.put("rating", t.rating()).put("comment", t.comment());
    }
    return out;
  }
}
