package org.linli.bot.console;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.Conflict;
import org.linli.bot.errors.NotFound;
import org.linli.bot.redis.LuaScript;
import org.linli.bot.text.Text;
import org.linli.config.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's accounts in Redis, one hash each: create (a name once), find, list, check a
 * password, set a new one, disable and enable; and the bootstrap admin created at start when no
 * account exists.
 */
public final class Accounts {

  private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
  private static final LuaScript CREATE = LuaScript.load("console-account-create");
  /** A user name: 2 to 32 of lower-case letters, digits, dots, dashes, underscores, not starting with a sign. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");

  private final RedisAPI redis;
  private final Passwords passwords;
  private final Sessions sessions;
  private final Clock clock;

  Accounts(RedisAPI redis, Passwords passwords, Sessions sessions, Clock clock) {
    this.redis = redis;
    this.passwords = passwords;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** The stored form of a typed user name: stripped and in lower case. */
  public static String normalise(String name) {
    return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Creates an account working for the default community; refused when the name or password is
   * not acceptable or the name is taken.
   */
  public Future<Account> create(String name, String password, Role role) {
    return create(name, password, role, Set.of(Account.DEFAULT_COMMUNITY));
  }

  /**
   * Creates an account working for {@code communities} (ids, or {@link Account#EVERY_COMMUNITY});
   * refused when the name or password is not acceptable, the name is taken, or a moderator or
   * operator would work for no community.
   */
  public Future<Account> create(String name, String password, Role role, Set<String> communities) {
    String n = normalise(name);
    if (communities.isEmpty() || communities.stream().anyMatch(c -> c.contains(","))) {
      return Future.failedFuture(new BadRequest(Text.CONSOLE_ACCOUNT_COMMUNITIES_NONE.of()));
    }
    try {
      checkName(n);
      Passwords.check(password);
    } catch (BadRequest e) {
      return Future.failedFuture(e);
    }
    Instant now = clock.instant();
    return passwords.hash(password)
        .compose(hash -> create(n, role, communities, hash, now, false))
        .map(created -> {
          if (created.toInteger() == 0) {
            throw new Conflict(Text.CONSOLE_ACCOUNT_EXISTS.of(n));
          }
          return new Account(n, role, communities, false, now);
        });
  }

  /**
   * Creates the admin named in {@code bootstrap} ({@code user:password}) when no account exists;
   * true when it was created now.
   */
  public Future<Boolean> bootstrap(Secret bootstrap) {
    if (!bootstrap.isSet()) {
      return Future.succeededFuture(false);
    }
    String value = bootstrap.reveal();
    int colon = value.indexOf(':');
    String name = normalise(value.substring(0, colon));
    String password = value.substring(colon + 1);
    if (password.codePointCount(0, password.length()) < Passwords.MIN_LENGTH) {
      LOG.warn("The bootstrap admin's password is shorter than {} characters: change it in the console",
          Passwords.MIN_LENGTH);
    }
    if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
      return Future.failedFuture(new BadRequest(Text.CONSOLE_PASSWORD_TOO_LONG.of(Passwords.MAX_BYTES)));
    }
    return redis.scard(ConsoleKeys.ACCOUNTS).compose(count -> {
      if (count.toLong() > 0) {
        return Future.succeededFuture(false);
      }
      return passwords.hash(password)
          .compose(hash -> create(name, Role.ADMIN, Set.of(Account.DEFAULT_COMMUNITY), hash, clock.instant(), true))
          .map(created -> created.toInteger() == 1);
    }).onSuccess(created -> {
      if (created) {
        LOG.info("Console: created the bootstrap admin '{}'", name);
      }
    });
  }

  private Future<Response> create(String name, Role role, Set<String> communities, String hash, Instant created,
      boolean onlyFirst) {
    return CREATE.call()
        .key("account", ConsoleKeys.account(name))
        .key("accounts", ConsoleKeys.ACCOUNTS)
        .arg("name", name)
        .arg("role", role.wire())
        .arg("communities", String.join(",", new java.util.TreeSet<>(communities)))
        .arg("password", hash)
        .arg("created", created.toEpochMilli())
        .arg("onlyFirst", onlyFirst ? "1" : "0")
        .run(redis);
  }

