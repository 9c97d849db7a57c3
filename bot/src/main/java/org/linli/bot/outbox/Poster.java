package org.linli.bot.outbox;

import io.vertx.core.Future;
import org.linli.webhooks.Outgoing;

/**
 * Sends a message that is not a reply (an announcement, a reminder, a result, a note to a
 * household member) durably: it is stored before the future completes, and sent once per id.
 */
public interface Poster {

  /** Stores the message for delivery; false when a message with this id was already sent or queued. */
  Future<Boolean> post(String id, Outgoing message);
}
