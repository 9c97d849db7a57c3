package org.linli.bot.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs a task on one instance at a time (a platform that allows one poller per bot, say): the
 * instance holding a Redis key with a 30-second expiry, renewed every 10 seconds, runs it; when the
 * holder dies its key expires and another instance takes over.
 */
public final class Leadership {

  private static final LuaScript RENEW = LuaScript.load("leadership-renew");

  private final RedisAPI redis;
  private final String key;
  private final String me = UUID.randomUUID().toString();
  private final Supplier<Future<Void>> start;
  private final Supplier<Future<Void>> stop;
  private Vertx vertx;
  private long timer = -1;
  private boolean leading;

  /** {@code start} and {@code stop} begin and end the task on this instance. */
  public Leadership(RedisAPI redis, String key, Supplier<Future<Void>> start, Supplier<Future<Void>> stop) {
    this.redis = redis;
    this.key = key;
    this.start = start;
    this.stop = stop;
  }

  /** Starts competing for the key. */
  public void start(Vertx vertx) {
    this.vertx = vertx;
    check();
    timer = vertx.setPeriodic(10_000, id -> check());
  }

  private void check() {
    RENEW.call().key("leader", key).arg("me", me).arg("ttlMillis", 30_000).run(redis)
        .map(r -> r.toInteger() == 1).otherwise(false)
        .onSuccess(holding -> {
          if (holding && !leading) {
            leading = true;
            start.get();
          } else if (!holding && leading) {
            leading = false;
            stop.get();
          }
        });
  }

  /** Stops the task here and gives the key up. */
  public Future<Void> stop() {
    if (vertx != null && timer >= 0) {
      vertx.cancelTimer(timer);
    }
    if (!leading) {
      return Future.succeededFuture();
    }
    leading = false;
    return stop.get().eventually(() -> redis.del(List.of(key)));
  }
}
