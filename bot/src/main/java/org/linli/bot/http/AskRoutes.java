package org.linli.bot.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import org.linli.bot.answer.ReplyComposer;
import org.linli.bot.community.Communities;
import org.linli.bot.gaps.FeedbackStore;
import org.linli.bot.gaps.GapStore;
import org.linli.bot.kb.KbService;
import org.linli.kb.Entry;
import org.linli.kb.EntryLoader;

/**
 * Asking the knowledge base: {@code POST /api/v1/ask} (open), and for administrators {@code POST
 * /api/v1/kb/reload} and {@code GET /api/v1/kb/gaps?limit=50} (the questions it could not answer,
 * the guides that did not help, and each guide's votes).
 */
public final class AskRoutes implements FeatureRoutes {

  private final AskHandler ask;
  private final KbService kb;
  private final GapStore gaps;

  public AskRoutes(KbService kb, ReplyComposer composer, GapStore gaps, Communities communities) {
    this.ask = new AskHandler(kb, composer, gaps, communities);
    this.kb = kb;
    this.gaps = gaps;
  }

  @Override
  public void mount(Router router, Guards guards) {
    router.post("/api/v1/ask").handler(guards.body()).handler(ask);
    router.post("/api/v1/kb/reload").handler(guards.admin()).handler(ctx -> kb.reload()
        .onSuccess(report -> Routes.json(ctx, new JsonObject()
            .put("entries", report.entries())
            .put("millis", report.millis())
            .put("skipped", problems(report.problems()))))
        .onFailure(ctx::fail));
    router.get("/api/v1/kb/gaps").handler(guards.admin()).handler(ctx -> {
      int limit = Routes.limit(ctx, 50);
      if (limit == 0) {
        return;
      }
      Future.all(gaps.top(limit), gaps.feedback().unhelpful(limit), gaps.feedback().perGuide())
          .onSuccess(all -> Routes.json(ctx, gapsJson(all.resultAt(0), all.resultAt(1), all.resultAt(2))))
          .onFailure(ctx::fail);
    });
  }

  /**
   * {@code gaps} (unanswered questions, as always), the same list as {@code unanswered}, the
   * questions whose guide did not help as {@code unhelpful}, and the votes of each guide.
   */
  private JsonObject gapsJson(List<GapStore.Gap> unanswered, List<FeedbackStore.Unhelpful> unhelpful,
      List<FeedbackStore.GuideTally> perGuide) {
    JsonArray asked = new JsonArray();
    unanswered.forEach(g -> asked.add(new JsonObject().put("question", g.question()).put("count", g.count())
        .put("lastSeen", g.lastSeen())));
    JsonArray missed = new JsonArray();
    unhelpful.forEach(u -> missed.add(new JsonObject().put("question", u.question()).put("guide", u.guide())
        .put("title", title(u.guide())).put("count", u.count()).put("lastSeen", u.lastSeen())));
    JsonArray guides = new JsonArray();
    perGuide.forEach(t -> guides.add(new JsonObject().put("guide", t.guide()).put("title", title(t.guide()))
        .put("helpful", t.helpful()).put("unhelpful", t.unhelpful())));
    return new JsonObject().put("gaps", asked).put("unanswered", asked.copy()).put("unhelpful", missed)
        .put("perGuide", guides);
  }

  private String title(String guide) {
    Entry entry = kb.knowledgeBase().entry(guide);
    return entry == null ? "" : entry.title();
  }

  private static JsonArray problems(List<EntryLoader.Problem> problems) {
    JsonArray out = new JsonArray();
    problems.forEach(p -> out.add(new JsonObject().put("file", p.file()).put("reason", p.reason())));
    return out;
  }
}
