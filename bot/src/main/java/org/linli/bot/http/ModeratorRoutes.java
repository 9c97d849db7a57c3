package org.linli.bot.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.linli.bot.consultation.Moderators;

/**
 * Who moderates which chat, behind the admin token — granted and taken back while the service runs
 * (no restart), beside those of the {@code consultation.moderators} setting:
 *
 * <ul>
 *   <li>{@code GET /api/v1/moderators} — {@code {"settings": [grant], "granted": [grant]}}, a grant
 *       being {@code {"platform", "chat", "user", "entry"}} ({@code chat} {@code *}: every chat of
 *       the platform; {@code platform} null for the setting's older {@code chat:user} form)
 *   <li>{@code POST /api/v1/moderators} {@code {"platform", "chat", "user"}} — 201 with the grant
 *       and {@code "granted": true}, or 200 with {@code false} when it was granted already
 *   <li>{@code DELETE /api/v1/moderators?platform=…&chat=…&user=…} — 200 {@code {"revoked": true}};
 *       404 when not granted, 409 for a moderator of the setting
 * </ul>
 */
public final class ModeratorRoutes implements FeatureRoutes {

  private static final String EXAMPLE = "{\"platform\":\"<platform>\",\"chat\":\"<chat id>\",\"user\":\"<user id>\"}";

  private final Moderators moderators;

  public ModeratorRoutes(Moderators moderators) {
    this.moderators = moderators;
  }

  @Override
  public void mount(Router router, Guards guards) {
    router.get("/api/v1/moderators").handler(guards.admin()).handler(this::list);
    router.post("/api/v1/moderators").handler(guards.body()).handler(guards.admin()).handler(this::grant);
    router.delete("/api/v1/moderators").handler(guards.admin()).handler(this::revoke);
  }

  private void list(RoutingContext ctx) {
    moderators.refresh().onSuccess(v -> Routes.json(ctx, new JsonObject()
        .put("settings", json(moderators.fromSettings()))
        .put("granted", json(moderators.granted())))).onFailure(ctx::fail);
  }

  private void grant(RoutingContext ctx) {
    JsonObject body = RequestBodies.jsonObject(ctx, EXAMPLE);
    String platform = RequestBodies.text(body, "platform");
    String chat = RequestBodies.text(body, "chat");
    String user = RequestBodies.text(body, "user");
    moderators.grant(platform, chat, user).onSuccess(added -> {
      ctx.response().setStatusCode(added ? 201 : 200);
      Routes.json(ctx, new JsonObject().put("platform", platform).put("chat", chat.strip()).put("user", user.strip())
          .put("granted", added));
    }).onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    moderators.revoke(ctx.queryParams().get("platform"), ctx.queryParams().get("chat"), ctx.queryParams().get("user"))
        .onSuccess(v -> Routes.json(ctx, new JsonObject().put("revoked", true)))
        .onFailure(ctx::fail);
  }

  private static JsonArray json(List<Moderators.Grant> grants) {
    JsonArray out = new JsonArray();
    grants.forEach(g -> out.add(new JsonObject().put("platform", g.platform()).put("chat", g.chat())
        .put("user", g.user()).put("entry", g.entry())));
    return out;
  }
}
