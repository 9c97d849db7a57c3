package org.linli.bot.http.console;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linli.bot.community.Communities;
import org.linli.bot.community.Community;
import org.linli.bot.console.Account;
import org.linli.bot.console.Console;
import org.linli.bot.console.Role;
import org.linli.bot.console.Session;
import org.linli.bot.text.Text;

/**
 * What every console page's handlers use: the signed-in session, a guard that admits only some
 * roles, rendering a template inside the shared layout, reading a form field, answering a form with
 * a redirect, and writing to the audit log.
 */
public final class ConsoleKit {

  static final String SESSION = "linli.console.session";
  private static final String COMMUNITY = "linli.console.community";

  private final Console console;
  private final Communities communities;
  private final Views views;
  private final List<NavItem> nav;
  private final ZoneId zone;

  ConsoleKit(Console console, Communities communities, Views views, List<NavItem> nav, ZoneId zone) {
    this.console = console;
    this.communities = communities;
    this.views = views;
    this.nav = List.copyOf(nav);
    this.zone = zone;
  }

  /** The console's accounts, tokens and audit log. */
  public Console console() {
    return console;
  }

  /** The street office's communities. */
  public Communities communities() {
    return communities;
  }

  /**
   * A handler (after {@link #only}) for the pages of one community: the one the query or the form
   * names ({@code c}), else the account's first (the default one for an account that works
   * everywhere). A community the account does not work for is a 403 page, one that does not exist
   * a 404 page; the pages read the one admitted with {@link #community}.
   */
  public Handler<RoutingContext> inCommunity() {
    return ctx -> {
      Account account = account(ctx);
      String asked = ctx.request().getParam("c");
      if (asked == null || asked.isBlank()) {
        asked = ctx.request().getFormAttribute("c");
      }
      admitted(ctx, asked == null || asked.isBlank() ? firstOf(account) : asked.strip()).onSuccess(found -> {
        ctx.put(COMMUNITY, found);
        ctx.next();
      });
    };
  }

  /**
   * The community {@code id} when the signed-in account works for it. Otherwise the request is
   * failed with a 404 page (no such community) or a 403 page (another community's) and the future
   * fails too: callers go on with {@code onSuccess} only. A community this instance does not know
   * is read again from Redis once before the 404: it may have been created a moment ago on another
   * instance.
   */
  public Future<Community> admitted(RoutingContext ctx, String id) {
    Optional<Community> known = communities.find(id);
    if (known.isPresent()) {
      return checked(ctx, known);
    }
    boolean paused = !ctx.request().isEnded();
    if (paused) {
      ctx.request().pause();
    }
    return communities.findFresh(id).compose(found -> {
      if (paused) {
        ctx.request().resume();
      }
      return checked(ctx, found);
    });
  }

  private Future<Community> checked(RoutingContext ctx, Optional<Community> found) {
    PageRefusal refusal = found.isEmpty()
        ? new PageRefusal(404, Text.CONSOLE_ERROR_COMMUNITY_UNKNOWN)
        : account(ctx).worksIn(found.get().id()) ? null : new PageRefusal(403, Text.CONSOLE_ERROR_COMMUNITY_FORBIDDEN);
    if (refusal != null) {
      ctx.fail(refusal);
      return Future.failedFuture(refusal);
    }
    return Future.succeededFuture(found.get());
  }

  /** The community of this page (after {@link #inCommunity}), or null on a page of no community. */
  public Community community(RoutingContext ctx) {
    return ctx.get(COMMUNITY);
  }

  /** {@code path} with the community of this page ({@code ?c=}), so a link or a redirect stays in it. */
  public String link(RoutingContext ctx, String path) {
    return Frame.link(path, community(ctx));
  }

  /** The communities {@code account} works for, the default first. */
  public List<Community> communitiesOf(Account account) {
    return communities.all().stream().filter(c -> account.worksIn(c.id())).toList();
  }

  private String firstOf(Account account) {
    if (account.worksIn(Community.DEFAULT)) {
      return Community.DEFAULT;
    }
    return communities.all().stream().map(Community::id).filter(account::worksIn).findFirst()
        .orElse(account.communities().stream().sorted().findFirst().orElse(Community.DEFAULT));
  }

  /** The session of this request (every module route has one), or null on public pages. */
  public Session session(RoutingContext ctx) {
    return ctx.get(SESSION);
  }

  /** The signed-in account. */
  public Account account(RoutingContext ctx) {
    return session(ctx).account();
  }

  /** A handler that lets only accounts of {@code roles} go on; the others get a 403 page. */
  public Handler<RoutingContext> only(Role... roles) {
    Set<Role> admitted = Set.of(roles);
    return ctx -> {
      Session session = session(ctx);
      if (session == null || !admitted.contains(session.account().role())) {
        ctx.fail(new PageRefusal(403, Text.CONSOLE_ERROR_FORBIDDEN));
        return;
      }
      ctx.next();
    };
  }

  /** Answers the page {@code template} with status 200; see {@link #page(RoutingContext, int, String, String, Map)}. */
  public void page(RoutingContext ctx, String template, String title, Map<String, Object> params) {
    page(ctx, 200, template, title, params);
  }

  /**
   * Answers the page {@code template} inside the shared layout: the template gets {@code frame}
   * (a {@link Frame}) besides {@code params}.
   */
  public void page(RoutingContext ctx, int status, String template, String title, Map<String, Object> params) {
    Map<String, Object> all = new HashMap<>(params);
    all.put("frame", frame(ctx, title));
    String html = views.render(template, all);
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(html);
  }

  Frame frame(RoutingContext ctx, String title) {
    Session session = session(ctx);
    if (session == null) {
      return new Frame(title, ctx.normalizedPath(), null, "", List.of(), zone, null, List.of());
    }
    Role role = session.account().role();
    return new Frame(title, ctx.normalizedPath(), session.account(), session.csrf(),
        navOf(role), zone, community(ctx), communitiesOf(session.account()));
  }

  /** The navigation links {@code role} sees. */
  public List<NavItem> navOf(Role role) {
    return nav.stream().filter(item -> item.shownTo(role)).toList();
  }

  /** A posted form field, stripped; empty when absent. */
  public static String form(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value == null ? "" : value.strip();
  }

  /** A posted form field as sent (passwords keep their spaces); empty when absent. */
  public static String raw(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value == null ? "" : value;
  }

  /** Answers a form with 303 See Other to {@code path} (the browser then GETs it). */
  public static void seeOther(RoutingContext ctx, String path) {
    ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, path).end();
  }

  /** Writes {@code action} on {@code target} by the signed-in account to the audit log. */
  public Future<Void> audit(RoutingContext ctx, String action, String target) {
    return console.audit().record(account(ctx).name(), action, target);
  }

}
