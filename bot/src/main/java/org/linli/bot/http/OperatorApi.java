package org.linli.bot.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.Clock;
import org.linli.bot.helpline.HubEvents;
import org.linli.bot.helpline.OperatorDesk;
import org.linli.bot.helpline.TicketCsv;
import org.linli.bot.helpline.TicketQueue;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketStatus;
import org.linli.bot.ticket.TicketStore;

/**
 * The operators' actions over HTTP (hub or admin token), for a help-line without a hub system of
 * its own (the "built-in hub") and for operators of one: change the status, write to the
 * resident, merge a duplicate, correct the category, the queue by time left and the CSV export.
 * Each action names its caller in the history ({@code admin-token}, {@code hub-token}). Bad input
 * is a 400 with nothing changed, an unknown receipt a 404, a move the lifecycle refuses a 409. Each
 * reads and changes the tickets of the call's community ({@link CommunityScope}); a ticket of another
 * one is not found (merging into one is a 400, as into a ticket that does not exist).
 */
final class OperatorApi {

  private static final String STATUSES = "received, dispatched, in_progress, waiting_resident, resolved, closed,"
      + " rejected, merged";

  private final OperatorDesk desk;
  private final TicketQueue queue;
  private final TicketStore tickets;
  private final Clock clock;

  /** @param clock in the zone whose local dates the API takes and the CSV shows */
  OperatorApi(OperatorDesk desk, TicketQueue queue, TicketStore tickets, Clock clock) {
    this.desk = desk;
    this.queue = queue;
    this.tickets = tickets;
    this.clock = clock;
  }

  /** {@code POST /api/v1/tickets/:receipt/status} with {@code {"status": "dispatched", "note": "已派物业电工"}}. */
  void status(RoutingContext ctx) {
    JsonObject body = RequestBodies.jsonObject(ctx, "{\"status\": \"dispatched\", \"note\": \"…\"}");
    TicketStatus to = body.getValue("status") instanceof String s ? TicketStatus.fromApiName(s) : null;
    if (to == null) {
      ctx.fail(new HttpException(400, "status must be one of " + STATUSES));
      return;
    }
    String note = text(ctx, body, "note");
    if (note == null) {
      return;
    }
    desk.status(ctx.pathParam("receipt"), to, note, actor(ctx), null)
        .onSuccess(t -> Routes.json(ctx, HubEvents.ticket(t)))
        .onFailure(ctx::fail);
  }

  /** {@code POST /api/v1/tickets/:receipt/replies} with {@code {"text": "师傅下午两点到"}}: 201 and the ticket. */
  void reply(RoutingContext ctx) {
    JsonObject body = RequestBodies.jsonObject(ctx, "{\"text\": \"…\"}");
    if (!(body.getValue("text") instanceof String text) || text.isBlank()) {
      ctx.fail(new HttpException(400, "text is required: the message to the resident"));
      return;
    }
    desk.reply(ctx.pathParam("receipt"), text, actor(ctx), null)
        .onSuccess(t -> {
          ctx.response().setStatusCode(201);
          Routes.json(ctx, HubEvents.ticket(t));
        })
        .onFailure(ctx::fail);
  }

  /** {@code POST /api/v1/tickets/:receipt/merge} with {@code {"into": "20261125-0001", "note": "…"}}. */
  void merge(RoutingContext ctx) {
    JsonObject body = RequestBodies.jsonObject(ctx, "{\"into\": \"20261125-0001\"}");
    if (!(body.getValue("into") instanceof String into) || into.isBlank()) {
      ctx.fail(new HttpException(400, "into is required: the receipt number of the ticket that goes on"));
      return;
    }
    String note = text(ctx, body, "note");
    if (note == null) {
      return;
    }
    desk.merge(ctx.pathParam("receipt"), into, note, actor(ctx), CommunityScope.of(ctx))
        .onSuccess(m -> Routes.json(ctx, new JsonObject().put("merged", HubEvents.ticket(m.merged()))
            .put("into", HubEvents.ticket(m.into()))))
        .onFailure(ctx::fail);
  }

