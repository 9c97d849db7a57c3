package org.linli.bot.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * One more HTTP server on the service's port, on an event loop of its own, serving the same
 * router: Vert.x spreads new connections over the servers of one port, so requests use every
 * core. Every handler of the router is safe to run on several event loops at once. Given the
 * configured port, not the one bound: with port 0, Vert.x gives every server of the same
 * host and port 0 the one random port the first server got.
 */
public final class HttpListener extends VerticleBase {

  private final Router router;
  private final HttpServerOptions options;
  private final String host;
  private final int port;

  public HttpListener(Router router, HttpServerOptions options, String host, int port) {
    this.router = router;
    this.options = options;
    this.host = host;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(options).requestHandler(router).listen(port, host);
  }
}
