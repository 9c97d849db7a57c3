package org.linli.bot;

import java.util.function.BooleanSupplier;

/** Waiting in tests for what the service does after it has answered (deliveries, retries). */
public final class Waits {

  private static final long WITHIN_MILLIS = 15_000;

  private Waits() {
  }

  /** Waits up to 15 s for {@code condition}, checking it every 10 ms. */
  public static void eventually(BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + WITHIN_MILLIS;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within " + WITHIN_MILLIS / 1000 + " s");
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
