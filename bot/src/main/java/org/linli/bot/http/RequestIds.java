package org.linli.bot.http;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.spi.VertxServiceProvider;
import io.vertx.core.spi.context.storage.ContextLocal;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A request id for every HTTP request: the caller's {@code X-Request-Id} when it is a plain token
 * (letters, digits, {@code -_.:}, up to 64), else a new UUID; echoed in the response's {@code
 * X-Request-Id} and kept in the request's Vert.x context, so every log line written while the
 * request is served, on its event loop or on a worker, carries it ({@link RequestIdFilter} puts it
 * in the MDC).
 */
public final class RequestIds implements Handler<RoutingContext> {

  /** The header read and echoed. */
  public static final String HEADER = "X-Request-Id";

  /** The MDC key of the request id. */
  public static final String MDC_KEY = "requestId";

  private static final ContextLocal<String> ID = ContextLocal.registerLocal(String.class);
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Override
  public void handle(RoutingContext ctx) {
    String id = idOf(ctx.request());
    Context context = Vertx.currentContext();
    if (context != null) {
      ID.put(context, id);
    }
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }

  /** The caller's {@code X-Request-Id} when it is a plain token, else a new UUID. */
  static String idOf(HttpServerRequest request) {
    String given = request.getHeader(HEADER);
    return given != null && TOKEN.matcher(given).matches() ? given : UUID.randomUUID().toString();
  }

  /** The id of the request being served on this thread, or null outside a request. */
  public static String current() {
    Context context = Vertx.currentContext();
    return context == null ? null : ID.get(context);
  }

  /**
   * Loaded by Vert.x (META-INF/services) before it creates an instance: context locals must be
   * registered before the first Vert.x instance exists.
   */
  public static final class Registration implements VertxServiceProvider {
    @Override
    public void init(VertxBootstrap bootstrap) {
      // Loading the class registered the local.
      ID.getClass();
    }
  }
}
