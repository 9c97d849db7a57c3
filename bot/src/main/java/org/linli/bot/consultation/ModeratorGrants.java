package org.linli.bot.consultation;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The moderators granted while the service runs (by the admin API or the console), beside those of
 * the {@code consultation.moderators} setting: one Redis set {@link #KEY} of {@code
 * platform:chat:user} entries, shared by every instance, so a grant needs no restart.
 */
public final class ModeratorGrants {

  static final String KEY = "moderators:{grants}";

  private final RedisAPI redis;

  public ModeratorGrants(RedisAPI redis) {
    this.redis = redis;
  }

  /** Adds {@code entry} ({@code platform:chat:user}); true when it was not there. */
  Future<Boolean> add(String entry) {
    return redis.sadd(List.of(KEY, entry)).map(r -> r.toInteger() == 1);
  }

  /** Removes {@code entry}; true when it was there. */
  Future<Boolean> remove(String entry) {
    return redis.srem(List.of(KEY, entry)).map(r -> r.toInteger() == 1);
  }

  /** Every granted entry. */
  Future<List<String>> all() {
    return redis.smembers(KEY).map(r -> {
      List<String> entries = new ArrayList<>();
      for (Response e : r) {
        entries.add(e.toString());
      }
      return entries;
    });
  }
}
