package org.linli.bot.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import org.linli.config.Secret;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} for one of its tokens
 * (constant-time checks): the admin token, or for the ticket API also the hub's. A guard {@linkplain
 * #named named} after its tokens leaves the name of the one that matched for the routes ({@link
 * #actor}), so an action records who made it.
 */
public final class AdminAuth implements Handler<RoutingContext> {

  /** Where a named guard leaves who called (another guard, such as a session's, may leave an account name). */
  public static final String ACTOR = "linli.actor";

  private final List<Secret> tokens;
  private final String variable;
  private final List<String> names;

  /** {@code variable} names the setting in the refusal when it is not set. */
  public AdminAuth(Secret token, String variable) {
    this(variable, token);
  }

  /** Any of {@code tokens}; {@code variables} names their settings in the refusal when none is set. */
  public AdminAuth(String variables, Secret... tokens) {
    this(variables, List.of(tokens), List.of());
  }

  private AdminAuth(String variables, List<Secret> tokens, List<String> names) {
    this.tokens = tokens;
    this.variable = variables;
    this.names = names;
  }

  /** This guard, naming each caller by its token: {@code names} in the order of the tokens. */
  public AdminAuth named(String... names) {
    return new AdminAuth(variable, tokens, List.of(names));
  }

  /** Who called, as the guard named them ({@code admin-token}, {@code hub-token}); else {@code operator}. */
  static String actor(RoutingContext ctx) {
    return ctx.get(ACTOR) instanceof String name && !name.isBlank() ? name : "operator";
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (tokens.stream().noneMatch(Secret::isSet)) {
      ctx.fail(new HttpException(401, "This API is closed: " + variable + " is not set"));
      return;
    }
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).matchesBearer(header)) {
        if (i < names.size()) {
          ctx.put(ACTOR, names.get(i));
        }
        ctx.next();
        return;
      }
    }
    ctx.fail(new HttpException(401, "Missing or wrong bearer token"));
  }
}
