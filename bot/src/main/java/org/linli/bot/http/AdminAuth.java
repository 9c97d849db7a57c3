package org.linli.bot.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import org.linli.config.Secret;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} for one of its tokens
 * (constant-time checks): the admin token, or for the ticket API also the hub's.
 */
public final class AdminAuth implements Handler<RoutingContext> {

  private final List<Secret> tokens;
  private final String variable;

  /** {@code variable} names the setting in the refusal when it is not set. */
  public AdminAuth(Secret token, String variable) {
    this(variable, token);
  }

  /** Any of {@code tokens}; {@code variables} names their settings in the refusal when none is set. */
  public AdminAuth(String variables, Secret... tokens) {
    this.tokens = List.of(tokens);
    this.variable = variables;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (tokens.stream().noneMatch(Secret::isSet)) {
      ctx.fail(new HttpException(401, "This API is closed: " + variable + " is not set"));
      return;
    }
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (tokens.stream().noneMatch(t -> t.matchesBearer(header))) {
      ctx.fail(new HttpException(401, "Missing or wrong bearer token"));
      return;
    }
    ctx.next();
  }
}
