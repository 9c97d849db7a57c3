package org.linli.bot.outbox;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.linli.webhooks.ChannelSender;
import org.linli.webhooks.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers chat messages (an {@link Outgoing} as JSON) through the {@link ChannelSender} of their
 * platform, passing the outbox id on. An unknown platform or an unreadable message is a permanent
 * failure; a channel that is not configured defers the message (with one warning per platform), so
 * it waits until an operator sets the channel up.
 */
public final class ChannelDelivery implements Delivery {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelDelivery.class);

  private final Map<String, ChannelSender> senders;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  public ChannelDelivery(Collection<? extends ChannelSender> senders) {
    this.senders = senders.stream().collect(Collectors.toUnmodifiableMap(ChannelSender::platform, Function.identity()));
  }

  @Override
  public Future<Void> deliver(String id, JsonObject payload, int attempt) {
    Outgoing message;
    try {
      message = Outgoing.fromJson(payload);
    } catch (RuntimeException e) {
      return Future.failedFuture(new PermanentFailure("not a chat message: " + e.getClass().getSimpleName()));
    }
    ChannelSender sender = senders.get(message.platform());
    if (sender == null) {
      return Future.failedFuture(new PermanentFailure("no sender for platform '" + message.platform() + "'"));
    }
    if (!sender.configured()) {
      if (warned.add(message.platform())) {
        LOG.warn("The {} channel is not configured to send messages (for generic: set LINLI_GENERIC_OUTBOUND_URL); "
            + "its messages wait in the outbox until it is", message.platform());
      }
      return Future.failedFuture(new DeliveryDeferred("the " + message.platform() + " channel is not configured"));
    }
    return sender.send(id, message);
  }
}
