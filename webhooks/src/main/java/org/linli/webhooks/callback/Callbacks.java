package org.linli.webhooks.callback;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.linli.webhooks.Capability;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.ChatHandler;
import org.linli.webhooks.ChatService;
import org.linli.webhooks.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a platform's callback is handled: the channel verifies and reads, the bot answers
 * every event in order, the channel answers the call. The events claimed on the way count as seen
 * only once the call is answered; when anything fails (a 500) they are released, so the
 * platform's retry is handled instead of dropped.
 */
public final class Callbacks {

  private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);

  private Callbacks() {
  }

  /**
   * The route handler for {@code channel}, answering through {@code service}; replies that replace
   * the pressed message are dropped unless the platform {@link Capability#EDITS_MESSAGES edits}.
   */
  public static Handler<RoutingContext> handler(CallbackChannel channel, ChatService service, boolean edits) {
    return ctx -> channel.receive(ctx)
        .compose(events -> answer(service.handler(), events, edits))
        .compose(replies -> channel.respond(ctx, replies, service.outbox()))
        .onSuccess(v -> Claims.done(ctx)
            .onFailure(e -> LOG.warn("An answered event could not be marked done: {}", e.getMessage())))
        .onFailure(e -> Claims.release(ctx).onComplete(released -> {
          if (released.failed()) {
            LOG.warn("A failed event could not be released; its retry waits for the lease: {}",
                released.cause().getMessage());
          }
          if (ctx.response().ended()) {
            LOG.warn("A callback failed after it was answered: {}", e.getMessage());
          } else {
            ctx.fail(e);
          }
        }));
  }

  /** The replies to every event, in order (without the replacing ones unless {@code edits}). */
  public static Future<List<Reply>> answer(ChatHandler handler, List<ChatEvent> events, boolean edits) {
    Future<List<Reply>> all = Future.succeededFuture(new ArrayList<>());
    for (ChatEvent event : events) {
      all = all.compose(list -> handler.handle(event).map(replies -> {
        replies.stream().filter(r -> edits || !r.replacesPressed()).forEach(list::add);
        return list;
      }));
    }
    return all;
  }
}
