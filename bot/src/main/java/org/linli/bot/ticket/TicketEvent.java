package org.linli.bot.ticket;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One line of a ticket's history: when, the status it reached, who moved it ({@code resident},
 * {@code hub}, {@code operator} or {@code system}) and an optional note (a reason, a reply).
 */
public record TicketEvent(Instant at, TicketStatus status, String actor, String note) {

  /** Who may move a ticket. */
  public static final Set<String> ACTORS = Set.of("resident", "hub", "operator", "system");

  public TicketEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(status, "status");
    if (!ACTORS.contains(actor)) {
      throw new IllegalArgumentException("actor must be one of " + ACTORS + ", was " + actor);
    }
    note = note == null ? "" : note;
  }

  String toJson() {
    return new JsonObject().put("at", at.toEpochMilli()).put("status", status.apiName()).put("actor", actor)
        .put("note", note).encode();
  }

  static TicketEvent fromJson(String json) {
    JsonObject o = new JsonObject(json);
    return new TicketEvent(Instant.ofEpochMilli(o.getLong("at")), TicketStatus.fromApiName(o.getString("status")),
        o.getString("actor"), o.getString("note"));
  }
}
