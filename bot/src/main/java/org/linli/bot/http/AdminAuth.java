package org.linli.bot.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.linli.config.Secret;

/** Lets a request through only with {@code Authorization: Bearer <token>} (constant-time check). */
public final class AdminAuth implements Handler<RoutingContext> {

  private final Secret token;
  private final String variable;

  /** {@code variable} names the setting in the refusal when it is not set. */
  public AdminAuth(Secret token, String variable) {
    this.token = token;
    this.variable = variable;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!token.isSet()) {
      ctx.fail(new HttpException(401, "This API is closed: " + variable + " is not set"));
      return;
    }
    if (!token.matchesBearer(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
      ctx.fail(new HttpException(401, "Missing or wrong bearer token"));
      return;
    }
    ctx.next();
  }
}
