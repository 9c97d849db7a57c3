package org.linli.bot.consultation.proposal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What was done after a poll was decided (协商成果运用): its steps in order, whether the matter is
 * done, and the proposal the poll came from (empty when a moderator opened it directly).
 */
public record FollowUp(String pollId, String proposalId, boolean done, List<Step> steps) {

  public FollowUp {
    Objects.requireNonNull(pollId, "pollId");
    proposalId = proposalId == null ? "" : proposalId;
    steps = List.copyOf(steps);
  }

  /** One step: when, what was done, the help-line tickets it concerns, and whether it finished the matter. */
  public record Step(Instant at, String text, List<String> tickets, boolean done) {

    public Step {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(text, "text");
      tickets = List.copyOf(tickets);
    }

    /** As kept in Redis. */
    String toJson() {
      return new JsonObject().put("at", at.toEpochMilli()).put("text", text).put("tickets", new JsonArray(tickets))
          .put("done", done).encode();
    }

    static Step fromJson(String json) {
      JsonObject o = new JsonObject(json);
      return new Step(Instant.ofEpochMilli(o.getLong("at")), o.getString("text"),
          o.getJsonArray("tickets").stream().map(String::valueOf).toList(), o.getBoolean("done", false));
    }
  }
}