  /** The account of that name, if it exists. */
  public Future<Optional<Account>> find(String name) {
    String n = normalise(name);
    if (!NAME.matcher(n).matches()) {
      return Future.succeededFuture(Optional.empty());
    }
    return redis.hgetall(ConsoleKeys.account(n)).map(h -> Optional.ofNullable(account(n, h)));
  }

  /** Every account, by name. */
  public Future<List<Account>> list() {
    return redis.smembers(ConsoleKeys.ACCOUNTS).compose(names -> {
      List<Future<Optional<Account>>> all = new ArrayList<>();
      names.forEach(n -> all.add(find(n.toString())));
      return Future.all(all).map(done -> all.stream().map(Future::result).flatMap(Optional::stream)
          .sorted(Comparator.comparing(Account::name)).toList());
    });
  }

  /**
   * The account when {@code password} is its password and it is not disabled; empty otherwise (a
   * name that does not exist takes as long to refuse as a wrong password).
   */
  public Future<Optional<Account>> verify(String name, String password) {
    String n = normalise(name);
    Future<Response> stored = NAME.matcher(n).matches()
        ? redis.hgetall(ConsoleKeys.account(n))
        : Future.succeededFuture(null);
    return stored.compose(h -> {
      Account account = account(n, h);
      String hash = account == null ? null : text(h, "password");
      return passwords.matches(password, hash)
          .map(match -> match && !account.disabled() ? Optional.of(account) : Optional.<Account>empty());
    });
  }

  /** Sets a new password and ends the account's sessions. */
  public Future<Void> resetPassword(String name, String password) {
    try {
      Passwords.check(password);
    } catch (BadRequest e) {
      return Future.failedFuture(e);
    }
    return existing(name).compose(account -> passwords.hash(password)
        .compose(hash -> redis.hset(List.of(ConsoleKeys.account(account.name()), "password", hash)))
        .compose(ok -> sessions.endAll(account.name())));
  }

  /**
   * Sets the communities an account works for (ids, or {@link Account#EVERY_COMMUNITY}); its
   * sessions end, so its pages show the new ones at the next login.
   */
  public Future<Account> setCommunities(String name, Set<String> communities) {
    if (communities.isEmpty() || communities.stream().anyMatch(c -> c.contains(","))) {
      return Future.failedFuture(new BadRequest(Text.CONSOLE_ACCOUNT_COMMUNITIES_NONE.of()));
    }
    return existing(name).compose(account -> redis.hset(List.of(ConsoleKeys.account(account.name()), "communities",
        String.join(",", new java.util.TreeSet<>(communities))))
        .compose(ok -> sessions.endAll(account.name()))
        .map(v -> new Account(account.name(), account.role(), communities, account.disabled(), account.created())));
  }

  /** Disables (the account can no longer log in, its sessions end, its tokens stop working) or enables it again. */
  public Future<Void> setDisabled(String name, boolean disabled) {
    return existing(name).compose(account -> redis.hset(List.of(ConsoleKeys.account(account.name()), "disabled",
        disabled ? "1" : "0")))
        .compose(ok -> disabled ? sessions.endAll(normalise(name)) : Future.succeededFuture());
  }

  private Future<Account> existing(String name) {
    return find(name).map(found -> found.orElseThrow(() -> new NotFound(Text.CONSOLE_ACCOUNT_UNKNOWN.of(
        normalise(name)))));
  }

  private static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new BadRequest(Text.CONSOLE_ACCOUNT_NAME_INVALID.of());
    }
  }

  private static Account account(String name, Response h) {
    if (h == null || h.size() == 0) {
      return null;
    }
    Optional<Role> role = Role.of(text(h, "role"));
    if (role.isEmpty()) {
      return null;
    }
    String communities = text(h, "communities");
    Set<String> set = communities == null || communities.isEmpty()
        ? Set.of()
        : Arrays.stream(communities.split(",")).collect(Collectors.toSet());
    String created = text(h, "created");
    return new Account(name, role.get(), set, "1".equals(text(h, "disabled")),
        Instant.ofEpochMilli(created == null ? 0 : Long.parseLong(created)));
  }

  private static String text(Response hash, String field) {
    Response v = hash.get(field);
    return v == null ? null : v.toString();
  }
}
