package org.linli.bot.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.linli.bot.outbox.DeadLetter;
import org.linli.bot.outbox.Outbox;

/**
 * The administrators' view of the outboxes (routes behind the admin token):
 *
 * <ul>
 *   <li>{@code GET /api/v1/outbox/:queue/dead?limit=50} — {@code {"queue", "pending", "dead",
 *       "deadLetters": [{"id", "attempts", "error", "diedAt", "payload"}]}}, newest first
 *   <li>{@code POST /api/v1/outbox/:queue/dead/:id/replay} — puts the dead letter back in the
 *       queue, due now: {@code {"id", "replayed": true}}, or 404
 * </ul>
 */
public final class DeadLetterApi {

  private final Map<String, Outbox> queues;

  public DeadLetterApi(Collection<Outbox> queues) {
    this.queues = queues.stream().collect(Collectors.toUnmodifiableMap(Outbox::queue, Function.identity()));
  }

  /** The queues this API serves. */
  public List<Outbox> outboxes() {
    return List.copyOf(queues.values());
  }

  /** {@code GET /api/v1/outbox/:queue/dead}: a queue's dead letters with its counts. */
  public void list(RoutingContext ctx) {
    Outbox outbox = queue(ctx);
    if (outbox == null) {
      return;
    }
    int limit = Routes.limit(ctx, 50);
    if (limit == 0) {
      return;
    }
    Future.all(outbox.stats(), outbox.deadLetters(limit))
        .onSuccess(all -> {
          Outbox.Stats stats = all.resultAt(0);
          List<DeadLetter> letters = all.resultAt(1);
          JsonArray out = new JsonArray();
          letters.forEach(l -> out.add(l.toJson()));
          Routes.json(ctx, new JsonObject().put("queue", outbox.queue()).put("pending", stats.pending())
              .put("dead", stats.dead()).put("deadLetters", out));
        })
        .onFailure(ctx::fail);
  }

  /** Replays one dead letter. */
  public void replay(RoutingContext ctx) {
    Outbox outbox = queue(ctx);
    if (outbox == null) {
      return;
    }
    String id = ctx.pathParam("id");
    outbox.replay(id)
        .onSuccess(replayed -> {
          if (replayed) {
            Routes.json(ctx, new JsonObject().put("id", id).put("replayed", true));
          } else {
            ctx.fail(
                new HttpException(404, "There is no dead letter '" + id + "' in the " + outbox.queue() + " outbox"));
          }
        })
        .onFailure(ctx::fail);
  }

  private Outbox queue(RoutingContext ctx) {
    Outbox outbox = queues.get(ctx.pathParam("queue"));
    if (outbox == null) {
      ctx.fail(new HttpException(404, "There is no outbox '" + ctx.pathParam("queue") + "'; there are "
          + String.join(", ", new TreeSet<>(queues.keySet()))));
    }
    return outbox;
  }
}
