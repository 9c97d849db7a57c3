package org.linli.webhooks;

import io.vertx.core.Future;

/**
 * Says whether a platform event is new, so that a redelivered event is dropped. An event is
 * {@linkplain #claim claimed} while it is handled, {@linkplain #done done} once handled, and
 * {@linkplain #release released} when handling failed, so the platform's retry is handled again.
 */
public interface Deduplicator {

  /** True the first time {@code key} is asked about; the key then counts as done. */
  Future<Boolean> firstTime(String key);

  /**
   * True when this call may handle {@code key}, false when it is done; fails with {@link InFlight}
   * while another call holds it (that call may still fail, so the platform should try again). A
   * claim lapses by itself after a short lease. The default is {@link #firstTime}.
   */
  default Future<Boolean> claim(String key) {
    return firstTime(key);
  }

  /** Marks a claimed {@code key} as handled: later deliveries are dropped. */
  default Future<Void> done(String key) {
    return Future.succeededFuture();
  }

  /** Gives a claimed {@code key} up after handling failed: the next delivery is handled. */
  default Future<Void> release(String key) {
    return Future.succeededFuture();
  }

  /** The event is being handled by another call right now: neither handled nor dropped yet. */
  final class InFlight extends RuntimeException {
    public InFlight(String key) {
      super("event " + key + " is being handled by another call", null, false, false);
    }
  }
}
