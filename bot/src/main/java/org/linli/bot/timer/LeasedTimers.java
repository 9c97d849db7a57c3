package org.linli.bot.timer;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import org.linli.bot.redis.LuaScript;

/**
 * Timers in one Redis sorted set (member = what is due, score = when), shared by every instance:
 * a claim moves the due members' score to the end of a lease, so no other instance takes them
 * until it runs out; {@link #done} removes a member only if its score is still that lease (it was
 * not planned anew meanwhile). Poll timers and ticket reminders both keep their jobs this way.
 */
public final class LeasedTimers {

  private static final LuaScript CLAIM =
      new LuaScript(
          """
          local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
          for _, m in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[2], m) end
          return due
          """);

  private static final LuaScript DONE =
      new LuaScript(
          """
          if tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1])) == tonumber(ARGV[2]) then
            return redis.call('ZREM', KEYS[1], ARGV[1])
          end
          return 0
          """);

  private final RedisAPI redis;
  private final String key;

  /** The timers in sorted set {@code key}. */
  public LeasedTimers(RedisAPI redis, String key) {
    this.redis = redis;
    this.key = key;
  }

  /** Claims up to {@code limit} members due at {@code nowMillis}, leasing them until {@code leaseMillis}. */
  public Future<List<String>> claim(long nowMillis, long leaseMillis, int limit) {
    return CLAIM.run(redis, List.of(key), List.of(String.valueOf(nowMillis), String.valueOf(leaseMillis),
            String.valueOf(limit)))
        .map(r -> {
          List<String> members = new ArrayList<>();
          for (Response m : r) {
            members.add(m.toString());
          }
          return members;
        });
  }

  /** Removes {@code member} if its claim with this lease still stands; true when removed. */
  public Future<Boolean> done(String member, long leaseMillis) {
    return DONE.run(redis, List.of(key), List.of(member, String.valueOf(leaseMillis))).map(r -> r.toInteger() == 1);
  }
}
