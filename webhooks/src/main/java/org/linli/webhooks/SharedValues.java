package org.linli.webhooks;

import io.vertx.core.Future;

/**
 * Short-lived values a platform shares between the service's instances and keeps across restarts
 * (DingTalk's session webhooks): the service keeps them in Redis, under the platform's own keys.
 */
public interface SharedValues {

  /** Keeps {@code value} under {@code key} until {@code expiresAtMillis}. */
  Future<Void> put(String key, String value, long expiresAtMillis);

  /** The value under {@code key}, or null when there is none (or it expired). */
  Future<String> get(String key);
}
