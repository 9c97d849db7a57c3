package org.linli.bot.outbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import java.util.Collection;
import org.linli.webhooks.ChannelSender;
import org.linli.webhooks.Outgoing;

/**
 * The outbox of chat messages the service sends on its own (poll announcements, reminders, results,
 * notes to a household member), delivered through the sender of each message's platform. Give each
 * message an id that says what it is ({@code result:<pollId>}): the same id is sent once.
 */
public final class ChatOutbox {

  /** The queue name of chat messages in production. */
  public static final String QUEUE = "chat";

  private final Outbox outbox;

  /** An outbox on {@code queue} (normally {@link #QUEUE}) delivering through {@code senders}; it cannot seal. */
  public ChatOutbox(Vertx vertx, RedisAPI redis, String queue, Outbox.Timing timing,
      Collection<? extends ChannelSender> senders) {
    this(vertx, redis, queue, timing, senders, null);
  }

  /** An outbox that keeps {@link org.linli.webhooks.Reply#sealed() sealed} messages encrypted under {@code sealer}. */
  public ChatOutbox(Vertx vertx, RedisAPI redis, String queue, Outbox.Timing timing,
      Collection<? extends ChannelSender> senders, Sealer sealer) {
    this.outbox = new Outbox(vertx, redis, queue, timing, new ChannelDelivery(senders), sealer);
  }

  /**
   * Stores the message for delivery; false, changing nothing, if this id was sent or is waiting
   * already. A sealed reply (the receipt of a secret ballot) is stored sealed.
   */
  public Future<Boolean> send(String id, Outgoing message) {
    return message.reply().sealed()
        ? outbox.enqueueSealed(id, message.toJson())
        : outbox.enqueue(id, message.toJson());
  }

  /** Starts this instance's delivery loop. */
  public void start() {
    outbox.start();
  }

  /** Stops this instance's delivery loop, letting the attempts in flight finish (up to 5 s). */
  public Future<Void> stop() {
    return outbox.stop();
  }

  /** The queue underneath, for dead letters and statistics. */
  public Outbox outbox() {
    return outbox;
  }
}
