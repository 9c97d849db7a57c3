package org.linli.bot.console;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;

/**
 * Slows down password guessing: after {@value #FAILURES} failed logins for one user name, or from
 * one address, within {@link #WINDOW} (counted from the first), further logins for that name or
 * from that address are refused until the window has passed, right password or not.
 */
final class LoginThrottle {

  static final int FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final RedisAPI redis;

  LoginThrottle(RedisAPI redis) {
    this.redis = redis;
  }

  /** True when logins for {@code name} or from {@code address} are refused now. */
  Future<Boolean> blocked(String name, String address) {
    return redis.mget(List.of(ConsoleKeys.failuresOfUser(name), ConsoleKeys.failuresOfAddress(address)))
        .map(counts -> {
          for (Response count : counts) {
            if (count != null && count.toLong() >= FAILURES) {
              return true;
            }
          }
          return false;
        });
  }

  /** Counts one failed login for {@code name} and for {@code address}. */
  Future<Void> failed(String name, String address) {
    return Future.all(count(ConsoleKeys.failuresOfUser(name)), count(ConsoleKeys.failuresOfAddress(address)))
        .mapEmpty();
  }

  /** Forgets the failures of {@code name} after it logged in (the address keeps its count). */
  Future<Void> succeeded(String name) {
    return redis.del(List.of(ConsoleKeys.failuresOfUser(name))).mapEmpty();
  }

  private Future<Response> count(String key) {
    // The window starts at the first failure: SET NX gives it its expiry, INCR keeps it.
    return redis.set(List.of(key, "0", "PX", String.valueOf(WINDOW.toMillis()), "NX"))
        .compose(ok -> redis.incr(key));
  }
}
