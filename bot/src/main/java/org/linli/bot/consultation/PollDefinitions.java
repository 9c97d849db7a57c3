package org.linli.bot.consultation;

import io.vertx.core.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Poll definitions kept in memory for a short while, so that a vote costs one Redis call (the vote
 * script) rather than two. Only what does not change while a poll is open is read from here — the
 * options, the scale, whether it is secret and its ballot key; whether the poll is open, its
 * deadline and the tallies are always decided by the vote script in Redis. Entries live ten
 * seconds, so a closed secret poll's key leaves memory soon after it leaves Redis.
 */
final class PollDefinitions {

  private static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final int MAX = 1_000;

  private record Entry(PollStore.Stored stored, long expires) {
  }

  private final PollStore store;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  PollDefinitions(PollStore store) {
    this.store = store;
  }

  /** The poll with this id (possibly a few seconds old), or null when there is none. */
  Future<PollStore.Stored> find(String pollId) {
    long now = System.nanoTime();
    Entry entry = entries.get(pollId);
    if (entry != null && entry.expires() - now > 0) {
      return Future.succeededFuture(entry.stored());
    }
    return store.find(pollId).map(stored -> {
      if (stored != null && stored.open()) {
        if (entries.size() >= MAX) {
          entries.clear();
        }
        entries.put(pollId, new Entry(stored, now + TTL_NANOS));
      }
      return stored;
    });
  }

  /** Forgets a poll at once (closed here). */
  void forget(String pollId) {
    entries.remove(pollId);
  }
}
