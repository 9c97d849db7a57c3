package org.linli.bot.console;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.NotFound;
import org.linli.bot.text.Text;

/**
 * Per-account tokens for the REST API ({@code Authorization: Bearer lnl_…}): made in the console,
 * shown once, stored as their SHA-256 only; a token acts with its account's role while the account
 * exists and is not disabled, until revoked.
 */
public final class ApiTokens {

  /** What every token starts with, so a leaked one is recognised for what it is. */
  static final String PREFIX = "lnl_";
  private static final int ID_LENGTH = 12;

  /** A token just made: the clear text (show it once) and how it is listed. */
  public record Made(String token, ApiToken listed) {
  }

  private final RedisAPI redis;
  private final Accounts accounts;
  private final Clock clock;

  ApiTokens(RedisAPI redis, Accounts accounts, Clock clock) {
    this.redis = redis;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** Makes a token for {@code account}, labelled (1 to 60 characters, no control characters). */
  public Future<Made> create(Account account, String label) {
    String l = label == null ? "" : label.strip();
    if (l.isEmpty() || l.codePointCount(0, l.length()) > 60 || l.chars().anyMatch(Character::isISOControl)) {
      return Future.failedFuture(new BadRequest(Text.CONSOLE_TOKEN_LABEL_INVALID.of()));
    }
    String token = PREFIX + Digests.random();
    String hash = Digests.sha256(token);
    Instant now = clock.instant();
    return redis.hset(List.of(ConsoleKeys.token(hash), "account", account.name(), "label", l, "created",
        String.valueOf(now.toEpochMilli())))
        .compose(ok -> redis.sadd(List.of(ConsoleKeys.tokensOf(account.name()), hash)))
        .map(ok -> new Made(token, new ApiToken(hash.substring(0, ID_LENGTH), l, now)));
  }

  /** The tokens of {@code account}, newest first. */
  public Future<List<ApiToken>> list(String account) {
    return hashes(account).compose(hashes -> {
      List<Future<ApiToken>> all = new ArrayList<>();
      for (String hash : hashes) {
        all.add(redis.hgetall(ConsoleKeys.token(hash)).map(h -> h == null || h.get("label") == null
            ? null
            : new ApiToken(hash.substring(0, ID_LENGTH), h.get("label").toString(),
                Instant.ofEpochMilli(Long.parseLong(h.get("created").toString())))));
      }
      return Future.all(all).map(done -> all.stream().map(Future::result).filter(t -> t != null)
          .sorted(Comparator.comparing(ApiToken::created).reversed()).toList());
    });
  }

  /** Revokes the token of {@code account} with that id; the revoked token's label. */
  public Future<String> revoke(String account, String id) {
    return hashes(account).compose(hashes -> {
      Optional<String> hash = hashes.stream().filter(h -> id != null && id.length() == ID_LENGTH && h.startsWith(id))
          .findFirst();
      if (hash.isEmpty()) {
        return Future.failedFuture(new NotFound(Text.CONSOLE_TOKEN_UNKNOWN.of()));
      }
      return redis.hget(ConsoleKeys.token(hash.get()), "label")
          .compose(label -> redis.del(List.of(ConsoleKeys.token(hash.get())))
              .compose(ok -> redis.srem(List.of(ConsoleKeys.tokensOf(account), hash.get())))
              .map(ok -> label == null ? id : label.toString()));
    });
  }

  /** The account a presented token acts for, when it is a live token of an enabled account. */
  public Future<Optional<Account>> account(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
      return Future.succeededFuture(Optional.empty());
    }
    return redis.hget(ConsoleKeys.token(Digests.sha256(token)), "account").compose(name -> name == null
        ? Future.succeededFuture(Optional.<Account>empty())
        : accounts.find(name.toString()).map(found -> found.filter(a -> !a.disabled())));
  }

  private Future<List<String>> hashes(String account) {
    return redis.smembers(ConsoleKeys.tokensOf(account)).map(set -> {
      List<String> all = new ArrayList<>();
      for (Response r : set) {
        all.add(r.toString());
      }
      return all;
    });
  }
}
