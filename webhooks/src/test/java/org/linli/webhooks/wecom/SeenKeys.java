package org.linli.webhooks.wecom;

import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.linli.webhooks.Deduplicator;

/** A deduplicator held in memory that records every key it was asked about. */
final class SeenKeys implements Deduplicator {

  final List<String> asked = new CopyOnWriteArrayList<>();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  @Override
  public Future<Boolean> firstTime(String key) {
    asked.add(key);
    return Future.succeededFuture(seen.add(key));
  }
}
