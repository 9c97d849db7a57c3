package org.linli.webhooks.callback;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;

/**
 * A call a channel refuses with 401 because it cannot trust it (the channel is closed, the call is
 * not signed by the platform): the channel's log says who called and why, the caller's answer says
 * what is missing or wrong, never a secret.
 */
public final class Refusal {

  private Refusal() {
  }

  /**
   * Logs "{@code edge}: refused a call from {address}: {@code why}" on {@code log} and gives the 401,
   * answered with {@code answer}, to fail the call with.
   */
  public static HttpException unauthorized(Logger log, String edge, RoutingContext ctx, String why, String answer) {
    log.warn("{}: refused a call from {}: {}", edge, ctx.request().remoteAddress(), why);
    return new HttpException(401, answer);
  }

  /**
   * The 401 for a call to a channel that is closed while {@code setting} is not set, logged as
   * {@link #unauthorized}: "{@code channel} is closed: {@code setting} is not set".
   */
  public static HttpException closed(Logger log, String edge, RoutingContext ctx, String channel, String setting) {
    String why = setting + " is not set";
    return unauthorized(log, edge, ctx, why, channel + " is closed: " + why);
  }

  /** {@link #unauthorized} as a failed future. */
  public static <T> Future<T> refuse(Logger log, String edge, RoutingContext ctx, String why, String answer) {
    return Future.failedFuture(unauthorized(log, edge, ctx, why, answer));
  }
}
