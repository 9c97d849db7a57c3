package org.linli.bot.http;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.time.Duration;
import org.linli.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One more HTTP server on the service's port, on an event loop of its own, serving the same
 * router behind its {@link BrokenEscapes}: Vert.x spreads new connections over the servers of one
 * port, so requests use every core. Every handler of the router is safe to run on several event loops at once. Given the
 * configured port, not the one bound: with port 0, Vert.x gives every server of the same
 * host and port 0 the one random port the first server got.
 */
public final class HttpListener extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(HttpListener.class);

  /** How long a stopping server waits for the requests in flight. */
  public static final Duration GRACE = Duration.ofSeconds(10);

  private final Handler<HttpServerRequest> requests;
  private final HttpServerOptions options;

  /** @param options with the configured host and port */
  private HttpListener(Handler<HttpServerRequest> requests, HttpServerOptions options) {
    this.requests = requests;
    this.options = options;
  }

  /**
   * Serves {@code router} on the configured host and port with one server per event loop ({@code
   * http.eventLoops}, 0 for one per core): the first server here, the others each in a listener.
   */
  public static Future<HttpServer> serve(Vertx vertx, Router router, Settings.Http http) {
    HttpServerOptions options = new HttpServerOptions().setCompressionSupported(false)
        .setHost(http.host())
        .setPort(http.port());
    int listeners = http.eventLoops() > 0 ? http.eventLoops() : Runtime.getRuntime().availableProcessors();
    Handler<HttpServerRequest> requests = new BrokenEscapes(router);
    return vertx.createHttpServer(options)
        .requestHandler(requests)
        .listen()
        .compose(server -> listeners <= 1
            ? Future.succeededFuture(server)
            : vertx.deployVerticle(() -> new HttpListener(requests, options),
                new DeploymentOptions().setInstances(listeners - 1)).map(id -> server))
        .onSuccess(server -> LOG.info("Linli listening on {}:{} ({} event loops)", http.host(), server.actualPort(),
            Math.max(1, listeners)));
  }

  private HttpServer server;

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(options).requestHandler(requests).listen().onSuccess(s -> server = s);
  }

  /** Stops taking connections and lets the requests in flight finish (up to {@link #GRACE}). */
  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.shutdown(GRACE);
  }
}
