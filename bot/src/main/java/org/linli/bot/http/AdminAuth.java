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
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    if (!token.matches(presented)) {
      ctx.fail(new HttpException(401, "Missing or wrong bearer token"));
      return;
    }
    ctx.next();
  }
}
