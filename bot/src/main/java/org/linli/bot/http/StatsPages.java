package org.linli.bot.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.linli.bot.page.StatsPage;
import org.linli.bot.ticket.PublicStats;

/**
 * The public monthly page of the help-line (评价结果公开), no token: {@code GET /stats/2026-11} and
 * {@code GET /stats}, which sends to the current month. One deployment is one community today, so
 * the page covers every ticket of the month; a month not begun yet, or not a month, is a 404 page.
 */
final class StatsPages {

  private final PublicStats stats;
  private final Clock clock;

  /** @param clock its zone says which month a ticket belongs to */
  StatsPages(PublicStats stats, Clock clock) {
    this.stats = stats;
    this.clock = clock;
  }

  /** {@code GET /stats}: a redirect to this month's page. */
  Handler<RoutingContext> current() {
    return ctx -> ctx.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, "/stats/" + YearMonth.now(clock))
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").end();
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
      if (month == null || month.isAfter(now)) {
        html(ctx, 404, StatsPage.notFound());
        return;
      }
      boolean next = month.isBefore(now);
      stats.month(month, clock.getZone()).onSuccess(m -> html(ctx, 200, StatsPage.page(m, next)))
          .onFailure(ctx::fail);
    };
  }

  private static void html(RoutingContext ctx, int status, String document) {
    HtmlPages.send(ctx, status, "public, max-age=60", HtmlPages.TEXT_ONLY, document);
  }
}
