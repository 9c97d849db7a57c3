package org.linli.bot.timer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.linli.bot.redis.OutageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop every instance runs over timers kept in Redis (poll deadlines, ticket reminders): every
 * period, claim the due jobs under a lease, run each, mark it done. A job that fails keeps its
 * claim until the lease ends and is then claimed again (by any instance); jobs are written to be
 * idempotent, so a second run changes nothing. One round at a time per instance.
 *
 * @param <J> a claimed job
 */
public final class TimerLoop<J> {

  private static final Logger LOG = LoggerFactory.getLogger(TimerLoop.class);

  private final OutageLog outages = new OutageLog(LOG);
  private final String name;
  private final Supplier<Future<List<J>>> claim;
  private final Function<J, Future<?>> run;
  private final Function<J, Future<?>> done;
  private Vertx vertx;
  private long timer = -1;
  private boolean running;

  /** {@code name} appears in log lines; {@code claim}, {@code run} and {@code done} do the work. */
  public TimerLoop(String name, Supplier<Future<List<J>>> claim, Function<J, Future<?>> run,
      Function<J, Future<?>> done) {
    this.name = name;
    this.claim = claim;
    this.run = run;
    this.done = done;
  }

  /** Starts this instance's loop (every {@code periodMillis}). */
  public void start(Vertx vertx, long periodMillis) {
    this.vertx = vertx;
    timer = vertx.setPeriodic(periodMillis, id -> tick());
  }

  /** Stops the loop. */
  public void stop() {
    if (vertx != null && timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** Runs what is due now; completes when done (tests call it directly). */
  public Future<Void> tick() {
    if (running) {
      return Future.succeededFuture();
    }
    running = true;
    return claim.get()
        .compose(jobs -> {
          Future<Void> chain = Future.succeededFuture();
          for (J job : jobs) {
            chain = chain.compose(v -> run.apply(job).compose(x -> done.apply(job)).<Void>mapEmpty().recover(e -> {
              LOG.warn("{}: {} failed, retried when its lease ends: {}", name, job, e.toString());
              return Future.succeededFuture();
            }));
          }
          return chain;
        })
        .onFailure(e -> outages.warn("{}: could not claim due jobs: {}", name, e.toString()))
        .onComplete(r -> running = false);
  }
}
