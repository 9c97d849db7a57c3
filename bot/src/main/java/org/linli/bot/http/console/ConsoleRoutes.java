package org.linli.bot.http.console;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.bot.community.Communities;
import org.linli.bot.console.Console;
import org.linli.bot.http.FeatureRoutes;
import org.linli.bot.text.Text;

/**
 * The browser console under {@code /console/}: security headers on every answer, the session from
 * its cookie, CSRF checked on every change, the login and logout, the stylesheet, then every
 * {@link ConsoleModule}'s pages (which thus always run signed in), and errors as pages. The
 * contract: {@code GET /console/} without a session answers 302 to {@code /console/login}, whose
 * form posts {@code username} and {@code password} to {@code POST /console/login}.
 */
public final class ConsoleRoutes implements FeatureRoutes {

  static final String COOKIE = "linli_console";
  static final String PATH = "/console";
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  /** Nothing but this service's own files: no inline script or style, no frames, forms only to here. */
  static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
      + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  private static final Set<String> PUBLIC = Set.of(PATH + "/login", PATH + "/console.css");
  private static final byte[] STYLE = read("console.css");

  private final Console console;
  private final ConsoleKit kit;
  private final List<ConsoleModule> modules;

  /**
   * The console with the built-in pages first, then {@code more} (e.g. consultations, tickets); a
   * {@link Dashboard} among them gives the home page its parts.
   */
  public ConsoleRoutes(Console console, Communities communities, ZoneId zone, List<ConsoleModule> more) {
    // A Dashboard among the modules gives the home page its parts.
    Dashboard dashboard = more.stream().filter(Dashboard.class::isInstance).map(Dashboard.class::cast).findFirst()
        .orElse(null);
    List<ConsoleModule> all = new ArrayList<>(List.of(new HomePage(dashboard), new AccountPages(), new TokenPages(),
        new AuditPage()));
    all.addAll(more);
    this.modules = List.copyOf(all);
    this.console = console;
    List<NavItem> nav = new ArrayList<>();
    modules.forEach(m -> nav.addAll(m.nav()));
    this.kit = new ConsoleKit(console, communities, new Views(), nav, zone);
  }

  @Override
  public void mount(Router router, Guards guards) {
    router.get(PATH).handler(ctx -> {
      // A route of "/console" matches "/console/" too: only the bare one is sent on.
      if (!ctx.request().path().equals(PATH)) {
        ctx.next();
        return;
      }
      ctx.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, PATH + "/").end();
    });
    router.route(PATH + "/*").handler(new FormUploads(guards.body(), RegisterPages.UPLOADS)).handler(this::headers)
        .handler(this::session);
    router.get(PATH + "/console.css").handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/css; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
        .end(io.vertx.core.buffer.Buffer.buffer(STYLE)));
    LoginPages login = new LoginPages(console, kit);
    router.get(PATH + "/login").handler(login::form);
    router.post(PATH + "/login").handler(login::submit);
    router.post(PATH + "/logout").handler(login::logout);
    modules.forEach(m -> m.mount(router, kit));
    router.route(PATH + "/*").failureHandler(new ConsoleFailures(kit));
  }

  private void headers(RoutingContext ctx) {
    secure(ctx);
    ctx.next();
  }

  /** The security headers of every console answer. */
  static void secure(RoutingContext ctx) {
    ctx.response().headers()
        .set("Content-Security-Policy", POLICY)
        .set("X-Frame-Options", "DENY")
        .set("Referrer-Policy", "same-origin")
        .set("X-Content-Type-Options", "nosniff")
        .set(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  /**
   * Loads the session of the cookie. Without one, a page asked for is a redirect to the login page
   * and a change is refused; with one, a change must carry the session's CSRF token (the login
   * form, which a stale tab may post while signed in, needs none: it only starts a session). A change sent
   * by another site (Sec-Fetch-Site: cross-site) is refused even at the login.
   */
  private void session(RoutingContext ctx) {
    boolean change = changes(ctx.request().method());
    if (change && "cross-site".equals(ctx.request().getHeader("Sec-Fetch-Site"))) {
      ctx.fail(new PageRefusal(403, Text.CONSOLE_ERROR_CSRF));
      return;
    }
    Cookie cookie = ctx.request().getCookie(COOKIE);
    Handler<Throwable> fail = ctx::fail;
    console.session(cookie == null ? null : cookie.getValue()).onSuccess(found -> {
      found.ifPresent(s -> ctx.put(ConsoleKit.SESSION, s));
      boolean open = PUBLIC.contains(ctx.normalizedPath());
      if (found.isEmpty() && !open) {
        if (change) {
          ctx.fail(new PageRefusal(403, Text.CONSOLE_ERROR_CSRF));
        } else {
          ctx.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, PATH + "/login").end();
        }
        return;
      }
      if (change && !open && !found.get().csrfMatches(csrf(ctx))) {
        ctx.fail(new PageRefusal(403, Text.CONSOLE_ERROR_CSRF));
        return;
      }
      ctx.next();
    }).onFailure(fail);
  }

  private static String csrf(RoutingContext ctx) {
    String header = ctx.request().getHeader(CSRF_HEADER);
    return header != null ? header : ctx.request().getFormAttribute(CSRF_FIELD);
  }

  static boolean changes(HttpMethod method) {
    return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.DELETE
        || method == HttpMethod.PATCH;
  }

  /** The session cookie: HttpOnly, SameSite=Strict, only under /console, Secure on https or when set to. */
  static Cookie cookie(RoutingContext ctx, String value, boolean alwaysSecure) {
    return Cookie.cookie(COOKIE, value).setPath(PATH).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
        .setSecure(alwaysSecure || ctx.request().isSSL());
  }

  static Map<String, Object> params(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static byte[] read(String name) {
    try (InputStream in = ConsoleRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the console's " + name + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
