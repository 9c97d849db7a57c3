package org.linli.bot.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.linli.bot.community.Communities;
import org.linli.bot.community.Community;
import org.linli.bot.community.LocalFacts;
import org.linli.bot.console.Account;

/**
 * The street office's communities over REST:
 *
 * <ul>
 *   <li>{@code GET /api/v1/communities} — {@code {"communities": [community]}}: every one for the
 *       admin token, an account token's own for a moderator or operator; a community being {@code
 *       {"id", "name", "chats": ["platform:chat"], "office": {"address", "phone", "hours"}}}
 *   <li>{@code POST /api/v1/communities} {@code {"id", "name", "office"?}} — 201 with it (admins)
 *   <li>{@code GET /api/v1/communities/{c}} — the community (any role that works for it)
 *   <li>{@code PUT /api/v1/communities/{c}} {@code {"name", "office"?}} — 200 with it (admins)
 *   <li>{@code POST /api/v1/communities/{c}/chats} {@code {"platform", "chat"}} — 201 when added, 200
 *       when it was there; 409 when the chat belongs to another community (admins)
 *   <li>{@code DELETE /api/v1/communities/{c}/chats?platform=…&chat=…} — 200; 404 when the chat is
 *       not the community's (admins)
 * </ul>
 */
public final class CommunityRoutes implements FeatureRoutes {

  private static final String EXAMPLE = "{\"id\":\"xinghe\",\"name\":\"Xinghe\",\"office\":{\"address\":\"…\","
      + "\"phone\":\"…\",\"hours\":\"…\"}}";
  private static final String CHAT_EXAMPLE = "{\"platform\":\"<platform>\",\"chat\":\"<chat id>\"}";

  private final Communities communities;

  public CommunityRoutes(Communities communities) {
    this.communities = communities;
  }

  @Override
  public void mount(Router router, Guards guards) {
    router.get("/api/v1/communities").handler(guards.everyone()).handler(this::list);
    router.post("/api/v1/communities").handler(guards.body()).handler(guards.admin()).handler(this::create);
    router.get("/api/v1/communities/:community").handler(guards.everyone()).handler(guards.community())
        .handler(this::show);
    router.put("/api/v1/communities/:community").handler(guards.body()).handler(guards.admin())
        .handler(guards.community()).handler(this::update);
    router.post("/api/v1/communities/:community/chats").handler(guards.body()).handler(guards.admin())
        .handler(guards.community()).handler(this::addChat);
    router.delete("/api/v1/communities/:community/chats").handler(guards.admin()).handler(guards.community())
        .handler(this::removeChat);
  }

  private void list(RoutingContext ctx) {
    Account account = ctx.get(Account.class.getName());
    communities.refresh().onSuccess(v -> {
      JsonArray out = new JsonArray();
      communities.all().stream().filter(c -> account == null || account.worksIn(c.id()))
          .forEach(c -> out.add(c.toJson()));
      Routes.json(ctx, new JsonObject().put("communities", out));
    }).onFailure(ctx::fail);
  }

  private void show(RoutingContext ctx) {
    Routes.json(ctx, CommunityScope.community(ctx).toJson());
  }

  private void create(RoutingContext ctx) {
    JsonObject body = RequestBodies.jsonObject(ctx, EXAMPLE);
    communities.create(RequestBodies.text(body, "id"), RequestBodies.text(body, "name"), office(body))
        .onSuccess(c -> {
          ctx.response().setStatusCode(201);
          Routes.json(ctx, c.toJson());
        }).onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    JsonObject body = RequestBodies.jsonObject(ctx, EXAMPLE);
    Community community = CommunityScope.community(ctx);
    String name = body.containsKey("name") ? RequestBodies.text(body, "name") : community.name();
    LocalFacts facts = body.containsKey("office") ? office(body) : community.facts();
    communities.update(community.id(), name, facts).onSuccess(c -> Routes.json(ctx, c.toJson()))
        .onFailure(ctx::fail);
  }

  private void addChat(RoutingContext ctx) {
    JsonObject body = RequestBodies.jsonObject(ctx, CHAT_EXAMPLE);
    String id = CommunityScope.of(ctx);
    communities.addChat(id, RequestBodies.text(body, "platform"), RequestBodies.text(body, "chat"))
        .compose(added -> {
          ctx.response().setStatusCode(added ? 201 : 200);
          return Future.succeededFuture(communities.find(id).orElseThrow());
        }).onSuccess(c -> Routes.json(ctx, c.toJson())).onFailure(ctx::fail);
  }

  private void removeChat(RoutingContext ctx) {
    String id = CommunityScope.of(ctx);
    communities.removeChat(id, ctx.queryParams().get("platform"), ctx.queryParams().get("chat"))
        .onSuccess(v -> Routes.json(ctx, communities.find(id).orElseThrow().toJson())).onFailure(ctx::fail);
  }

  private static LocalFacts office(JsonObject body) {
    Object office = body.getValue("office");
    if (office == null) {
      return LocalFacts.NONE;
    }
    if (!(office instanceof JsonObject facts)) {
      throw new HttpException(400, "\"office\" must be an object: {\"address\":\"…\",\"phone\":\"…\",\"hours\":\"…\"}");
    }
    for (String field : new String[]{"address", "phone", "hours"}) {
      if (facts.containsKey(field) && !(facts.getValue(field) instanceof String)) {
        throw new HttpException(400, "\"office." + field + "\" must be text");
      }
    }
    return LocalFacts.fromJson(facts);
  }
}
