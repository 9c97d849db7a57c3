package org.linli.bot.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.TreeMap;
import org.linli.bot.helpline.HubEvents;
import org.linli.bot.helpline.HubState;
import org.linli.bot.ticket.TicketFigures;
import org.linli.bot.ticket.TicketStats;
import org.linli.bot.ticket.TicketStatus;
import org.linli.bot.ticket.TicketStore;

/**
 * The operators' ticket API (hub or admin token): one ticket by receipt number, a list by status
 * and date, the month's figures ({@code /api/v1/stats?month=2026-11}) — each of the call's community
 * ({@link CommunityScope}) — and
 * resuming deliveries after the hub said 410 Gone (admin).
 */
public final class TicketApi {

  private final TicketStore tickets;
  private final TicketStats stats;
  private final HubState hub;
  private final Clock clock;

  /** @param clock in the zone whose local dates and months the API takes and counts */
  public TicketApi(TicketStore tickets, HubState hub, Clock clock) {
    this.tickets = tickets;
    this.stats = new TicketStats(tickets);
    this.hub = hub;
    this.clock = clock;
  }

  /** {@code GET /api/v1/tickets/:receipt} (a ticket of the call's community: {@link TicketRoutes#own}). */
  public void get(RoutingContext ctx) {
    String receipt = ctx.pathParam("receipt");
    tickets.find(receipt)
        .onSuccess(t -> {
          if (t == null) {
            ctx.fail(new HttpException(404, "There is no ticket " + receipt));
          } else {
            Routes.json(ctx, HubEvents.ticket(t));
          }
        })
        .onFailure(ctx::fail);
  }

  /** {@code GET /api/v1/tickets?status=&since=&limit=}: the call's community's, oldest first. */
  public void list(RoutingContext ctx) {
    Query query = Query.of(ctx, clock, 100);
    if (query == null) {
      return;
    }
    tickets.list(CommunityScope.of(ctx), query.status(), query.since(), query.limit())
        .onSuccess(list -> {
          JsonArray out = new JsonArray();
          list.forEach(t -> out.add(HubEvents.ticket(t)));
          Routes.json(ctx, new JsonObject().put("tickets", out));
        })
        .onFailure(ctx::fail);
  }

  /**
   * The list's query: {@code status} (null: any), {@code since} (a local date or a date and time
   * with offset; null: ever) and {@code limit}.
   */
  record Query(TicketStatus status, Instant since, int limit) {

    /** The query of {@code ctx}, or null after failing it with a 400; dates local to {@code clock}'s zone. */
    static Query of(RoutingContext ctx, Clock clock, int defaultLimit) {
      String statusName = ctx.request().getParam("status");
      TicketStatus status = statusName == null || statusName.isBlank() ? null : TicketStatus.fromApiName(statusName);
      if (statusName != null && !statusName.isBlank() && status == null) {
        ctx.fail(new HttpException(400, "status must be one of received, dispatched, in_progress, waiting_resident,"
            + " resolved, closed, rejected, merged"));
        return null;
      }
      Instant since = null;
      String sinceText = ctx.request().getParam("since");
      if (sinceText != null && !sinceText.isBlank()) {
        try {
          since = sinceText.length() == 10
              ? LocalDate.parse(sinceText).atStartOfDay(clock.getZone()).toInstant()
              : OffsetDateTime.parse(sinceText).toInstant();
        } catch (DateTimeParseException e) {
          ctx.fail(new HttpException(400, "since must be a date (2026-11-01) or a date and time with offset"));
          return null;
        }
      }
      int limit = Routes.limit(ctx, defaultLimit);
      return limit == 0 ? null : new Query(status, since, limit);
    }
  }

  /** {@code GET /api/v1/stats?month=2026-11}: the figures of the call's community. */
  public void stats(RoutingContext ctx) {
    YearMonth month;
    try {
      String m = ctx.request().getParam("month");
      month = m == null || m.isBlank() ? YearMonth.now(clock) : YearMonth.parse(m);
    } catch (DateTimeParseException e) {
      ctx.fail(new HttpException(400, "month must look like 2026-11"));
      return;
    }
    stats.month(CommunityScope.of(ctx), month, clock.getZone()).onSuccess(f -> Routes.json(ctx, json(f)))
        .onFailure(ctx::fail);
  }

  private static JsonObject json(TicketFigures f) {
    JsonObject byStatus = new JsonObject();
    f.byStatus().forEach((s, n) -> byStatus.put(s.apiName(), n));
    return new JsonObject()
        .put("month", f.month().toString())
        .put("opened", f.opened())
        .put("byCategory", new JsonObject(new TreeMap<>(f.byCategory())))
        .put("byStatus", byStatus)
        .put("resolved", f.resolved())
        .put("medianHoursToResolve", hours(f.medianToResolve()))
        .put("p90HoursToResolve", hours(f.p90ToResolve()))
        .put("resolvedInTimeShare", f.resolvedInTimeShare())
        .put("ratings", f.ratings())
        .put("averageRating", f.averageRating())
        .put("ratedTickets", f.ratedTickets())
        .put("averageFirstRating", f.averageFirstRating())
        .put("averageFinalRating", f.averageFinalRating())
        .put("reopens", f.reopens())
        .put("reopenedTickets", f.reopenedTickets())
        .put("reopenRate", f.reopenRate())
        .put("evaluations", f.evaluations())
        .put("averageEvaluation", f.averageEvaluation());
  }

  private static Double hours(Duration d) {
    return d == null ? null : Math.round(d.toMinutes() / 6.0) / 10.0;
  }

  /** {@code POST /api/v1/hub/resume}: deliveries to the hub start again after a 410. */
  public void resume(RoutingContext ctx) {
    hub.resume().onSuccess(was -> Routes.json(ctx, new JsonObject().put("resumed", was))).onFailure(ctx::fail);
  }
}
