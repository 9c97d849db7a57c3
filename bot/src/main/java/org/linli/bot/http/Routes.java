package org.linli.bot.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import org.linli.bot.Conversation;
import org.linli.bot.answer.ReplyComposer;
import org.linli.bot.gaps.FeedbackStore;
import org.linli.bot.gaps.GapStore;
import org.linli.bot.consultation.publish.PollPage;
import org.linli.bot.consultation.publish.ResultsCsv;
import org.linli.bot.kb.KbService;
import org.linli.bot.helpline.Helpline;
import org.linli.bot.outbox.DeadLetterApi;
import org.linli.config.Settings;
import org.linli.webhooks.ChatPlatform;
import org.linli.webhooks.ChatService;

/** Builds the service's router: every route, the body limit, and the JSON failure handler. */
public final class Routes {

  private Routes() {}

  /** The parts the routes need. */
  public record Parts(
      Settings settings,
      KbService kb,
      Conversation conversation,
      ReplyComposer composer,
      GapStore gaps,
      RedisAPI redis,
      PollApi polls,
      HouseholdApi households,
      PollPage pollPage,
      ResultsCsv resultsCsv,
      DeadLetterApi deadLetters,
      Helpline helpline,
      List<ChatPlatform> platforms,
      ChatService chat) {}

  /** The router of the whole service. */
  public static Router create(Vertx vertx, Parts parts) {
    Router router = Router.router(vertx);
    AdminAuth admin = new AdminAuth(parts.settings().admin().token(), "LINLI_ADMIN_TOKEN");
    BodyHandler body = BodyHandler.create(false).setBodyLimit(parts.settings().http().bodyLimitBytes());
    GuidePage pages = new GuidePage(parts.kb());

    router.get("/health").handler(new HealthHandler(parts.kb(), parts.redis(), parts.deadLetters().outboxes(),
        parts.helpline().state()));
    router.get("/kb").handler(pages.index());
    router.get("/kb/:id").handler(pages.one());

    router.post("/api/v1/ask").handler(body).handler(new AskHandler(parts.kb(), parts.composer(), parts.gaps()));

    PlatformRoutes.mount(router, body, parts.platforms(), parts.chat());

    router.post("/api/v1/kb/reload").handler(admin).handler(ctx -> parts.kb().reload()
        .onSuccess(report -> json(ctx, new JsonObject()
            .put("entries", report.entries())
            .put("millis", report.millis())
            .put("skipped", problems(report.problems()))))
        .onFailure(ctx::fail));

    router.get("/api/v1/kb/gaps").handler(admin).handler(ctx -> {
      int limit;
      try {
        limit = Integer.parseInt(ctx.request().getParam("limit", "50"));
      } catch (NumberFormatException e) {
        ctx.fail(new HttpException(400, "limit must be a number from 1 to 1000"));
        return;
      }
      if (limit < 1 || limit > 1000) {
        ctx.fail(new HttpException(400, "limit must be a number from 1 to 1000"));
        return;
      }
      GapStore gaps = parts.gaps();
      Future.all(gaps.top(limit), gaps.feedback().unhelpful(limit), gaps.feedback().perGuide())
          .onSuccess(all -> json(ctx, gapsJson(parts.kb(), all.resultAt(0), all.resultAt(1), all.resultAt(2))))
          .onFailure(ctx::fail);
    });

    router.post("/api/v1/polls").handler(body).handler(admin).handler(parts.polls()::create);
    router.get("/api/v1/polls/:id").handler(admin).handler(parts.polls()::get);
    router.get("/api/v1/polls/:id/results").handler(admin).handler(parts.polls()::results);
    router.post("/api/v1/polls/:id/close").handler(admin).handler(parts.polls()::close);
    router.get("/api/v1/polls/:id/results.csv").handler(admin).handler(parts.resultsCsv().handler());
    router.get("/api/v1/outbox/:queue/dead").handler(admin).handler(parts.deadLetters()::list);
    router.post("/api/v1/outbox/:queue/dead/:id/replay").handler(admin).handler(parts.deadLetters()::replay);
    Helpline helpline = parts.helpline();
    AdminAuth operators = new AdminAuth("LINLI_HUB_TOKEN or LINLI_ADMIN_TOKEN", parts.settings().hub().token(),
        parts.settings().admin().token());
    router.post("/webhooks/hub").handler(body).handler(helpline.callbacks()::handle);
    router.get("/api/v1/tickets").handler(operators).handler(helpline.api()::list);
    router.get("/api/v1/tickets/:receipt").handler(operators).handler(helpline.api()::get);
    router.post("/api/v1/tickets/:receipt/category").handler(body).handler(operators).handler(helpline.api()::category);
    router.get("/api/v1/stats").handler(operators).handler(helpline.api()::stats);
    router.post("/api/v1/hub/resume").handler(admin).handler(helpline.api()::resume);
    router.get("/polls/:id").handler(parts.pollPage().page());
    router.get("/polls/:id/chart.png").handler(parts.pollPage().chart());

    router.post("/api/v1/households").handler(admin).handler(parts.households().csvBody())
        .handler(parts.households()::importCsv);
    router.get("/api/v1/households").handler(admin).handler(parts.households()::list);
    router.post("/api/v1/households/:id/codes").handler(admin).handler(parts.households()::issueCode);

    router.route().last().handler(ctx -> ctx.fail(new HttpException(404)));
    router.route().failureHandler(new FailureHandler());
    return router;
  }

  /**
   * {@code gaps} (unanswered questions, as always), the same list as {@code unanswered}, the
   * questions whose guide did not help as {@code unhelpful}, and the votes of each guide.
   */
  private static JsonObject gapsJson(KbService kb, List<GapStore.Gap> unanswered,
      List<FeedbackStore.Unhelpful> unhelpful, List<FeedbackStore.GuideTally> perGuide) {
    JsonArray gaps = new JsonArray();
    unanswered.forEach(g -> gaps.add(new JsonObject().put("question", g.question()).put("count", g.count())
        .put("lastSeen", g.lastSeen())));
    JsonArray missed = new JsonArray();
    unhelpful.forEach(u -> missed.add(new JsonObject().put("question", u.question()).put("guide", u.guide())
        .put("title", title(kb, u.guide())).put("count", u.count()).put("lastSeen", u.lastSeen())));
    JsonArray guides = new JsonArray();
    perGuide.forEach(t -> guides.add(new JsonObject().put("guide", t.guide()).put("title", title(kb, t.guide()))
        .put("helpful", t.helpful()).put("unhelpful", t.unhelpful())));
    return new JsonObject().put("gaps", gaps).put("unanswered", gaps.copy()).put("unhelpful", missed)
        .put("perGuide", guides);
  }

  private static String title(KbService kb, String guide) {
    org.linli.kb.Entry entry = kb.knowledgeBase().entry(guide);
    return entry == null ? "" : entry.title();
  }

  private static JsonArray problems(List<org.linli.kb.EntryLoader.Problem> problems) {
    JsonArray out = new JsonArray();
    problems.forEach(p -> out.add(new JsonObject().put("file", p.file()).put("reason", p.reason())));
    return out;
  }

  static void json(io.vertx.ext.web.RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8").end(body.encode());
  }
}
