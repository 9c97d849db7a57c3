package org.linli.bot.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import org.linli.webhooks.SharedValues;

/**
 * The platforms' shared values in Redis (a platform's session webhooks, say), so that any
 * instance — and this one after a restart — can use them while they live; each key expires with
 * its value. The platform names the keys.
 */
public final class RedisSharedValues implements SharedValues {

  private final RedisAPI redis;

  public RedisSharedValues(RedisAPI redis) {
    this.redis = redis;
  }

  @Override
  public Future<Void> put(String key, String value, long expiresAtMillis) {
    return redis.set(List.of(key, value, "PXAT", String.valueOf(expiresAtMillis))).mapEmpty();
  }

  @Override
  public Future<String> get(String key) {
    return redis.get(key).map(r -> r == null ? null : r.toString());
  }
}
