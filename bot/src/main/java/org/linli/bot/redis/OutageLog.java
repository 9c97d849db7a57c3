package org.linli.bot.redis;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A warning written at most once per second however often it happens — for what fails on every
 * round while Redis is away (claims of the outbox and the timers, requests answered 503) — with
 * how many like it were left out since the last line. A log stays readable through an outage.
 */
public final class OutageLog {

  private static final long PERIOD_NANOS = 1_000_000_000L;

  private final Logger log;
  private final AtomicLong last = new AtomicLong(System.nanoTime() - PERIOD_NANOS);
  private final AtomicLong skipped = new AtomicLong();

  /** Warnings go to {@code log}. */
  public OutageLog(Logger log) {
    this.log = log;
  }

  /** Writes {@code format} with {@code args} as a warning unless one was written in the last second. */
  public void warn(String format, Object... args) {
    long now = System.nanoTime();
    long before = last.get();
    if (now - before < PERIOD_NANOS || !last.compareAndSet(before, now)) {
      skipped.incrementAndGet();
      return;
    }
    long left = skipped.getAndSet(0);
    log.warn(left == 0 ? format : format + " (and " + left + " more like it)", args);
  }
}
