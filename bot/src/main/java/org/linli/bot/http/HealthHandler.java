package org.linli.bot.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import org.linli.bot.kb.KbService;

/** {@code GET /health}: 200 UP once the guides are indexed and Redis answers PING, else 503. */
public final class HealthHandler implements Handler<RoutingContext> {

  private final KbService kb;
  private final RedisAPI redis;

  public HealthHandler(KbService kb, RedisAPI redis) {
    this.kb = kb;
    this.redis = redis;
  }

  @Override
  public void handle(RoutingContext ctx) {
    boolean kbUp = kb.knowledgeBase().loaded();
    redis.ping(List.of())
        .timeout(2, java.util.concurrent.TimeUnit.SECONDS)
        .map(r -> true)
        .otherwise(false)
        .onComplete(ar -> {
          boolean redisUp = ar.succeeded() && ar.result();
          boolean up = kbUp && redisUp;
          JsonObject body = new JsonObject()
              .put("status", up ? "UP" : "DOWN")
              .put("redis", redisUp ? "UP" : "DOWN")
              .put("kb", new JsonObject()
                  .put("status", kbUp ? "UP" : "LOADING")
                  .put("entries", kb.knowledgeBase().entries().size())
                  .put("skipped", kb.knowledgeBase().problems().size())
                  .put("retrieval", kb.knowledgeBase().semantic() ? "hybrid" : "lexical"));
          ctx.response().setStatusCode(up ? 200 : 503)
              .putHeader("Content-Type", "application/json; charset=utf-8")
              .end(body.encode());
        });
  }
}
