package org.linli.bot.ticket;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One line of a ticket's history: when, the status the ticket was in after it, who made it
 * ({@code resident}, {@code hub}, {@code operator}, {@code community} or {@code system}), an
 * optional note (a reason, a reply, a comment), what {@code kind} of line it is and, for ratings
 * and evaluations, the {@code value} (1–5).
 *
 * <p>Kinds: {@code status} (a move, the default), {@code reply} (the resident's answer while the
 * ticket waited for them: the note is the text; the status is the one it resumed to), {@code
 * rating} (the resident's stars, the note their comment; the move the rating causes follows as a
 * {@code status} line), {@code comment} (the resident's comment on their latest rating, given
 * afterwards; value: that rating's stars), {@code evaluation} (the community's own evaluation of
 * the handling, 联合评单), {@code message} (an operator's or the hub's message to the resident: the
 * note is the text), {@code category} (an operator corrected the category: the note says from what
 * to what), {@code merge} (a duplicate was merged into this ticket: the note names it).
 *
 * <p>{@code by} names who exactly acted, where the actor is more than its role: the operator's
 * account or token ({@code admin-token}, {@code hub-token}); empty otherwise.
 */
public record TicketEvent(Instant at, TicketStatus status, String actor, String note, String kind, Integer value,
    String by) {

  /** Who may move a ticket. */
  public static final Set<String> ACTORS = Set.of("resident", "hub", "operator", "community", "system");

  /** The kinds of history lines. */
  public static final Set<String> KINDS = Set.of("status", "reply", "rating", "comment", "evaluation", "message",
      "category", "merge");

  public TicketEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(status, "status");
    if (!ACTORS.contains(actor)) {
      throw new IllegalArgumentException("actor must be one of " + ACTORS + ", was " + actor);
    }
    note = note == null ? "" : note;
    kind = kind == null ? "status" : kind;
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("kind must be one of " + KINDS + ", was " + kind);
    }
    by = by == null ? "" : by;
  }

  /** A line without a named person. */
  public TicketEvent(Instant at, TicketStatus status, String actor, String note, String kind, Integer value) {
    this(at, status, actor, note, kind, value, "");
  }

  /** A status move. */
  public TicketEvent(Instant at, TicketStatus status, String actor, String note) {
    this(at, status, actor, note, "status", null);
  }

  /** True for a line of this kind. */
  public boolean is(String k) {
    return kind.equals(k);
  }

  String toJson() {
    JsonObject o = new JsonObject().put("at", at.toEpochMilli()).put("status", status.apiName()).put("actor", actor)
        .put("note", note);
    if (!kind.equals("status")) {
      o.put("kind", kind);
    }
    if (value != null) {
      o.put("value", value);
    }
    if (!by.isEmpty()) {
      o.put("by", by);
    }
    return o.encode();
  }

  static TicketEvent fromJson(String json) {
    JsonObject o = new JsonObject(json);
    return new TicketEvent(Instant.ofEpochMilli(o.getLong("at")), TicketStatus.fromApiName(o.getString("status")),
        o.getString("actor"), o.getString("note"), o.getString("kind", "status"), o.getInteger("value"),
        o.getString("by", ""));
  }
}
