package org.linli.bot.http;

import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.ZoneId;
import org.linli.bot.helpline.Helpline;
import org.linli.bot.ticket.PublicStats;

/**
 * The help-line over HTTP: the hub's signed callbacks ({@code POST /webhooks/hub}), the operators'
 * ticket API (hub or admin token, see {@link TicketApi}) and their actions (status, replies,
 * merge, category, queue, CSV: {@link OperatorApi}), resuming hub deliveries (admin) and the
 * public monthly page ({@code /stats}, {@link StatsPages}).
 */
public final class TicketRoutes implements FeatureRoutes {

  private final Helpline helpline;
  private final TicketApi api;
  private final OperatorApi operators;
  private final StatsPages stats;

  public TicketRoutes(Helpline helpline, ZoneId zone, Clock clock) {
    this.helpline = helpline;
    this.api = new TicketApi(helpline.tickets(), helpline.state(), clock.withZone(zone));
    this.operators = new OperatorApi(helpline.operators(), helpline.queue(), helpline.tickets(), clock.withZone(zone));
    this.stats = new StatsPages(new PublicStats(helpline.tickets()), clock.withZone(zone));
  }

  @Override
  public void mount(Router router, Guards guards) {
    router.post("/webhooks/hub").handler(guards.body()).handler(ctx -> helpline.callbacks()
        .receive(ctx.request().headers(), ctx.body().buffer(), () -> ctx.body().asJsonObject(),
            ctx.request().remoteAddress())
        .onSuccess(answer -> Routes.json(ctx, answer))
        .onFailure(ctx::fail));
    router.get("/api/v1/tickets").handler(guards.operators()).handler(api::list);
    router.get("/api/v1/tickets.csv").handler(guards.operators()).handler(operators::csv);
    // Before /:receipt, which would take "queue" for a receipt number.
    router.get("/api/v1/tickets/queue").handler(guards.operators()).handler(operators::queue);
    router.get("/api/v1/tickets/:receipt").handler(guards.operators()).handler(api::get);
    router.post("/api/v1/tickets/:receipt/category").handler(guards.body()).handler(guards.operators())
        .handler(operators::category);
    router.put("/api/v1/tickets/:receipt/category").handler(guards.body()).handler(guards.operators())
        .handler(operators::category);
    router.post("/api/v1/tickets/:receipt/status").handler(guards.body()).handler(guards.operators())
        .handler(operators::status);
    router.post("/api/v1/tickets/:receipt/replies").handler(guards.body()).handler(guards.operators())
        .handler(operators::reply);
    router.post("/api/v1/tickets/:receipt/merge").handler(guards.body()).handler(guards.operators())
        .handler(operators::merge);
    router.post("/api/v1/tickets/:receipt/evaluation").handler(guards.body()).handler(guards.operators())
        .handler(new EvaluationApi(helpline.desk().evaluations())::evaluate);
    router.get("/api/v1/stats").handler(guards.operators()).handler(api::stats);
    router.post("/api/v1/hub/resume").handler(guards.admin()).handler(api::resume);
    router.get("/stats").handler(stats.current());
    router.get("/stats/:month").handler(stats.month());
  }
}
