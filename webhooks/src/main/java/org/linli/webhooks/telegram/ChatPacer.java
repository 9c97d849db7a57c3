package org.linli.webhooks.telegram;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps this instance within Telegram's sending limits with token buckets: per group 20 messages a
 * minute (a burst of 3), per private chat 1 a second, and 30 a second for the whole bot. A slot is
 * either granted at once, granted after a wait (a reply to someone waits its turn), or refused with
 * the time until one frees (a message from the outbox goes back with that as its retry delay).
 *
 * <p>The buckets live in this process: instances behind a load balancer each keep their own pace,
 * and Telegram's 429 with {@code retry_after} remains the last word.
 */
final class ChatPacer {

  /** A send may go after {@code waitMillis} when {@code granted}; otherwise a slot frees in that time. */
  record Slot(boolean granted, long waitMillis) {}

  private static final int MAX_IDLE_BUCKETS = 10_000;

  private final Rate group;
  private final Rate direct;
  private final Bucket all;
  private final LongSupplier nanos;
  private final Map<String, Bucket> chats = new HashMap<>();

  /** Telegram's published limits, on the system clock. */
  ChatPacer() {
    this(new Rate(3, 20, TimeUnit.MINUTES), new Rate(1, 1, TimeUnit.SECONDS), new Rate(30, 30, TimeUnit.SECONDS),
        System::nanoTime);
  }

  ChatPacer(Rate group, Rate direct, Rate overall, LongSupplier nanos) {
    this.group = group;
    this.direct = direct;
    this.nanos = nanos;
    this.all = new Bucket(overall, nanos.getAsLong());
  }

  /** How many sends a bucket holds at most, and how many it regains per {@code unit}. */
  record Rate(int burst, int perUnit, TimeUnit unit) {
    double perNano() {
      return perUnit / (double) unit.toNanos(1);
    }
  }

  /**
   * Takes a slot for one message to {@code chatId}, if one is free within {@code maxWaitMillis}; a
   * refused slot takes nothing.
   */
  synchronized Slot take(String chatId, boolean isGroup, long maxWaitMillis) {
    long now = nanos.getAsLong();
    if (chats.size() > MAX_IDLE_BUCKETS) {
      chats.values().removeIf(b -> b.fullAt(now));
    }
    Bucket chat = chats.computeIfAbsent(chatId, id -> new Bucket(isGroup ? group : direct, now));
    long wait = Math.max(chat.waitNanos(now), all.waitNanos(now));
    long waitMillis = TimeUnit.NANOSECONDS.toMillis(wait + 999_999);
    if (waitMillis > maxWaitMillis) {
      return new Slot(false, waitMillis);
    }
    chat.take(now);
    all.take(now);
    return new Slot(true, waitMillis);
  }

  /** A token bucket whose level may go below zero: sends reserved ahead, each waiting its turn. */
  private static final class Bucket {
    private final Rate rate;
    private double tokens;
    private long at;

    Bucket(Rate rate, long now) {
      this.rate = rate;
      this.tokens = rate.burst();
      this.at = now;
    }

    private void refill(long now) {
      tokens = Math.min(rate.burst(), tokens + (now - at) * rate.perNano());
      at = now;
    }

    long waitNanos(long now) {
      refill(now);
      return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / rate.perNano());
    }

    void take(long now) {
      refill(now);
      tokens -= 1;
    }

    boolean fullAt(long now) {
      refill(now);
      return tokens >= rate.burst();
    }
  }
}
