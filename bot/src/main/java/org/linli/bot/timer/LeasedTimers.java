package org.linli.bot.timer;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.linli.bot.redis.LuaScript;

/**
 * Timers in one Redis sorted set (member = what is due, score = when), shared by every instance:
 * a claim moves the due members' score to the end of a lease, so no other instance takes them
 * until it runs out; {@link #done} removes a member only if its score is still that lease (it was
 * not planned anew meanwhile). Poll timers and ticket reminders both keep their jobs this way.
 */
public final class LeasedTimers {

  private static final LuaScript CLAIM = LuaScript.load("timers-claim");
  private static final LuaScript DONE = LuaScript.load("timers-done");

  private final RedisAPI redis;
  private final String key;

  /** The timers in sorted set {@code key}. */
  public LeasedTimers(RedisAPI redis, String key) {
    this.redis = redis;
    this.key = key;
  }

  /** Claims up to {@code limit} members due at {@code nowMillis}, leasing them until {@code leaseMillis}. */
  public Future<List<String>> claim(long nowMillis, long leaseMillis, int limit) {
    return CLAIM.call()
        .key("timers", key)
        .arg("now", nowMillis)
        .arg("leaseUntil", leaseMillis)
        .arg("limit", limit)
        .run(redis)
        .map(r -> {
          List<String> members = new ArrayList<>();
          for (Response m : r) {
            members.add(m.toString());
          }
          return members;
        });
  }

  /** A member claimed under the lease that ends at {@code lease} (epoch milliseconds). */
  public record Claimed(String member, long lease) {
  }

  /**
   * The loop over these timers: every round claims up to 50 members due at {@code now} under a
   * lease of {@code leaseMillis}, runs each with {@code run} and marks it done.
   */
  public TimerLoop<Claimed> loop(String name, LongSupplier now, long leaseMillis, Function<Claimed, Future<?>> run) {
    return new TimerLoop<>(name, () -> {
      long at = now.getAsLong();
      long lease = at + leaseMillis;
      return claim(at, lease, 50).map(ids -> ids.stream().map(id -> new Claimed(id, lease)).toList());
    }, run, c -> done(c.member(), c.lease()));
  }

  /** Removes {@code member} if its claim with this lease still stands; true when removed. */
  public Future<Boolean> done(String member, long leaseMillis) {
    return DONE.call().key("timers", key).arg("member", member).arg("lease", leaseMillis).run(redis)
        .map(r -> r.toInteger() == 1);
  }
}
