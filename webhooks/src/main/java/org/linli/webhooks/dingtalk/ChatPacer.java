package org.linli.webhooks.dingtalk;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per chat: at most {@code capacity} messages at once, refilled evenly over {@code
 * period}. It keeps us under the platform's per-chat limit instead of hitting it.
 */
final class ChatPacer {

  private static final int PRUNE_ABOVE = 10_000;

  private final int capacity;
  private final double perMilli;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  ChatPacer(int capacity, Duration period, Clock clock) {
    this.capacity = capacity;
    this.perMilli = capacity / (double) period.toMillis();
    this.clock = clock;
  }

  /** Takes a token for {@code chat}: 0 when taken, else the milliseconds until one is free. */
  long take(String chat) {
    long now = clock.millis();
    if (buckets.size() > PRUNE_ABOVE) {
      buckets.values().removeIf(b -> b.fullAt(now));
    }
    return buckets.computeIfAbsent(chat, c -> new Bucket(now)).take(now);
  }

  private final class Bucket {
    private double tokens = capacity;
    private long at;

    Bucket(long now) {
      this.at = now;
    }

    synchronized long take(long now) {
      tokens = Math.min(capacity, tokens + Math.max(0, now - at) * perMilli);
      at = Math.max(at, now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / perMilli);
    }

    synchronized boolean fullAt(long now) {
      return tokens + Math.max(0, now - at) * perMilli >= capacity;
    }
  }
}
