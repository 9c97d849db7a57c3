package org.linli.webhooks;

import io.vertx.core.Future;

/**
 * A durable way out for replies that do not go back in the HTTP answer: the message is stored
 * before the future completes, and delivered once per id by the platform's {@link ChannelSender},
 * with retries.
 */
@FunctionalInterface
public interface Outbound {

  /** Stores {@code message} for delivery; false when a message with this id was already queued or sent. */
  Future<Boolean> post(String id, Outgoing message);
}
