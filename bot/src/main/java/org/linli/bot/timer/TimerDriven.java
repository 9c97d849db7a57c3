package org.linli.bot.timer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * A part that does its work on a {@link TimerLoop} (poll deadlines, ticket reminders, proposal
 * deadlines, the ends of intake questions): started and stopped with the service, and run one round
 * at a time by tests with a settable clock.
 */
public interface TimerDriven {

  /** The loop that does the work. */
  TimerLoop<?> loop();

  /** Starts this instance's loop (every {@code periodMillis}). */
  default void start(Vertx vertx, long periodMillis) {
    loop().start(vertx, periodMillis);
  }

  /** Stops the loop. */
  default void stop() {
    loop().stop();
  }

  /** Runs what is due now; completes when done (tests call it directly). */
  default Future<Void> tick() {
    return loop().tick();
  }
}
