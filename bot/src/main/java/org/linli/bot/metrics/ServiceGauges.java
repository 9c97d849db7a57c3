package org.linli.bot.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Gauges whose values live in Redis (outbox queues, the hub, open tickets): each source is read
 * asynchronously before a scrape ({@link #refresh}) and the gauges show what it last answered; a
 * source that fails or is slow keeps its last values for that scrape.
 */
public final class ServiceGauges {

  /** One outbox queue: messages waiting, dead letters, and when the earliest waiting one fell due (ms, or -1). */
  public record QueueFigures(long pending, long dead, long earliestDueMillis) {
  }

  /** Where open tickets stand against their time limit. */
  public enum TimeLimitState {
    WITHIN, PAST_80_PERCENT, OVERDUE, PAUSED;

    String label() {
      return switch (this) {
        case WITHIN -> "within";
        case PAST_80_PERCENT -> "80_percent";
        case OVERDUE -> "overdue";
        case PAUSED -> "paused";
      };
    }
  }

  private final MeterRegistry registry;
  private final List<Supplier<Future<Void>>> sources = new ArrayList<>();
  private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

  ServiceGauges(MeterRegistry registry) {
    this.registry = registry;
  }

  /** {@code linli_outbox_pending}, {@code linli_outbox_dead}, {@code linli_outbox_oldest_due_seconds} of one queue. */
  public ServiceGauges queue(String queue, Supplier<Future<QueueFigures>> figures) {
    AtomicLong pending = gauge("linli_outbox_pending", "Messages waiting in an outbox queue", "queue", queue);
    AtomicLong dead = gauge("linli_outbox_dead", "Dead letters of an outbox queue", "queue", queue);
    AtomicLong oldest = gauge("linli_outbox_oldest_due_seconds",
        "How long the earliest waiting message of a queue has been due (0: none overdue)", "queue", queue);
    sources.add(() -> figures.get().map(f -> {
      pending.set(f.pending());
      dead.set(f.dead());
      long now = System.currentTimeMillis();
      oldest.set(f.earliestDueMillis() >= 0 && f.earliestDueMillis() < now
          ? TimeUnit.MILLISECONDS.toSeconds(now - f.earliestDueMillis())
          : 0);
      return null;
    }));
    return this;
  }

  /** {@code linli_hub_stopped}: 1 while deliveries to the hub are stopped (it answered 410 Gone). */
  public ServiceGauges hub(Supplier<Future<Boolean>> stopped) {
    AtomicLong value = gauge("linli_hub_stopped", "1 while deliveries to the help-line hub are stopped");
    sources.add(() -> stopped.get().map(s -> {
      value.set(s ? 1 : 0);
      return null;
    }));
    return this;
  }

  /** {@code linli_tickets_open{time_limit=within|80_percent|overdue|paused}}. */
  public ServiceGauges tickets(Supplier<Future<Map<TimeLimitState, Long>>> openByState) {
    Map<TimeLimitState, AtomicLong> byState = new java.util.EnumMap<>(TimeLimitState.class);
    for (TimeLimitState state : TimeLimitState.values()) {
      byState.put(state, gauge("linli_tickets_open", "Open tickets by where they stand against their time limit",
          "time_limit", state.label()));
    }
    sources.add(() -> openByState.get().map(counts -> {
      byState.forEach((state, value) -> value.set(counts.getOrDefault(state, 0L)));
      return null;
    }));
    return this;
  }

  /** Reads every source (each within 2 s); completes when all have answered or given up. */
  public Future<Void> refresh() {
    List<Future<Void>> reads = sources.stream().map(s -> s.get().timeout(2, TimeUnit.SECONDS)).toList();
    return Future.join(reads).transform(ar -> Future.succeededFuture());
  }

  private AtomicLong gauge(String name, String help, String... tags) {
    String key = name + String.join(",", tags);
    return values.computeIfAbsent(key, k -> {
      AtomicLong value = new AtomicLong();
      Gauge.builder(name, value, AtomicLong::doubleValue).description(help).tags(tags).register(registry);
      return value;
    });
  }
}
