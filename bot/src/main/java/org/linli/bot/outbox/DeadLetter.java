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

  /** True for a message kept sealed ({@link Outbox#enqueueSealed}): its payload is not shown, and stays encrypted. */
  public boolean sealed() {
    return payload.containsKey(Outbox.SEALED);
  }

  /** The dead letter as the admin API shows it; a sealed one as {@code "sealed": true}, without its payload. */
  public JsonObject toJson() {
    JsonObject out = new JsonObject()
        .put("id", id)
        .put("attempts", attempts)
        .put("error", error)
        .put("diedAt", diedAt.toString());
    return sealed()
        ? out.put("sealed", true).put("payload", new JsonObject().put("sealed", true))
        : out.put("payload", payload);
  }
}
