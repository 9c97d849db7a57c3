package org.linli.bot.outbox;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Delivers one outbox message to its receiver. The future succeeds once the receiver has accepted
 * it. A failure is temporary unless it is a {@link PermanentFailure} or a permanent
 * {@link org.linli.webhooks.ChannelSender.SendFailure}; a {@link DeliveryDeferred} puts the message
 * back without counting the attempt.
 */
@FunctionalInterface
public interface Delivery {

  /**
   * Tries to deliver {@code payload}. {@code id} is the same on every attempt, so the receiver can
   * recognise a repeat; {@code attempt} counts from 1.
   */
  Future<Void> deliver(String id, JsonObject payload, int attempt);
}
