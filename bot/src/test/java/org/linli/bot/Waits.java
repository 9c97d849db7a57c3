package org.linli.bot;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting in tests for what the service does after it has answered (deliveries, retries). */
public final class Waits {

  private static final Duration WITHIN = Duration.ofSeconds(15);

  private Waits() {
  }

  /** Waits up to 15 s for {@code condition}, checking it every 10 ms. */
  public static void eventually(BooleanSupplier condition) {
    eventually(condition, WITHIN, () -> "condition not met within " + WITHIN.toSeconds() + " s");
  }

  /** Waits up to {@code within} for {@code condition}; else fails with the message {@code failure} gives. */
  public static void eventually(BooleanSupplier condition, Duration within, Supplier<String> failure) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(failure.get());
      }
      pause(10);
    }
  }

  /** Sleeps {@code millis} (to show that something does not happen). */
  public static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
