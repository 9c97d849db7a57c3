package org.linli.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting in a test, blocking, for what happens after the call under test has returned (a send
 * that follows a response, a delivery the outbox makes later): checked again every {@code
 * pause} until it holds or the time is up. Shared with the bot's tests through the test-jar.
 */
public final class Eventually {

  private Eventually() {
  }

  /**
   * Waits up to {@code within}, checking every {@code pause}, for {@code condition}; fails with an
   * {@link AssertionError} saying {@code otherwise} when it does not hold by then.
   */
  public static void until(BooleanSupplier condition, Duration within, Duration pause, Supplier<String> otherwise) {
    found(() -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty(), within, pause, otherwise);
  }

  /**
   * The first of {@code items} (read again at each check) that passes {@code test}, waiting up to
   * {@code within} and checking every {@code pause}; an {@link AssertionError} saying {@code
   * otherwise} when none has by then.
   */
  public static <T> T first(Supplier<? extends Collection<T>> items, Predicate<? super T> test, Duration within,
      Duration pause, Supplier<String> otherwise) {
    return found(() -> new ArrayList<T>(items.get()).stream().filter(test).findFirst(), within, pause, otherwise);
  }

  private static <T> T found(Supplier<Optional<T>> probe, Duration within, Duration pause, Supplier<String> otherwise) {
    long deadline = System.nanoTime() + within.toNanos();
    Optional<T> found = probe.get();
    while (found.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting: " + otherwise.get(), e);
      }
      found = probe.get();
    }
    return found.orElseThrow(() -> new AssertionError(otherwise.get()));
  }
}
