package org.linli.bot.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.RedisAPI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.linli.bot.helpline.HubState;
import org.linli.bot.kb.KbService;
import org.linli.bot.outbox.Outbox;

/**
 * {@code GET /health}: 200 UP once the guides are indexed and Redis answers PING, else 503; with
 * the outboxes' pending and dead-letter counts (dead letters need an operator, not a restart),
 * whether deliveries to the hub run, and alarms (the hub said 410 Gone).
 */
public final class HealthHandler implements Handler<RoutingContext> {

  private final KbService kb;
  private final RedisAPI redis;
  private final List<Outbox> outboxes;
  private final HubState hub;
  private final boolean builtin;

  /** {@code builtin}: the built-in hub ({@code hub.mode=builtin}): nothing is delivered to a hub. */
  public HealthHandler(KbService kb, RedisAPI redis, List<Outbox> outboxes, HubState hub, boolean builtin) {
    this.builtin = builtin;
    this.kb = kb;
    this.redis = redis;
    this.outboxes = List.copyOf(outboxes);
    this.hub = hub;
  }

  @Override
  public void handle(RoutingContext ctx) {
    boolean kbUp = kb.knowledgeBase().loaded();
    redis.ping(List.of())
        .timeout(2, TimeUnit.SECONDS)
        .map(r -> true)
        .otherwise(false)
        .compose(redisUp -> redisUp
            ? Future.all(outboxes(), hub.goneSince().otherwiseEmpty()).map(all -> {
              JsonObject body = body(kbUp, true).put("outbox", all.<JsonObject>resultAt(0));
              Instant gone = all.resultAt(1);
              body.put("hub",
                  new JsonObject().put("deliveries", builtin ? "BUILTIN" : gone == null ? "ON" : "STOPPED"));
              if (gone != null) {
                body.put("alarms", new JsonArray().add("The help-line hub answered 410 Gone at " + gone
                    + ": deliveries are stopped; fix hub.url, then POST /api/v1/hub/resume"));
              }
              return body;
            })
            : Future.succeededFuture(body(kbUp, false)))
        .onComplete(ar -> {
          JsonObject body = ar.result();
          boolean up = "UP".equals(body.getString("status"));
          ctx.response().setStatusCode(up ? 200 : 503)
              .putHeader("Content-Type", "application/json; charset=utf-8")
              .end(body.encode());
        });
  }

  private JsonObject body(boolean kbUp, boolean redisUp) {
    return new JsonObject()
        .put("status", kbUp && redisUp ? "UP" : "DOWN")
        .put("redis", redisUp ? "UP" : "DOWN")
        .put("kb", new JsonObject()
            .put("status", kbUp ? "UP" : "LOADING")
            .put("entries", kb.knowledgeBase().entries().size())
            .put("skipped", kb.knowledgeBase().problems().size())
            .put("retrieval", kb.knowledgeBase().semantic() ? "hybrid" : "lexical"));
  }

  /** {"chat": {"pending": 0, "dead": 0}, ...}; a queue that does not answer in time is left out. */
  private Future<JsonObject> outboxes() {
    JsonObject queues = new JsonObject();
    List<Future<?>> stats = new ArrayList<>();
    for (Outbox o : outboxes) {
      stats.add(o.stats().timeout(2, TimeUnit.SECONDS)
          .onSuccess(
              st -> queues.put(o.queue(), new JsonObject().put("pending", st.pending()).put("dead", st.dead()))));
    }
    return Future.join(stats).transform(ar -> Future.succeededFuture(queues));
  }
}
