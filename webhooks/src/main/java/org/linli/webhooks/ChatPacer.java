package org.linli.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps a sender within a platform's sending limits with token buckets: one per chat (groups and
 * private chats may have different rates), and optionally one for the whole bot. A slot is either
 * granted at once, granted after a wait (a reply to someone waits its turn), or refused with the
 * time until one frees; a refused slot takes nothing, and a sender that gets a wait back fails the
 * message as temporary with that wait, so the outbox retries.
 *
 * <p>The buckets live in this process: instances behind a load balancer each keep their own pace,
 * and the platform's 429 remains the last word.
 */
public final class ChatPacer {

  /** A send may go after {@code waitMillis} when {@code granted}; otherwise a slot frees in that time. */
  public record Slot(boolean granted, long waitMillis) {
  }

  /** How many sends a bucket holds at most, and how many it regains per {@code period}. */
  public record Rate(int burst, int count, Duration period) {

    /** {@code burst} at most, regaining {@code perUnit} sends per one {@code unit}. */
    public Rate(int burst, int perUnit, TimeUnit unit) {
      this(burst, perUnit, Duration.of(1, unit.toChronoUnit()));
    }

    public Rate {
      if (burst < 1 || count < 1 || period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("a rate needs a burst, a count and a period above zero");
      }
    }

    private double perTick(long ticksPerMilli) {
      return ticksPerMilli == 1 ? count / (double) period.toMillis() : count / (double) period.toNanos();
    }
  }

  private static final int PRUNE_ABOVE = 10_000;
  private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

  private final Rate group;
  private final Rate direct;
  private final Bucket all;
  private final LongSupplier ticks;
  private final long ticksPerMilli;
  private final Map<String, Bucket> chats = new HashMap<>();

  /**
   * The same limit for every chat and none for the whole bot: at most {@code capacity} messages at
   * once, refilled evenly over {@code period}, on {@code clock}.
   */
  public ChatPacer(int capacity, Duration period, Clock clock) {
    this(new Rate(capacity, capacity, period), null, clock::millis, 1);
  }

  /**
   * A limit per group, per private chat and for the whole bot, on a clock in nanoseconds.
   *
   * @param nanos a monotonic clock, such as {@code System::nanoTime}
   */
  public ChatPacer(Rate group, Rate direct, Rate overall, LongSupplier nanos) {
    this(group, direct, overall, nanos, NANOS_PER_MILLI);
  }

  private ChatPacer(Rate perChat, Rate overall, LongSupplier ticks, long ticksPerMilli) {
    this(perChat, perChat, overall, ticks, ticksPerMilli);
  }

  private ChatPacer(Rate group, Rate direct, Rate overall, LongSupplier ticks, long ticksPerMilli) {
    this.group = group;
    this.direct = direct;
    this.ticks = ticks;
    this.ticksPerMilli = ticksPerMilli;
    this.all = overall == null ? null : new Bucket(overall, ticks.getAsLong());
  }

  /** Takes a token for {@code chat}: 0 when taken, else the milliseconds until one is free. */
  public long take(String chat) {
    return take(chat, 1);
  }

  /**
   * Takes {@code messages} tokens at once (a text and its image), or none and says how long to wait;
   * more messages than a burst holds count as a full burst.
   */
  public long take(String chat, int messages) {
    int wanted = Math.max(1, Math.min(messages, direct.burst()));
    Slot slot = take(chat, false, wanted, 0);
    return slot.granted() ? 0 : slot.waitMillis();
  }

  /**
   * Takes a slot for one message to {@code chat}, if one is free within {@code maxWaitMillis}; a
   * refused slot takes nothing.
   */
  public Slot take(String chat, boolean isGroup, long maxWaitMillis) {
    return take(chat, isGroup, 1, maxWaitMillis);
  }

  private synchronized Slot take(String chat, boolean isGroup, int wanted, long maxWaitMillis) {
    long now = ticks.getAsLong();
    if (chats.size() > PRUNE_ABOVE) {
      chats.values().removeIf(b -> b.fullAt(now));
    }
    Bucket bucket = chats.computeIfAbsent(chat, c -> new Bucket(isGroup ? group : direct, now));
    long wait = Math.max(bucket.waitTicks(now, wanted), all == null ? 0 : all.waitTicks(now, wanted));
    long waitMillis = (wait + ticksPerMilli - 1) / ticksPerMilli;
    if (waitMillis > maxWaitMillis) {
      return new Slot(false, waitMillis);
    }
    bucket.take(wanted);
    if (all != null) {
      all.take(wanted);
    }
    return new Slot(true, waitMillis);
  }

  /** A token bucket whose level may go below zero: sends reserved ahead, each waiting its turn. */
  private final class Bucket {
    private final int burst;
    private final double perTick;
    private double tokens;
    private long at;

    Bucket(Rate rate, long now) {
      this.burst = rate.burst();
      this.perTick = rate.perTick(ticksPerMilli);
      this.tokens = burst;
      this.at = now;
    }

    private void refill(long now) {
      tokens = Math.min(burst, tokens + Math.max(0, now - at) * perTick);
      at = Math.max(at, now);
    }

    long waitTicks(long now, int wanted) {
      refill(now);
      return tokens >= wanted ? 0 : (long) Math.ceil((wanted - tokens) / perTick);
    }

    void take(int wanted) {
      tokens -= wanted;
    }

    boolean fullAt(long now) {
      refill(now);
      return tokens >= burst;
    }
  }
}
