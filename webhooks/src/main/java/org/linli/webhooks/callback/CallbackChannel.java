package org.linli.webhooks.callback;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Outbound;
import org.linli.webhooks.Reply;

/**
 * One platform's callback: verify and read a call, then answer it. {@link Callbacks} runs the two
 * around the bot.
 */
public interface CallbackChannel {

  /**
   * Verifies the call (before anything else) and reads its events: possibly none (seen before, of
   * no interest, or answered here, like a URL check). Fails with an {@code HttpException} (4xx)
   * when the call is refused. Events are claimed with {@link Claims#claim}, so that they count as
   * seen only once handled.
   */
  Future<List<ChatEvent>> receive(RoutingContext ctx);

  /**
   * Answers the call with {@code replies}: in the HTTP response where the platform takes them
   * there; the others are posted to {@code outbox} before the answer is written, so none is lost.
   */
  Future<Void> respond(RoutingContext ctx, List<Reply> replies, Outbound outbox);
}
