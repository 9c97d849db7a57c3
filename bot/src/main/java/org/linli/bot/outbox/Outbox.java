package org.linli.bot.outbox;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.linli.bot.redis.OutageLog;
import org.linli.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable queue of messages the service sends on its own. A message is written to Redis first
 * and delivered by whichever instance is alive: each instance's loop claims due messages with one
 * script (their due time moves to the end of a lease, so no other instance takes them), delivers
 * them, and records the outcome — delivered (an id marker is kept for some days), due again after
 * the next delay of the retry schedule (±10% jitter), or a dead letter (refused for good, or the
 * schedule spent). An instance that dies mid-delivery leaves its claim to expire with the lease;
 * then another instance tries again with the same id: at least once, one attempt in flight at a
 * time.
 *
 * <p>Queues are named ({@code chat}, later {@code hub}); each keeps its keys under its own hash tag.
 *
 * <p>A message enqueued {@link #enqueueSealed sealed} (one that names the voter of a secret ballot)
 * is kept encrypted under the {@link Sealer}'s key, which Redis never sees, and under a keyed tag of
 * its id: nothing in Redis, its files or a dead letter says whom it goes to or what it says. The
 * delivering instance opens it just before the attempt.
 */
public final class Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final OutageLog outages = new OutageLog(LOG);
  private static final long DRAIN_MILLIS = 5_000;
  /** The only field of a sealed message as stored: the payload, encrypted. */
  static final String SEALED = "sealedPayload";
  private static final String SEALED_ID = "sealed-";

  /**
   * How an outbox paces itself.
   *
   * @param poll how often each instance looks for due messages
   * @param retries the delay before each retry; after the last, a dead letter
   * @param lease how long a claim keeps other instances off a message. An attempt still running at
   *     three quarters of it is written off as failed, so that fraction must exceed the senders'
   *     request timeouts, or a receiver may see two attempts at once
   * @param batch most messages in flight at once per instance
   * @param keepDelivered how long a delivered id is remembered, refusing a second enqueue
   */
  public record Timing(Duration poll, List<Duration> retries, Duration lease, int batch, Duration keepDelivered) {
    public Timing {
      Objects.requireNonNull(poll, "poll");
      retries = List.copyOf(retries);
      Objects.requireNonNull(lease, "lease");
      Objects.requireNonNull(keepDelivered, "keepDelivered");
      if (poll.toMillis() < 1 || lease.toMillis() < 100 || batch < 1) {
        throw new IllegalArgumentException("poll must be at least 1 ms, lease at least 100 ms, batch at least 1");
      }
    }

    /** The service's pacing: the settings' poll interval and schedule, a 60 s lease, 64 in flight, 7 days' memory. */
    public static Timing from(Settings.Outbox settings) {
      return new Timing(Duration.ofMillis(settings.pollMillis()),
          settings.retrySeconds().stream().map(s -> Duration.ofSeconds(s)).toList(),
          Duration.ofSeconds(60), 64, Duration.ofDays(7));
    }
  }

  /** Messages waiting (or in flight) and dead letters, for the health check. */
  public record Stats(long pending, long dead) {
  }

  private final Vertx vertx;
  private final String queue;
  private final OutboxStore store;
  private final Timing timing;
  private final Delivery delivery;
  private final RetryPolicy policy;
  private final Sealer sealer;
  private final String instance = UUID.randomUUID().toString();
  private final AtomicLong claims = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean claiming = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile boolean backlog;
  private volatile boolean running;
  private volatile long timer = -1;

  /** An outbox for {@code queue} (letters, digits, '-' and '_'), delivering through {@code delivery}. */
  public Outbox(Vertx vertx, RedisAPI redis, String queue, Timing timing, Delivery delivery) {
    this(vertx, redis, queue, timing, delivery, null);
  }

  /** An outbox that can also keep messages {@link #enqueueSealed sealed} under {@code sealer} (null: it cannot). */
  public Outbox(Vertx vertx, RedisAPI redis, String queue, Timing timing, Delivery delivery, Sealer sealer) {
    this.sealer = sealer;
    if (queue == null || !queue.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("queue names are letters, digits, '-' and '_', was " + queue);
    }
    this.vertx = vertx;
    this.queue = queue;
    this.store = new OutboxStore(redis, queue);
    this.timing = Objects.requireNonNull(timing, "timing");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.policy = new RetryPolicy(timing.retries(), timing.lease());
  }

  /** The queue's name. */
  public String queue() {
    return queue;
  }

  /**
   * Stores a message for delivery, due now. False, changing nothing, when a message with this id is
   * pending, dead, or was delivered within {@link Timing#keepDelivered()}: two instances announcing
   * the same result under one id post it once.
   */
  public Future<Boolean> enqueue(String id, JsonObject payload) {
    if (id == null || id.isBlank() || id.length() > 256) {
      return Future.failedFuture(new IllegalArgumentException("an outbox id is 1 to 256 characters"));
    }
    return store.enqueue(id, payload, now()).onSuccess(added -> {
      if (added) {
        tick();
      }
    });
  }

  /**
   * As {@link #enqueue}, but the message is kept sealed: its payload encrypted, its id replaced by
   * a keyed tag (the same id gets the same tag, so a second enqueue is still refused). The dead
   * letter API shows such a message as sealed, under its tag.
   */
  public Future<Boolean> enqueueSealed(String id, JsonObject payload) {
    if (id == null || id.isBlank() || id.length() > 256) {
      return Future.failedFuture(new IllegalArgumentException("an outbox id is 1 to 256 characters"));
    }
    if (sealer == null) {
      return Future.failedFuture(new IllegalStateException("the " + queue + " outbox cannot seal messages"));
    }
    String tag = SEALED_ID + sealer.tag(id);
    JsonObject sealed = new JsonObject().put(SEALED, sealer.sealText(queue + ":" + tag, payload.encode()));
    return store.enqueue(tag, sealed, now()).onSuccess(added -> {
      if (added) {
        tick();
      }
    });
  }

  /** The payload to deliver: as stored, or opened when it was sealed. */
  private JsonObject opened(OutboxStore.Claimed c) {
    String sealed = c.payload().getString(SEALED);
    if (sealed == null) {
      return c.payload();
    }
    if (sealer == null) {
      throw new PermanentFailure("a sealed message, and this outbox has no sealing key");
    }
    try {
      return new JsonObject(sealer.openText(queue + ":" + c.id(), sealed));
    } catch (RuntimeException e) {
      throw new PermanentFailure("a sealed message that this sealing key cannot open");
    }
  }

  /** Starts this instance's delivery loop. */
  public void start() {
    if (running) {
      return;
    }
    running = true;
    timer = vertx.setPeriodic(timing.poll().toMillis(), t -> tick());
    tick();
  }

  /**
   * Stops looking for due messages and waits (up to 5 s) for the attempts in flight to record their
   * outcome; one that cannot keeps its claim until the lease ends, and is then tried again.
   */
  public Future<Void> stop() {
    running = false;
    vertx.cancelTimer(timer);
    Promise<Void> idle = Promise.promise();
    drain(idle, now() + DRAIN_MILLIS);
    return idle.future();
  }

  private void drain(Promise<Void> idle, long deadline) {
    if (inFlight.get() == 0 && !claiming.get()) {
      idle.tryComplete();
    } else if (now() > deadline) {
      LOG.info("Outbox {}: stopped with {} attempts in flight; they are tried again after their lease", queue,
          inFlight.get());
      idle.tryComplete();
    } else {
      vertx.setTimer(10, t -> drain(idle, deadline));
    }
  }

  /** The latest dead letters, newest first. */
  public Future<List<DeadLetter>> deadLetters(int limit) {
    return store.deadLetters(Math.max(1, limit));
  }

  /** Puts a dead letter back in the queue, due now with its attempts reset; false if there is none with this id. */
  public Future<Boolean> replay(String id) {
    return store.replay(id, now()).onSuccess(replayed -> {
      if (replayed) {
        LOG.info("Outbox {}: dead letter {} replayed", queue, id);
        tick();
      }
    });
  }

  /** When the earliest waiting message fell due (epoch ms), or -1 when none waits. */
  public Future<Long> earliestDue() {
    return store.earliestDue();
  }

  /** How many messages wait and how many are dead. */
  public Future<Stats> stats() {
    return store.stats();
  }

  private void tick() {
    if (!running) {
      return;
    }
    int room = timing.batch() - inFlight.get();
    if (room <= 0) {
      backlog = true;
      return;
    }
    if (!claiming.compareAndSet(false, true)) {
      again.set(true);
      return;
    }
    long now = now();
    String token = instance + ":" + claims.incrementAndGet();
    store.claim(now, room, now + timing.lease().toMillis(), token).onComplete(ar -> {
      claiming.set(false);
      if (ar.failed()) {
        outages.warn("Outbox {}: could not claim due messages: {}", queue, ar.cause().toString());
        return;
      }
      List<OutboxStore.Claimed> claimed = ar.result();
      backlog = claimed.size() == room;
      claimed.forEach(this::attempt);
      if (again.getAndSet(false) || backlog) {
        tick();
      }
    });
  }

  private void attempt(OutboxStore.Claimed c) {
    inFlight.incrementAndGet();
    Future<Void> sent;
    try {
      sent = Objects.requireNonNull(delivery.deliver(c.id(), opened(c), c.attempt()), "delivery returned null");
    } catch (RuntimeException e) {
      sent = Future.failedFuture(e);
    }
    sent.timeout(timing.lease().toMillis() * 3 / 4, TimeUnit.MILLISECONDS)
        .transform(ar -> ar.succeeded()
            ? store.delivered(c, timing.keepDelivered().toMillis(), now()).map(recorded -> {
              LOG.debug("Outbox {}: message {} delivered on attempt {}", queue, c.id(), c.attempt());
              return recorded;
            })
            : failed(c, ar.cause()))
        .onComplete(ar -> {
          inFlight.decrementAndGet();
          if (ar.failed()) {
            LOG.warn("Outbox {}: could not record the outcome for message {}; it is retried after its lease: {}",
                queue, c.id(), ar.cause().toString());
          } else if (!ar.result()) {
            LOG.info("Outbox {}: the claim on message {} expired before attempt {} ended", queue, c.id(), c.attempt());
          }
          if (backlog) {
            tick();
          }
        });
  }

  private Future<Boolean> failed(OutboxStore.Claimed c, Throwable cause) {
    RetryPolicy.Decision decision = policy.decide(c.attempt(), cause);
    long now = now();
    return switch (decision.kind()) {
      case DEFERRED -> {
        LOG.debug("Outbox {}: message {} deferred: {}", queue, c.id(), decision.error());
        yield store.retry(c, now + decision.delayMillis(), decision.error(), true);
      }
      case RETRY -> {
        LOG.info("Outbox {}: message {} failed on attempt {} ({}); next try in {} ms", queue, c.id(), c.attempt(),
            decision.error(), decision.delayMillis());
        yield store.retry(c, now + decision.delayMillis(), decision.error(), false);
      }
      case REFUSED -> {
        LOG.warn("Outbox {}: message {} refused on attempt {} ({}); it is now a dead letter", queue, c.id(),
            c.attempt(), decision.error());
        yield store.bury(c, decision.error(), now);
      }
      case EXHAUSTED -> {
        LOG.warn("Outbox {}: message {} failed {} times, the last time with {}; it is now a dead letter", queue,
            c.id(), c.attempt(), decision.error());
        yield store.bury(c, decision.error(), now);
      }
    };
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
