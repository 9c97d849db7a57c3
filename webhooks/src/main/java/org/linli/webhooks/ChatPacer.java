package org.linli.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per chat: at most {@code capacity} messages at once, refilled evenly over {@code
 * period}. It keeps a sender under the platform's per-chat limit instead of hitting it; a sender
 * that gets a wait back fails the message as temporary with that wait, and the outbox retries.
 * Buckets live in this instance (with several instances, the platform's 429 is the backstop).
 */
public final class ChatPacer {

  private static final int PRUNE_ABOVE = 10_000;

  private final int capacity;
  private final double perMilli;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public ChatPacer(int capacity, Duration period, Clock clock) {
    this.capacity = capacity;
    this.perMilli = capacity / (double) period.toMillis();
    this.clock = clock;
  }

  /** Takes a token for {@code chat}: 0 when taken, else the milliseconds until one is free. */
  public long take(String chat) {
    return take(chat, 1);
  }

  /** Takes {@code messages} tokens at once (a text and its image), or none and says how long to wait. */
  public long take(String chat, int messages) {
    long now = clock.millis();
    if (buckets.size() > PRUNE_ABOVE) {
      buckets.values().removeIf(b -> b.fullAt(now));
    }
    return buckets.computeIfAbsent(chat, c -> new Bucket(now)).take(now, Math.max(1, Math.min(messages, capacity)));
  }

  private final class Bucket {
    private double tokens = capacity;
    private long at;

    Bucket(long now) {
      this.at = now;
    }

    synchronized long take(long now, int wanted) {
      tokens = Math.min(capacity, tokens + Math.max(0, now - at) * perMilli);
      at = Math.max(at, now);
      if (tokens >= wanted) {
        tokens -= wanted;
        return 0;
      }
      return (long) Math.ceil((wanted - tokens) / perMilli);
    }

    synchronized boolean fullAt(long now) {
      return tokens + Math.max(0, now - at) * perMilli >= capacity;
    }
  }
}
