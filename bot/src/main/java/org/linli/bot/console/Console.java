package org.linli.bot.console;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.linli.config.Settings;

/**
 * The console's parts over one Redis, built once by the composition root: accounts, sessions and
 * logins (throttled), API tokens, the audit log. The HTTP side ({@code org.linli.bot.http.console})
 * serves them.
 */
public final class Console {

  /** What a login attempt came to. */
  public enum Login {
    SIGNED_IN, WRONG, THROTTLED
  }

  /** A login's outcome, with the new session when signed in. */
  public record Attempt(Login outcome, Session session) {
  }

  private final Accounts accounts;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final ApiTokens tokens;
  private final Audit audit;
  private final Settings.Console settings;

  private Console(Accounts accounts, Sessions sessions, LoginThrottle throttle, ApiTokens tokens, Audit audit,
      Settings.Console settings) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.throttle = throttle;
    this.tokens = tokens;
    this.audit = audit;
    this.settings = settings;
  }

  /** The console over {@code redis}, as {@code settings} say. */
  public static Console of(Vertx vertx, RedisAPI redis, Settings.Console settings, Clock clock) {
    Sessions sessions = new Sessions(redis, Duration.ofMinutes(settings.sessionIdleMinutes()));
    Accounts accounts = new Accounts(redis, new Passwords(vertx), sessions, clock);
    return new Console(accounts, sessions, new LoginThrottle(redis), new ApiTokens(redis, accounts, clock),
        new Audit(redis, clock), settings);
  }

  /** Creates the bootstrap admin of the settings when no account exists yet. */
  public Future<Boolean> bootstrap() {
    return accounts.bootstrap(settings.bootstrapAdmin());
  }

  /** The accounts. */
  public Accounts accounts() {
    return accounts;
  }

  /** The accounts' API tokens. */
  public ApiTokens tokens() {
    return tokens;
  }

  /** The audit log, for every change made through the console or with a token. */
  public Audit audit() {
    return audit;
  }

  /** The console's settings. */
  public Settings.Console settings() {
    return settings;
  }

  /** How long a session lives without use. */
  public Duration sessionIdle() {
    return sessions.idle();
  }

  /** The most failed logins per user name or address within {@link #throttleWindow()}. */
  public static int throttleFailures() {
    return LoginThrottle.FAILURES;
  }

  /** The window failed logins are counted in. */
  public static Duration throttleWindow() {
    return LoginThrottle.WINDOW;
  }

  /**
   * Logs in {@code name} from {@code address}: refused without checking while the name or the
   * address has too many recent failures; a wrong password counts one more for both.
   */
  public Future<Attempt> login(String name, String password, String address) {
    String n = Accounts.normalise(name);
    return throttle.blocked(n, address).compose(blocked -> {
      if (blocked) {
        return Future.succeededFuture(new Attempt(Login.THROTTLED, null));
      }
      return accounts.verify(n, password).compose(found -> found.isEmpty()
          ? throttle.failed(n, address).map(v -> new Attempt(Login.WRONG, null))
          : throttle.succeeded(n).compose(v -> sessions.start(found.get()))
              .compose(session -> audit.record(n, "login", n).map(v -> new Attempt(Login.SIGNED_IN, session))));
    });
  }

  /** The live session of that cookie value, with its account as it is now (none once disabled). */
  public Future<Optional<Session>> session(String id) {
    return sessions.find(id).compose(stored -> {
      if (stored.isEmpty()) {
        return Future.succeededFuture(Optional.<Session>empty());
      }
      return accounts.find(stored.get().account()).map(account -> account.filter(a -> !a.disabled())
          .map(a -> new Session(id, a, stored.get().csrf())));
    });
  }

  /** Ends the session of that cookie value. */
  public Future<Void> logout(String id) {
    return sessions.end(id);
  }
}
