package org.linli.bot.console;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Console sessions in Redis: a random id per login, stored under its SHA-256 with the account's
 * name and a CSRF token, expiring after a time without use that every use starts again (sliding).
 */
final class Sessions {

  /** What a stored session names. */
  record Stored(String account, String csrf) {
  }

  private final RedisAPI redis;
  private final Duration idle;

  Sessions(RedisAPI redis, Duration idle) {
    this.redis = redis;
    this.idle = idle;
  }

  Duration idle() {
    return idle;
  }

  /** Starts a session for {@code account}: its id (for the cookie) and CSRF token. */
  Future<Session> start(Account account) {
    String id = Digests.random();
    String csrf = Digests.random();
    String key = ConsoleKeys.session(Digests.sha256(id));
    String ttl = String.valueOf(idle.toMillis());
    String mine = ConsoleKeys.sessionsOf(account.name());
    return redis.hset(List.of(key, "account", account.name(), "csrf", csrf))
        .compose(ok -> redis.pexpire(List.of(key, ttl)))
        .compose(ok -> redis.sadd(List.of(mine, key)))
        .compose(ok -> redis.pexpire(List.of(mine, ttl)))
        .map(ok -> new Session(id, account, csrf));
  }

  /** The session of that id while it lives, its time without use started again. */
  Future<Optional<Stored>> find(String id) {
    if (id == null || id.isEmpty() || id.length() > 100) {
      return Future.succeededFuture(Optional.empty());
    }
    String key = ConsoleKeys.session(Digests.sha256(id));
    return redis.hgetall(key).compose(h -> {
      String account = text(h, "account");
      String csrf = text(h, "csrf");
      if (account == null || csrf == null) {
        return Future.succeededFuture(Optional.empty());
      }
      String ttl = String.valueOf(idle.toMillis());
      return redis.pexpire(List.of(key, ttl))
          .compose(ok -> redis.pexpire(List.of(ConsoleKeys.sessionsOf(account), ttl)))
          .map(ok -> Optional.of(new Stored(account, csrf)));
    });
  }

  /** Ends one session. */
  Future<Void> end(String id) {
    if (id == null || id.isEmpty()) {
      return Future.succeededFuture();
    }
    return redis.del(List.of(ConsoleKeys.session(Digests.sha256(id)))).mapEmpty();
  }

  /** Ends every session of {@code account} (a new password, a disabled account). */
  Future<Void> endAll(String account) {
    String mine = ConsoleKeys.sessionsOf(account);
    return redis.smembers(mine).compose(keys -> {
      List<String> all = new ArrayList<>();
      keys.forEach(k -> all.add(k.toString()));
      all.add(mine);
      return redis.del(all);
    }).mapEmpty();
  }

  private static String text(Response hash, String field) {
    if (hash == null) {
      return null;
    }
    Response v = hash.get(field);
    return v == null ? null : v.toString();
  }
}
