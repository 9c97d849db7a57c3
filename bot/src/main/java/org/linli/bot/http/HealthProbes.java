package org.linli.bot.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.RedisAPI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.linli.bot.kb.KbService;
import org.linli.bot.outbox.Outbox;

/**
 * The probes for machines, beside {@code /health} for people. {@code GET /health/live}: 200 while
 * the process serves HTTP (a liveness probe must not restart an instance that is still loading its
 * guides). {@code GET /health/ready}: 200 only when the guides are indexed, Redis answers (PING;
 * on a Cluster, {@code CLUSTER INFO} says {@code cluster_state:ok}: every slot has a master that
 * answers) and every outbox queue can be read, and the service is not shutting down; else 503 with {@code
 * {"status":"DOWN","checks":{...},"failed":[...]}} naming the checks that failed.
 */
public final class HealthProbes implements FeatureRoutes {

  private final KbService kb;
  private final RedisAPI redis;
  private final List<Outbox> outboxes;
  private final boolean cluster;
  private volatile boolean draining;

  /** {@code cluster}: Redis is a Cluster (readiness asks for the state of every slot). */
  public HealthProbes(KbService kb, RedisAPI redis, List<Outbox> outboxes, boolean cluster) {
    this.cluster = cluster;
    this.kb = kb;
    this.redis = redis;
    this.outboxes = List.copyOf(outboxes);
  }

  @Override
  public void mount(Router router, Guards guards) {
    router.get("/health/live").handler(ctx -> Routes.json(ctx, new JsonObject().put("status", "UP")));
    router.get("/health/ready").handler(this::ready);
  }

  /** From now on {@code /health/ready} answers 503: the service is shutting down. */
  public void drain() {
    draining = true;
  }

  private void ready(RoutingContext ctx) {
    Future<Boolean> redisUp = (cluster
        ? redis.cluster(List.of("INFO")).map(r -> r != null && r.toString().contains("cluster_state:ok"))
        : redis.ping(List.of()).map(r -> true))
        .timeout(2, TimeUnit.SECONDS).otherwise(false);
    List<Future<?>> queues = new ArrayList<>();
    outboxes.forEach(o -> queues.add(o.stats().timeout(2, TimeUnit.SECONDS)));
    Future<Boolean> outboxUp = Future.all(queues).map(all -> true).otherwise(false);
    Future.join(redisUp, outboxUp).onComplete(ar -> {
      JsonObject checks = new JsonObject()
          .put("kb", kb.knowledgeBase().loaded() ? "UP" : "LOADING")
          .put("redis", redisUp.result() ? "UP" : "DOWN")
          .put("outbox", outboxUp.result() ? "UP" : "DOWN")
          .put("shutdown", draining ? "DRAINING" : "UP");
      JsonArray failed = new JsonArray();
      checks.forEach(check -> {
        if (!"UP".equals(check.getValue())) {
          failed.add(check.getKey());
        }
      });
      ctx.response().setStatusCode(failed.isEmpty() ? 200 : 503);
      Routes.json(ctx, new JsonObject().put("status", failed.isEmpty() ? "UP" : "DOWN").put("checks", checks)
          .put("failed", failed));
    });
  }
}
