package org.linli.webhooks.hub;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The HTTP client deliveries to a hub go through: a pool of as many connections as deliveries may
 * be in flight, and a gate in front of it, so that no request ever waits for a pooled connection.
 * A request that would have to wait fails at once with {@link HubBusy}, before anything is sent,
 * and is not an attempt. The time to open a connection ({@code connectTimeout}) is kept apart from
 * the time the hub has to answer (each sender's request timeout).
 */
public final class HubClient {

  /** The time to open a TCP connection to the hub. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final WebClient web;
  private final int connections;
  private final long connectTimeoutMillis;
  private final boolean owned;
  private final AtomicInteger inFlight = new AtomicInteger();

  private HubClient(WebClient web, int connections, Duration connectTimeout, boolean owned) {
    this.web = Objects.requireNonNull(web, "web");
    this.connections = connections;
    this.connectTimeoutMillis = Math.max(1, connectTimeout.toMillis());
    this.owned = owned;
  }

  /**
   * A client of its own with a pool of {@code connections} HTTP/1.1 keep-alive connections (at
   * least 1), as many requests in flight at most, and {@code connectTimeout} to open a connection.
   */
  public static HubClient create(Vertx vertx, int connections, Duration connectTimeout) {
    int size = Math.max(1, connections);
    WebClientOptions options = new WebClientOptions()
        .setKeepAlive(true)
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis())))
        .setFollowRedirects(false);
    WebClient web = WebClient.create(vertx, options, new PoolOptions().setHttp1MaxSize(size));
    return new HubClient(web, size, connectTimeout, true);
  }

  /**
   * A gate over a client someone else owns and sized: at most {@code connections} requests in
   * flight (which must not exceed that client's pool), with the default connect timeout.
   */
  public static HubClient over(WebClient web, int connections) {
    return new HubClient(web, Math.max(1, connections), DEFAULT_CONNECT_TIMEOUT, false);
  }

  /** The most requests in flight at once. */
  public int connections() {
    return connections;
  }

  /** Requests in flight now. */
  public int inFlight() {
    return inFlight.get();
  }

  WebClient web() {
    return web;
  }

  long connectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  /**
   * Runs {@code call} when a connection is free at once, else fails with {@link HubBusy} without
   * running it; {@code what} names the delivery in the failure.
   */
  <T> Future<T> call(String what, Supplier<Future<T>> call) {
    if (inFlight.incrementAndGet() > connections) {
      inFlight.decrementAndGet();
      return Future.failedFuture(new HubBusy(what, connections));
    }
    Future<T> running;
    try {
      running = call.get();
    } catch (RuntimeException e) {
      running = Future.failedFuture(e);
    }
    return running.andThen(ar -> inFlight.decrementAndGet());
  }

  /** Closes the client if it was made by {@link #create}. */
  public void close() {
    if (owned) {
      web.close();
    }
  }
}
