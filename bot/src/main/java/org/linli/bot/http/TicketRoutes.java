package org.linli.bot.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.Clock;
import java.time.ZoneId;
import org.linli.bot.community.Communities;
import org.linli.bot.helpline.Helpline;
import org.linli.bot.ticket.PublicStats;
import org.linli.bot.ticket.TicketStore;

/**
 * The help-line over HTTP: the hub's signed callbacks ({@code POST /webhooks/hub}, of no
 * community), the operators' ticket API (hub or admin token, see {@link TicketApi}) and their
 * actions (status, replies, merge, category, queue, CSV: {@link OperatorApi}), resuming hub
 * deliveries (admin) and the public monthly page ({@code /stats}, {@link StatsPages}).
 *
 * <p>The operators' routes belong to a community ({@link ApiPaths#of}): {@code
 * /api/v1/communities/<c>/tickets…} and {@code …/stats} read and change that community's tickets
 * only, {@code /api/v1/tickets…} the default community's; a ticket of another community is 404.
 */
public final class TicketRoutes implements FeatureRoutes {

  private final Helpline helpline;
  private final TicketApi api;
  private final OperatorApi operators;
  private final StatsPages stats;

  public TicketRoutes(Helpline helpline, Communities communities, ZoneId zone, Clock clock) {
    this.helpline = helpline;
    this.api = new TicketApi(helpline.tickets(), helpline.state(), clock.withZone(zone));
    this.operators = new OperatorApi(helpline.operators(), helpline.queue(), helpline.tickets(), clock.withZone(zone));
    this.stats = new StatsPages(new PublicStats(helpline.tickets()), communities, clock.withZone(zone));
  }

  @Override
  public void mount(Router router, Guards guards) {
    router.post("/webhooks/hub").handler(guards.body()).handler(ctx -> helpline.callbacks()
        .receive(ctx.request().headers(), ctx.body().buffer(), () -> ctx.body().asJsonObject(),
            ctx.request().remoteAddress())
        .onSuccess(answer -> Routes.json(ctx, answer))
        .onFailure(ctx::fail));
    Handler<RoutingContext> own = own(helpline.tickets());
    ApiPaths.get(router, "/tickets").handler(guards.operators()).handler(guards.community())
        .handler(api::list);
    ApiPaths.get(router, "/tickets.csv").handler(guards.operators()).handler(guards.community())
        .handler(operators::csv);
    // Before /:receipt, which would take "queue" for a receipt number.
    ApiPaths.get(router, "/tickets/queue").handler(guards.operators()).handler(guards.community())
        .handler(operators::queue);
    ApiPaths.get(router, "/tickets/:receipt").handler(guards.operators()).handler(guards.community())
        .handler(own).handler(api::get);
    ApiPaths.post(router, "/tickets/:receipt/category").handler(guards.body()).handler(guards.operators())
        .handler(guards.community()).handler(own).handler(operators::category);
    ApiPaths.put(router, "/tickets/:receipt/category").handler(guards.body()).handler(guards.operators())
        .handler(guards.community()).handler(own).handler(operators::category);
    ApiPaths.post(router, "/tickets/:receipt/status").handler(guards.body()).handler(guards.operators())
        .handler(guards.community()).handler(own).handler(operators::status);
    ApiPaths.post(router, "/tickets/:receipt/replies").handler(guards.body()).handler(guards.operators())
        .handler(guards.community()).handler(own).handler(operators::reply);
    ApiPaths.post(router, "/tickets/:receipt/merge").handler(guards.body()).handler(guards.operators())
        .handler(guards.community()).handler(own).handler(operators::merge);
    ApiPaths.post(router, "/tickets/:receipt/evaluation").handler(guards.body())
        .handler(guards.operators()).handler(guards.community()).handler(own)
        .handler(new EvaluationApi(helpline.desk().evaluations())::evaluate);
    ApiPaths.get(router, "/stats").handler(guards.operators()).handler(guards.community())
        .handler(api::stats);
    router.post("/api/v1/hub/resume").handler(guards.admin()).handler(api::resume);
    router.get("/stats").handler(stats.current());
    router.get("/stats/:month").handler(stats.month());
  }

  /**
   * Lets a call about the ticket {@code :receipt} go on when the ticket is the call's community's
   * (or does not exist: the handler says so); a ticket of another community is not found in this one.
   */
  static Handler<RoutingContext> own(TicketStore tickets) {
    return ctx -> {
      String receipt = ctx.pathParam("receipt");
      String community = CommunityScope.of(ctx);
      tickets.find(receipt).onSuccess(t -> {
        if (t != null && !tickets.communityOf(t).equals(community)) {
          ctx.fail(new HttpException(404, "There is no ticket " + receipt));
        } else {
          ctx.next();
        }
      }).onFailure(ctx::fail);
    };
  }
}
