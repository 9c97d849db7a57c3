package org.linli.bot.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.linli.bot.community.Communities;
import org.linli.bot.community.Community;
import org.linli.bot.page.StatsPage;
import org.linli.bot.ticket.PublicStats;

/**
 * The public monthly page of the help-line (评价结果公开), no token: {@code GET /stats/2026-11} and
 * {@code GET /stats}, which sends to the current month. Without a query the page covers the default
 * community's tickets; {@code ?community=<id>} (as in {@code /stats/2026-11?community=xinghe}) one
 * community's. A month not begun yet, not a month, or a community that does not exist is a 404 page.
 */
final class StatsPages {

  private final PublicStats stats;
  private final Communities communities;
  private final Clock clock;

  /** @param clock its zone says which month a ticket belongs to */
  StatsPages(PublicStats stats, Communities communities, Clock clock) {
    this.stats = stats;
    this.communities = communities;
    this.clock = clock;
  }

  /** {@code GET /stats}: a redirect to this month's page. */
  Handler<RoutingContext> current() {
    return ctx -> {
      Community community = community(ctx);
      ctx.response().setStatusCode(302)
          .putHeader(HttpHeaders.LOCATION, "/stats/" + YearMonth.now(clock) + StatsPage.query(community))
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").end();
    };
  }

  /** {@code GET /stats/:month}. */
  Handler<RoutingContext> month() {
    return ctx -> {
      YearMonth now = YearMonth.now(clock);
      YearMonth month;
      try {
        month = YearMonth.parse(ctx.pathParam("month"));
      } catch (DateTimeParseException e) {
        month = null;
      }
      Community community = community(ctx);
      if (month == null || month.isAfter(now) || community == null) {
        html(ctx, 404, StatsPage.notFound());
        return;
      }
      boolean next = month.isBefore(now);
      stats.month(community.id(), month, clock.getZone())
          .onSuccess(m -> html(ctx, 200, StatsPage.page(m, next, community)))
          .onFailure(ctx::fail);
    };
  }

  /** The community of {@code ?community=} (the default one without it), or null for one that does not exist. */
  private Community community(RoutingContext ctx) {
    String asked = ctx.request().getParam("community", "").strip();
    return communities.find(asked.isEmpty() ? Community.DEFAULT : asked).orElse(null);
  }

  private static void html(RoutingContext ctx, int status, String document) {
    HtmlPages.send(ctx, status, "public, max-age=60", HtmlPages.TEXT_ONLY, document);
  }
}
