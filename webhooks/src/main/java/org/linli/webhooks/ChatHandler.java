package org.linli.webhooks;

import io.vertx.core.Future;
import java.util.List;

/** The bot as a platform sees it: an event in, the replies to it out. */
@FunctionalInterface
public interface ChatHandler {

  /** The replies to {@code event}, in order; a failed future when the event could not be handled. */
  Future<List<Reply>> handle(ChatEvent event);
}
