package org.linli.bot.http.console;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.linli.bot.console.Console;
import org.linli.bot.text.Text;

/**
 * {@code GET /console/login} (the form), {@code POST /console/login} ({@code username}, {@code
 * password}: a session cookie and 302 to {@code /console/}, the form again with 401, or 429 while
 * throttled) and {@code POST /console/logout}.
 */
final class LoginPages {

  private final Console console;
  private final ConsoleKit kit;

  LoginPages(Console console, ConsoleKit kit) {
    this.console = console;
    this.kit = kit;
  }

  void form(RoutingContext ctx) {
    if (kit.session(ctx) != null) {
      ctx.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, ConsoleRoutes.PATH + "/").end();
      return;
    }
    show(ctx, 200, "", null);
  }

  void submit(RoutingContext ctx) {
    String username = ConsoleKit.form(ctx, "username");
    String password = ConsoleKit.raw(ctx, "password");
    String address = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().host();
    Cookie old = ctx.request().getCookie(ConsoleRoutes.COOKIE);
    console.login(username, password, address).onSuccess(attempt -> {
      switch (attempt.outcome()) {
        case SIGNED_IN -> {
          if (old != null) {
            console.logout(old.getValue());
          }
          ctx.response().addCookie(ConsoleRoutes.cookie(ctx, attempt.session().id(),
              console.settings().secureCookies()));
          ctx.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, ConsoleRoutes.PATH + "/").end();
        }
        case WRONG -> show(ctx, 401, username, Text.CONSOLE_LOGIN_WRONG.of());
        case THROTTLED -> show(ctx, 429, username, Text.CONSOLE_LOGIN_THROTTLED.of(Console.throttleFailures(),
            Console.throttleWindow().toMinutes()));
      }
    }).onFailure(ctx::fail);
  }

  void logout(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(ConsoleRoutes.COOKIE);
    console.logout(cookie == null ? null : cookie.getValue()).onSuccess(v -> {
      ctx.response().addCookie(ConsoleRoutes.cookie(ctx, "", console.settings().secureCookies()).setMaxAge(0));
      ConsoleKit.seeOther(ctx, ConsoleRoutes.PATH + "/login");
    }).onFailure(ctx::fail);
  }

  private void show(RoutingContext ctx, int status, String username, String message) {
    ctx.remove(ConsoleKit.SESSION);
    kit.page(ctx, status, "login.jte", Text.CONSOLE_LOGIN_TITLE.of(),
        ConsoleRoutes.params("username", username, "message", message));
  }
}
