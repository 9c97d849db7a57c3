package org.linli.webhooks;

import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An outbox for channel tests: it keeps the ids it was given and hands the messages to the
 * platform's sender one after the other, after the call is answered (as the service's outbox does).
 */
public final class SendingInOrder implements Outbound {

  public final List<String> ids = new CopyOnWriteArrayList<>();
  private final ChannelSender sender;
  private Future<Void> chain = Future.succeededFuture();

  public SendingInOrder(ChannelSender sender) {
    this.sender = sender;
  }

  @Override
  public synchronized Future<Boolean> post(String id, Outgoing message) {
    ids.add(id);
    chain = chain.eventually(() -> sender.send(id, message));
    return Future.succeededFuture(true);
  }
}
