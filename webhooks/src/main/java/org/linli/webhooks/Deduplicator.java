package org.linli.webhooks;

import io.vertx.core.Future;

/** Says whether a key is seen for the first time (redelivered platform events are dropped). */
public interface Deduplicator {
  Future<Boolean> firstTime(String key);
}
