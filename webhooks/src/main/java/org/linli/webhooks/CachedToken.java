package org.linli.webhooks;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * A platform's API access token (WeCom's {@code access_token}, Feishu's {@code
 * tenant_access_token}), kept for as long as its issuer says it may be; callers asking while one is
 * being fetched share that one request, and a token the API called invalid is forgotten.
 */
public final class CachedToken {

  /** A token and how long to keep it, in milliseconds from now. */
  public record Issued(String token, long keepMillis) {
  }

  private final Clock clock;
  private final Supplier<Future<Issued>> fetch;
  private String token;
  private long expiresAt;
  private Future<String> pending;

  /** {@code fetch} asks the platform for a new token. */
  public CachedToken(Clock clock, Supplier<Future<Issued>> fetch) {
    this.clock = clock;
    this.fetch = fetch;
  }

  /** A valid token: the kept one, or a fresh one. */
  public synchronized Future<String> current() {
    if (token != null && clock.millis() < expiresAt) {
      return Future.succeededFuture(token);
    }
    if (pending != null) {
      return pending;
    }
    Future<String> request = fetch.get().map(issued -> {
      synchronized (this) {
        token = issued.token();
        expiresAt = clock.millis() + issued.keepMillis();
      }
      return issued.token();
    });
    if (!request.isComplete()) {
      pending = request;
      request.onComplete(done -> {
        synchronized (this) {
          if (pending == request) {
            pending = null;
          }
        }
      });
    }
    return request;
  }

  /** Forgets {@code stale} (the API refused it), so the next call fetches another. */
  public synchronized void invalidate(String stale) {
    if (stale.equals(token)) {
      token = null;
    }
  }
}
