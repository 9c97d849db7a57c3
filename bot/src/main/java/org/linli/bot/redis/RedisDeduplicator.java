package org.linli.bot.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import org.linli.webhooks.Deduplicator;

/**
 * Drops platform events delivered twice (platforms retry a callback that was not answered in time, and redeliver
 * when an answer is late), shared by every instance on the same Redis. An event is claimed for a
 * minute while it is handled (SET NX PX), kept as done for a day once handled (SET EX), and
 * released when handling failed (DEL), so the platform's retry is handled rather than dropped. A
 * delivery that arrives while another is handled is told {@link InFlight}, so the platform tries
 * again rather than the event being dropped should the first fail.
 */
public final class RedisDeduplicator implements Deduplicator {

  private static final String PREFIX = "dedupe:{events}:";
  private static final String SECONDS = "86400";
  /** Long enough for any answer; a claim whose holder died lapses after it. */
  private static final String LEASE_MILLIS = "60000";
  private static final String CLAIMED = "claimed";
  private static final LuaScript RELEASE = LuaScript.load("dedupe-release");

  private final RedisAPI redis;

  public RedisDeduplicator(RedisAPI redis) {
    this.redis = redis;
  }

  @Override
  public Future<Boolean> firstTime(String key) {
    return redis.set(List.of(PREFIX + key, "1", "NX", "EX", SECONDS)).map(r -> r != null);
  }

  @Override
  public Future<Boolean> claim(String key) {
    return claim(key, true);
  }

  private Future<Boolean> claim(String key, boolean again) {
    return redis.set(List.of(PREFIX + key, CLAIMED, "NX", "PX", LEASE_MILLIS)).compose(r -> {
      if (r != null) {
        return Future.succeededFuture(true);
      }
      return redis.get(PREFIX + key).compose(held -> {
        if (held == null) {
          // Released or lapsed in between: try once more.
          return again ? claim(key, false) : Future.failedFuture(new InFlight(key));
        }
        return CLAIMED.equals(held.toString()) ? Future.failedFuture(new InFlight(key)) : Future.succeededFuture(false);
      });
    });
  }

  @Override
  public Future<Void> done(String key) {
    return redis.set(List.of(PREFIX + key, "1", "EX", SECONDS)).mapEmpty();
  }

  @Override
  public Future<Void> release(String key) {
    // Only the holder releases, and only a claim: once its lease has lapsed another call may have
    // handled the event and marked it done, and that mark must stay.
    return RELEASE.call().key("event", PREFIX + key).arg("claimed", CLAIMED).run(redis).mapEmpty();
  }
}
