package org.linli.bot.helpline;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.List;

/**
 * Whether the hub said 410 Gone: then every instance stops delivering to it (messages wait in the
 * outbox), the health check reports it, and the logs raise the alarm until an administrator
 * resumes deliveries ({@code POST /api/v1/hub/resume}) once the hub's address is fixed.
 */
public final class HubState {

  private static final String KEY = "hub:{state}";

  private final RedisAPI redis;
  private volatile boolean goneSeen;

  public HubState(RedisAPI redis) {
    this.redis = redis;
  }

  /** Records that the hub answered 410 (first time wins; later calls keep the first moment). */
  public Future<Void> markGone(String webhookId, Instant at) {
    goneSeen = true;
    return redis.hset(List.of(KEY, "gone", "1")).compose(v -> redis.hsetnx(KEY, "since", at.toString()))
        .compose(v -> redis.hsetnx(KEY, "webhookId", webhookId)).mapEmpty();
  }

  /** When the hub said 410, or null while it is reachable. */
  public Future<Instant> goneSince() {
    return redis.hgetall(KEY).map(HubState::since);
  }

  private static Instant since(Response h) {
    if (h == null || h.get("gone") == null || !"1".equals(h.get("gone").toString())) {
      return null;
    }
    return h.get("since") == null ? Instant.EPOCH : Instant.parse(h.get("since").toString());
  }

  /** Resumes deliveries; true when they had been stopped. */
  public Future<Boolean> resume() {
    goneSeen = false;
    return redis.del(List.of(KEY)).map(r -> r.toInteger() > 0);
  }

  /** True when this instance has seen the hub gone since it last resumed (a cheap hint, no Redis). */
  boolean goneSeenHere() {
    return goneSeen;
  }
}
