package org.linli.webhooks;

import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory {@link Deduplicator} that also remembers every key it was asked about (shared by the platform tests). */
public final class SeenKeys implements Deduplicator {

  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  public final List<String> asked = new CopyOnWriteArrayList<>();

  @Override
  public Future<Boolean> firstTime(String key) {
    asked.add(key);
    return Future.succeededFuture(seen.add(key));
  }
}
