package org.linli.bot.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.linli.webhooks.ChannelSender;
import org.linli.webhooks.WellFormedText;

/**
 * What becomes of a message whose delivery attempt failed: deferred (its channel is not set up; the
 * attempt does not count), retried after the schedule's next delay with ±10% jitter (longer if the
 * receiver asked, up to a day), or a dead letter — refused for good, or the schedule spent.
 */
final class RetryPolicy {

  private static final long LONGEST_RETRY_AFTER_MILLIS = Duration.ofDays(1).toMillis();
  private static final int LONGEST_ERROR = 500;

  /** The four outcomes of a failed attempt. */
  enum Kind {
    DEFERRED,
    RETRY,
    REFUSED,
    EXHAUSTED
  }

  /** An outcome, the delay before the next try (for DEFERRED and RETRY), and the error to keep. */
  record Decision(Kind kind, long delayMillis, String error) {
  }

  private final List<Duration> retries;
  private final Duration deferral;

  RetryPolicy(List<Duration> retries, Duration deferral) {
    this.retries = List.copyOf(retries);
    this.deferral = deferral;
  }

  /** The decision after attempt {@code attempt} (from 1) failed with {@code cause}. */
  Decision decide(int attempt, Throwable cause) {
    String error = describe(cause);
    if (cause instanceof DeliveryDeferred d) {
      return new Decision(Kind.DEFERRED, d.after() == null ? deferral.toMillis() : d.after().toMillis(), error);
    }
    if (cause instanceof PermanentFailure || cause instanceof ChannelSender.SendFailure sf && sf.permanent()) {
      return new Decision(Kind.REFUSED, 0, error);
    }
    if (attempt > retries.size()) {
      return new Decision(Kind.EXHAUSTED, 0, error);
    }
    long delay = jitter(retries.get(attempt - 1).toMillis());
    if (cause instanceof ChannelSender.SendFailure sf && sf.retryAfterSeconds() > 0) {
      delay = Math.max(delay, Math.min(sf.retryAfterSeconds() * 1000, LONGEST_RETRY_AFTER_MILLIS));
    }
    return new Decision(Kind.RETRY, delay, error);
  }

  /** The failure as kept with the message: our own failures by their text, others by type and text. */
  private static String describe(Throwable cause) {
    boolean ours = cause instanceof PermanentFailure || cause instanceof DeliveryDeferred
        || cause instanceof ChannelSender.SendFailure;
    String text = ours && cause.getMessage() != null
        ? cause.getMessage()
        : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    return WellFormedText.first(text, LONGEST_ERROR);
  }

  private static long jitter(long millis) {
    return millis == 0 ? 0 : Math.round(millis * (0.9 + 0.2 * ThreadLocalRandom.current().nextDouble()));
  }
}
