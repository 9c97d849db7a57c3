package org.linli.bot.helpline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketDeadlines;
import org.linli.bot.ticket.TicketEvent;
import org.linli.bot.ticket.TicketStatus;

/**
 * What Linli tells the hub, as JSON events {@code {"type", "timestamp", "receipt", "text", "data"}}
 * ({@code receipt} and {@code text} repeat the data's at the top level): a new ticket
 * ({@code ticket.created}, with the resident's text in full), a reminder that the time limit is
 * near or passed ({@code ticket.reminder}, 催办), every rating ({@code ticket.rated}; 1–2 stars
 * reopen the ticket), the resident's reply while the ticket waited for them ({@code ticket.reply}),
 * a comment on a rating given afterwards ({@code ticket.comment}) and the community's evaluation
 * of the handling ({@code ticket.evaluated}, 联合评单). Each event has an id that is its {@code
 * webhook-id}, the same on every retry: events that happen more than once carry their number.
 */
public final class HubEvents {

  public static final String CREATED = "ticket.created";
  public static final String REMINDER = "ticket.reminder";
  public static final String RATED = "ticket.rated";
  public static final String REPLY = "ticket.reply";
  public static final String COMMENT = "ticket.comment";
  public static final String EVALUATED = "ticket.evaluated";
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

  /**
   * The webhook-id of the ticket's latest line of {@code kind} ({@code reply}, {@code rating},
   * {@code comment}, {@code evaluation}): the n-th is {@code msg_<receipt>_<name>_<n>}; the first
   * rating keeps {@code msg_<receipt>_rated}, its id before every rating had one of its own.
   */
  public static String lineId(Ticket t, String kind) {
    int n = count(t, kind);
    return switch (kind) {
      case "rating" -> n <= 1 ? id("rated", t.receipt()) : id("rated_" + n, t.receipt());
      case "evaluation" -> id("evaluated_" + n, t.receipt());
      default -> id(kind + "_" + n, t.receipt());
    };
  }

  private static int count(Ticket t, String kind) {
    int n = (int) t.history().stream().filter(e -> e.is(kind)).count();
    // A ticket rated before ratings had lines of their own still counts its stored rating.
    return kind.equals("rating") && n == 0 && t.rating() != null ? 1 : n;
  }

  private static TicketEvent last(Ticket t, String kind) {
    TicketEvent found = null;
    for (TicketEvent e : t.history()) {
      found = e.is(kind) ? e : found;
    }
    return found;
  }

  /**
   * {@code ticket.rated}: {@code rating} and {@code comment} of this rating, {@code number} (1 for
   * the first), {@code first} and {@code reopened}; {@code status} after it.
   */
  public static JsonObject rated(Ticket t, Instant now) {
    return event(RATED, now, new JsonObject()
        .put("receipt", t.receipt())
        .put("rating", t.rating())
        .put("comment", t.comment())
        .put("status", t.status().apiName())
        .put("reopened", t.rating() != null && t.rating() <= 2)
        .put("number", Math.max(1, count(t, "rating")))
        .put("first", count(t, "rating") <= 1));
  }

  /**
   * {@code ticket.reply}: the resident's answer ({@code text}, {@code from} the resident's
   * identity), the {@code status} after it ({@code in_progress} when it resumed a ticket waiting
   * for the resident, {@code resumed} then true) and its {@code attachments} (links; empty when
   * none).
   */
  public static JsonObject reply(Ticket t, JsonArray attachments, Instant now) {
    TicketEvent line = last(t, "reply");
    return event(REPLY, now, new JsonObject()
        .put("receipt", t.receipt())
        .put("text", line == null ? "" : line.note())
        .put("from", "resident")
        .put("resident", t.source().resident())
        .put("number", count(t, "reply"))
        .put("at", line == null ? null : line.at().toString())
        .put("status", t.status().apiName())
        .put("resumed", line != null && resumed(t, line))
        .put("dueAt", t.dueAt() == null ? null : t.dueAt().toString())
        .put("attachments", attachments == null ? new JsonArray() : attachments));
  }

  private static boolean resumed(Ticket t, TicketEvent line) {
    int at = t.history().lastIndexOf(line);
    return at > 0 && t.history().get(at - 1).status() == TicketStatus.WAITING_RESIDENT
        && line.status() == TicketStatus.IN_PROGRESS;
  }

  /** {@code ticket.comment}: the resident's comment on their latest rating ({@code rating}: its stars). */
  public static JsonObject comment(Ticket t, Instant now) {
    TicketEvent line = last(t, "comment");
    return event(COMMENT, now, new JsonObject()
        .put("receipt", t.receipt())
        .put("comment", line == null ? "" : line.note())
        .put("rating", line == null ? null : line.value())
        .put("ratingNumber", count(t, "rating"))
        .put("status", t.status().apiName()));
  }

  /** {@code ticket.evaluated}: the community's {@code score} (1–5) and {@code comment}, {@code by} the moderator. */
  public static JsonObject evaluated(Ticket t, String by, Instant now) {
    TicketEvent line = last(t, "evaluation");
    return event(EVALUATED, now, new JsonObject()
        .put("receipt", t.receipt())
        .put("score", line == null ? null : line.value())
        .put("comment", line == null ? "" : line.note())
        .put("by", by)
        .put("number", count(t, "evaluation"))
        .put("status", t.status().apiName()));
  }

  private static JsonObject event(String type, Instant now, JsonObject data) {
    return new JsonObject().put("type", type).put("timestamp", now.toString())
        .put("receipt", data.getValue("receipt")).put("text", topText(data)).put("data", data);
  }

  /**
   * The event's text at the top level, for hubs that read no envelope: the resident's text of a new
   * ticket, a rating's comment, a reply's message; empty when the event has none (a reminder).
   */
  private static String topText(JsonObject data) {
    for (String field : new String[]{"text", "comment", "message"}) {
      if (data.getValue(field) instanceof String text) {
        return text;
      }
    }
    return "";
  }

  /** The whole ticket, as the hub and the operators' API see it. */
  public static JsonObject ticket(Ticket t) {
    JsonArray history = new JsonArray();
    for (TicketEvent e : t.history()) {
      JsonObject line = new JsonObject().put("at", e.at().toString()).put("status", e.status().apiName())
          .put("actor", e.actor()).put("note", e.note()).put("kind", e.kind());
      if (e.value() != null) {
        line.put("value", e.value());
      }
      if (!e.by().isEmpty()) {
        line.put("by", e.by());
      }
      history.add(line);
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
        .put("address", t.address())
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
