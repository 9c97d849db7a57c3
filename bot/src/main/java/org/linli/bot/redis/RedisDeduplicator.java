package org.linli.bot.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import org.linli.webhooks.Deduplicator;

/**
 * Drops platform events delivered twice (WeCom retries three times, Telegram and Feishu redeliver
 * when an answer is late): the first instance to see an event's key keeps it for a day (SET NX
 * EX), shared by every instance on the same Redis.
 */
public final class RedisDeduplicator implements Deduplicator {

  private static final String PREFIX = "dedupe:{events}:";
  private static final String SECONDS = "86400";

  private final RedisAPI redis;

  public RedisDeduplicator(RedisAPI redis) {
    this.redis = redis;
  }

  @Override
  public Future<Boolean> firstTime(String key) {
    return redis.set(List.of(PREFIX + key, "1", "NX", "EX", SECONDS)).map(r -> r != null);
  }
}
