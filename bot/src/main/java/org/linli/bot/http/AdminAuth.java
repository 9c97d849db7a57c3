package org.linli.bot.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.linli.bot.console.Account;
import org.linli.bot.console.Console;
import org.linli.bot.console.Role;
import org.linli.config.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} for one of its tokens
 * (constant-time checks): the admin token, or for the ticket API also the hub's; and, when built
 * with the console, an account's own API token whose account has one of the roles admitted. A
 * change (POST, PUT, DELETE) let through is written to the audit log once it succeeded.
 */
public final class AdminAuth implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(AdminAuth.class);

  /** Where the guard leaves who called: a shared token's name or an account's; see {@link #actor}. */
  public static final String ACTOR = "linli.actor";

  /**
   * A shared token, the setting it comes from, and the name a caller with it goes by in the
   * tickets' history and the audit log ({@code admin-token}, {@code hub-token}).
   */
  public record Shared(String variable, Secret token, String name) {

    /** A shared token named after its setting. */
    public Shared(String variable, Secret token) {
      this(variable, token, variable);
    }
  }

  private final List<Shared> tokens;
  private final String variable;
  private final Console console;
  private final Set<Role> roles;

  /** {@code variable} names the setting in the refusal when it is not set. */
  public AdminAuth(Secret token, String variable) {
    this(variable, token);
  }

  /** Any of {@code tokens}; {@code variables} names their settings in the refusal when none is set. */
  public AdminAuth(String variables, Secret... tokens) {
    this(variables, null, Set.of(), shared(variables, tokens));
  }

  /**
   * Any of the shared {@code tokens}, or the API token of a console account with one of {@code
   * roles}; every change let through is audited.
   */
  public AdminAuth(String variables, Console console, Set<Role> roles, List<Shared> tokens) {
    this.tokens = List.copyOf(tokens);
    this.variable = variables;
    this.console = console;
    this.roles = Set.copyOf(roles);
  }

  private static List<Shared> shared(String variables, Secret... tokens) {
    List<Shared> all = new ArrayList<>();
    for (Secret t : tokens) {
      all.add(new Shared(variables, t));
    }
    return all;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    for (Shared shared : tokens) {
      if (shared.token().matchesBearer(header)) {
        admit(ctx, shared.name());
        return;
      }
    }
    boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    if (console != null && bearer) {
      // The body (read by a later handler) must wait while Redis is asked.
      if (!ctx.request().isEnded()) {
        ctx.request().pause();
      }
      console.tokens().account(header.substring(7).strip()).onSuccess(found -> {
        ctx.request().resume();
        if (found.isEmpty()) {
          ctx.fail(new HttpException(401, "Missing or wrong bearer token"));
        } else if (!roles.contains(found.get().role())) {
          ctx.fail(new HttpException(403, "This token's account is a " + found.get().role().wire()
              + "; this route is for " + names(roles)));
        } else {
          admit(ctx, found.get());
        }
      }).onFailure(ctx::fail);
      return;
    }
    if (tokens.stream().noneMatch(t -> t.token().isSet()) && (console == null || !bearer)) {
      ctx.fail(new HttpException(401, "This API is closed: " + variable + " is not set"
          + (console == null ? "" : " (or send a console account's API token)")));
      return;
    }
    ctx.fail(new HttpException(401, "Missing or wrong bearer token"));
  }

  private void admit(RoutingContext ctx, Account account) {
    ctx.put(Account.class.getName(), account);
    admit(ctx, account.name());
  }

  private void admit(RoutingContext ctx, String actor) {
    ctx.put(ACTOR, actor);
    HttpMethod method = ctx.request().method();
    if (console != null && (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.DELETE)) {
      String action = "api " + method.name() + " " + (ctx.currentRoute() == null || ctx.currentRoute().getPath() == null
          ? ctx.normalizedPath()
          : ctx.currentRoute().getPath());
      String target = ctx.normalizedPath();
      ctx.addEndHandler(ended -> {
        if (ended.succeeded() && ctx.response().getStatusCode() < 400) {
          console.audit().record(actor, action, target)
              .onFailure(e -> LOG.warn("Could not audit {} by {}: {}", action, actor, e.toString()));
        }
      });
    }
    ctx.next();
  }

  /** Who called, as the guard named them ({@code admin-token}, an account's name); else {@code operator}. */
  static String actor(RoutingContext ctx) {
    return ctx.get(ACTOR) instanceof String name && !name.isBlank() ? name : "operator";
  }

  private static String names(Set<Role> roles) {
    return String.join(" or ", roles.stream().map(Role::wire).sorted().toList());
  }
}
