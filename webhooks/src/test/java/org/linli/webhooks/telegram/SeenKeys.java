package org.linli.webhooks.telegram;

import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.linli.webhooks.Deduplicator;

/** An in-memory {@link Deduplicator} that also remembers every key it was asked about. */
final class SeenKeys implements Deduplicator {

  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  final List<String> asked = new CopyOnWriteArrayList<>();

  @Override
  public Future<Boolean> firstTime(String key) {
    asked.add(key);
    return Future.succeededFuture(seen.add(key));
  }
}
