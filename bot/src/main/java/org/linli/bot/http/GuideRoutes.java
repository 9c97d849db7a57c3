package org.linli.bot.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Comparator;
import java.util.Map;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.kb.GuideEdits;
import org.linli.bot.kb.KbService;
import org.linli.kb.Entry;
import org.linli.kb.KnowledgeBase;

/**
 * The office's guides, behind the admin token — read, checked, published, withdrawn and restored
 * while the service runs, on every instance ({@link GuideEdits}):
 *
 * <ul>
 *   <li>{@code GET /api/v1/guides} — {@code {"guides": [{"id", "title", "category", "edited"}],
 *       "withdrawn": [id], "problems": [sentence]}}
 *   <li>{@code GET /api/v1/guides/:id} — {@code {"id", "markdown", "edited", "original"}} ({@code
 *       original}: as shipped or in the folder, null for a guide the office added)
 *   <li>{@code POST /api/v1/guides/preview} {@code {"id", "markdown"}} — {@code {"valid",
 *       "problem", "guide": {"id", "title", "category", "questions", "tags", "office"}}}, nothing
 *       stored
 *   <li>{@code PUT /api/v1/guides/:id} {@code {"markdown"}} — publishes: {@code {"id", "published":
 *       true, "guides"}}; 400 with the parser's sentence, nothing changed
 *   <li>{@code DELETE /api/v1/guides/:id} — withdraws it; {@code POST /api/v1/guides/:id/restore} —
 *       drops the office's edit
 * </ul>
 */
public final class GuideRoutes implements FeatureRoutes {

  private static final String EXAMPLE = "{\"markdown\":\"---\\nid: …\\ntitle: …\\n---\\nbody\"}";

  private final GuideEdits edits;
  private final KbService kb;

  public GuideRoutes(GuideEdits edits, KbService kb) {
    this.edits = edits;
    this.kb = kb;
  }

  @Override
  public void mount(Router router, Guards guards) {
    router.get("/api/v1/guides").handler(guards.admin()).handler(this::list);
    router.post("/api/v1/guides/preview").handler(guards.body()).handler(guards.admin()).handler(this::preview);
    router.get("/api/v1/guides/:id").handler(guards.admin()).handler(this::one);
    router.put("/api/v1/guides/:id").handler(guards.body()).handler(guards.admin()).handler(this::publish);
    router.delete("/api/v1/guides/:id").handler(guards.admin()).handler(this::withdraw);
    router.post("/api/v1/guides/:id/restore").handler(guards.admin()).handler(this::restore);
  }

  private void list(RoutingContext ctx) {
    Map<String, String> edited = edits.edited();
    JsonArray guides = new JsonArray();
    kb.knowledgeBase().entries().stream().sorted(Comparator.comparing(Entry::id)).forEach(e -> guides.add(
        new JsonObject().put("id", e.id()).put("title", e.title()).put("category", e.category())
            .put("edited", edited.containsKey(e.id()))));
    JsonArray withdrawn = new JsonArray();
    edited.entrySet().stream().filter(x -> x.getValue().isBlank()).map(Map.Entry::getKey).sorted()
        .forEach(withdrawn::add);
    JsonArray problems = new JsonArray();
    kb.knowledgeBase().problems().forEach(p -> problems.add(p.toString()));
    Routes.json(ctx, new JsonObject().put("guides", guides).put("withdrawn", withdrawn).put("problems", problems));
  }

  private void one(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    KnowledgeBase base = kb.knowledgeBase();
    String markdown = base.source(id);
    String original = base.originalSource(id);
    if (markdown == null && original == null) {
      ctx.fail(new HttpException(404, "There is no guide '" + id + "'"));
      return;
    }
    Routes.json(ctx, new JsonObject().put("id", id).put("markdown", markdown)
        .put("edited", edits.edited().containsKey(id)).put("original", original));
  }

  private void preview(RoutingContext ctx) {
    JsonObject body = RequestBodies.jsonObject(ctx, "{\"id\":\"…\",\"markdown\":\"…\"}");
    try {
      Entry e = edits.check(RequestBodies.text(body, "id"), RequestBodies.text(body, "markdown"));
      Routes.json(ctx, new JsonObject().put("valid", true).put("guide", new JsonObject().put("id", e.id())
          .put("title", e.title()).put("category", e.category()).put("questions", new JsonArray(e.questions()))
          .put("tags", new JsonArray(e.tags())).put("office", e.office())));
    } catch (BadRequest e) {
      Routes.json(ctx, new JsonObject().put("valid", false).put("problem", e.getMessage()));
    }
  }

  private void publish(RoutingContext ctx) {
    JsonObject body = RequestBodies.jsonObject(ctx, EXAMPLE);
    String id = ctx.pathParam("id");
    edits.publish(id, RequestBodies.text(body, "markdown"))
        .onSuccess(r -> Routes.json(ctx, new JsonObject().put("id", id).put("published", true)
            .put("guides", r.entries())))
        .onFailure(ctx::fail);
  }

  private void withdraw(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    edits.withdraw(id).onSuccess(r -> Routes.json(ctx, new JsonObject().put("id", id).put("withdrawn", true)
        .put("guides", r.entries()))).onFailure(ctx::fail);
  }

  private void restore(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    edits.restore(id).onSuccess(r -> Routes.json(ctx, new JsonObject().put("id", id).put("restored", true)
        .put("guides", r.entries()))).onFailure(ctx::fail);
  }

}
