package org.linli.bot.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.Map;
import org.linli.webhooks.dingtalk.SessionWebhooks;

/**
 * DingTalk session webhooks in Redis, so that any instance — and this one after a restart — can
 * post into a conversation while its webhook lives; each key expires with its webhook.
 */
public final class RedisSessionWebhooks implements SessionWebhooks.Shared {

  private static final String PREFIX = "dingtalk:{sessions}:";

  private final RedisAPI redis;

  public RedisSessionWebhooks(RedisAPI redis) {
    this.redis = redis;
  }

  @Override
  public Future<Void> put(String conversationId, String url, long expiresAtMillis) {
    return redis.set(List.of(PREFIX + conversationId, expiresAtMillis + " " + url, "PXAT", String.valueOf(expiresAtMillis)))
        .mapEmpty();
  }

  @Override
  public Future<Map.Entry<String, Long>> get(String conversationId) {
    return redis.get(PREFIX + conversationId).map(r -> {
      if (r == null) {
        return null;
      }
      String[] parts = r.toString().split(" ", 2);
      return parts.length == 2 ? Map.entry(parts[1], Long.parseLong(parts[0])) : null;
    });
  }
}