  /** {@code POST} or {@code PUT /api/v1/tickets/:receipt/category} with {@code {"category": "repair"}}. */
  void category(RoutingContext ctx) {
    JsonObject body = RequestBodies.jsonObject(ctx, "{\"category\": \"repair\"}");
    String category = body.getValue("category") instanceof String c ? c : null;
    desk.category(ctx.pathParam("receipt"), category, actor(ctx))
        .onSuccess(t -> Routes.json(ctx, HubEvents.ticket(t)))
        .onFailure(ctx::fail);
  }

  /** {@code GET /api/v1/tickets/queue?status=&limit=&offset=}: open tickets, least time left first. */
  void queue(RoutingContext ctx) {
    String name = ctx.request().getParam("status");
    TicketStatus status = name == null || name.isBlank() ? null : TicketStatus.fromApiName(name);
    if (name != null && !name.isBlank() && status == null) {
      ctx.fail(new HttpException(400, "status must be one of received, dispatched, in_progress, waiting_resident"));
      return;
    }
    int limit = Routes.limit(ctx, 50);
    if (limit == 0) {
      return;
    }
    int offset;
    try {
      offset = Integer.parseInt(ctx.request().getParam("offset", "0"));
    } catch (NumberFormatException e) {
      offset = -1;
    }
    if (offset < 0) {
      ctx.fail(new HttpException(400, "offset must be a whole number from 0"));
      return;
    }
    queue.page(CommunityScope.of(ctx), status, offset, limit).onSuccess(page -> Routes.json(ctx, json(page, limit)))
        .onFailure(ctx::fail);
  }

  private static JsonObject json(TicketQueue.Page page, int limit) {
    JsonArray entries = new JsonArray();
    for (TicketQueue.Entry e : page.entries()) {
      Ticket t = e.ticket();
      entries.add(new JsonObject()
          .put("receipt", t.receipt())
          .put("category", t.category())
          .put("urgent", t.urgent())
          .put("status", t.status().apiName())
          .put("statusLabel", t.status().label())
          .put("address", t.address())
          .put("text", t.text())
          .put("createdAt", t.createdAt().toString())
          .put("dueAt", t.dueAt() == null ? null : t.dueAt().toString())
          .put("timeLimitHours", t.timeLimit() == null ? null : t.timeLimit().toHours())
          .put("leftMinutes", e.left().toMinutes())
          .put("usedShare", Math.round(e.used() * 1000) / 1000.0)
          .put("paused", e.paused())
          .put("dueSoon", e.dueSoon())
          .put("overdue", e.overdue()));
    }
    JsonObject counts = new JsonObject();
    page.counts().forEach((s, n) -> counts.put(s.apiName(), n));
    int next = page.offset() + page.entries().size();
    return new JsonObject()
        .put("at", page.at().toString())
        .put("total", page.total())
        .put("offset", page.offset())
        .put("limit", limit)
        .put("next", next < page.total() ? next : null)
        .put("counts", counts)
        .put("tickets", entries);
  }

  /** {@code GET /api/v1/tickets.csv?status=&since=&limit=}: the list of {@code /api/v1/tickets} as CSV. */
  void csv(RoutingContext ctx) {
    TicketApi.Query query = TicketApi.Query.of(ctx, clock, 1000);
    if (query == null) {
      return;
    }
    tickets.list(CommunityScope.of(ctx), query.status(), query.since(), query.limit())
        .onSuccess(list -> ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
            .putHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tickets.csv\"")
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
            .end(TicketCsv.render(list, clock.getZone())))
        .onFailure(ctx::fail);
  }

  /** The optional text field {@code name} ("" when absent), or null after failing the call when it is not text. */
  private static String text(RoutingContext ctx, JsonObject body, String name) {
    Object value = body.getValue(name);
    if (value == null) {
      return "";
    }
    if (!(value instanceof String s) || s.length() > OperatorDesk.MAX_MESSAGE) {
      ctx.fail(new HttpException(400, name + " must be text of at most " + OperatorDesk.MAX_MESSAGE + " characters"));
      return null;
    }
    return s;
  }

  private static OperatorDesk.Actor actor(RoutingContext ctx) {
    return OperatorDesk.Actor.operator(AdminAuth.actor(ctx));
  }
}
