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
   * True when this call may handle {@code key}: it is neither done nor claimed by a call still in
   * flight. A claim lapses by itself after a short lease. The default is {@link #firstTime}.
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
}
