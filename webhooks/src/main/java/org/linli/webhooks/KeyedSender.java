package org.linli.webhooks;

import io.vertx.core.Future;

/**
 * A sender whose platform takes the outbox id as an idempotency key, so it sends by {@link
 * #send(String, Outgoing)}; a message sent without an outbox id goes with the empty id, which the
 * receiver has nothing to deduplicate by.
 */
public interface KeyedSender extends ChannelSender {

  /** Sends without an outbox id: {@code send("", message)}. */
  @Override
  default Future<Void> send(Outgoing message) {
    return send("", message);
  }

  @Override
  Future<Void> send(String id, Outgoing message);
}
