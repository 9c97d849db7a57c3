package org.linli.bot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * The service's Prometheus registry: Vert.x's own meters (HTTP server, the Redis pool, worker
 * pools, the JVM) when the Vert.x instance was made by {@link #vertx}, the service's counters and
 * timers (answers, votes), and the {@link ServiceGauges} read from Redis at each scrape.
 */
public final class ServiceMetrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ServiceGauges gauges = new ServiceGauges(registry);

  /** A Vert.x instance that reports its HTTP servers, pools and JVM to this registry. */
  public Vertx vertx() {
    MicrometerMetricsOptions options = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        // Routes, not paths: a path holds ids (a poll, a ticket) and would make a series per id.
        .setLabels(java.util.EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.POOL_TYPE,
            Label.POOL_NAME));
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(options))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }

  /** Where the service's own meters go. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The gauges read from Redis before each scrape. */
  public ServiceGauges gauges() {
    return gauges;
  }

  /** Reads the gauges, then every meter in the Prometheus text format. */
  public Future<String> scrape() {
    return gauges.refresh().transform(ar -> Future.succeededFuture(registry.scrape()));
  }
}
