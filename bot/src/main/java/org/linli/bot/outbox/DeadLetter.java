package org.linli.bot.outbox;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A message the outbox gave up on: refused for good, or still failing after the last retry. It
 * stays, with its payload, until an administrator replays it.
 *
 * @param id the message id (what the receiver deduplicates by)
 * @param payload the message as enqueued
 * @param attempts delivery attempts made
 * @param error why the last attempt failed (status codes and ids, never message text)
 * @param diedAt when it became a dead letter
 */
public record DeadLetter(String id, JsonObject payload, int attempts, String error, Instant diedAt) {

  /** The dead letter as the admin API shows it. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("attempts", attempts)
        .put("error", error)
        .put("diedAt", diedAt.toString())
        .put("payload", payload);
  }
}
