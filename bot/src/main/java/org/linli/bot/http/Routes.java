package org.linli.bot.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import java.util.Set;
import org.linli.bot.community.Communities;
import org.linli.bot.console.Console;
import org.linli.bot.console.Role;
import org.linli.config.Settings;

/**
 * Builds the service's router: the shared parts (a request id, body limit, admin and operator
 * tokens, {@code /health}, the 404 and the JSON failure handler) and every feature's routes, mounted in turn.
 */
public final class Routes {

  private Routes() {
  }

  /** The router of the whole service, with the shared tokens only. */
  public static Router create(Vertx vertx, Settings settings, HealthHandler health, Communities communities,
      List<FeatureRoutes> features) {
    return create(vertx, settings, health, null, communities, features);
  }

  /**
   * The router of the whole service; with {@code console} (may be null), the REST API also admits
   * the API tokens of console accounts by role and audits the changes made with any token.
   */
  public static Router create(Vertx vertx, Settings settings, HealthHandler health, Console console,
      Communities communities, List<FeatureRoutes> features) {
    Router router = Router.router(vertx);
    AdminAuth.Shared admin = new AdminAuth.Shared("LINLI_ADMIN_TOKEN", settings.admin().token(), "admin-token");
    AdminAuth.Shared hub = new AdminAuth.Shared("LINLI_HUB_TOKEN", settings.hub().token(), "hub-token");
    FeatureRoutes.Guards guards = new FeatureRoutes.Guards(
        BodyHandler.create(false).setBodyLimit(settings.http().bodyLimitBytes()),
        new AdminAuth("LINLI_ADMIN_TOKEN", console, Set.of(Role.ADMIN), List.of(admin)),
        new AdminAuth("LINLI_HUB_TOKEN or LINLI_ADMIN_TOKEN", console, Set.of(Role.ADMIN, Role.OPERATOR),
            List.of(hub, admin)),
        new AdminAuth("LINLI_ADMIN_TOKEN", console, Set.of(Role.ADMIN, Role.MODERATOR), List.of(admin)),
        new CommunityScope(communities),
        new AdminAuth("LINLI_ADMIN_TOKEN or LINLI_HUB_TOKEN", console, Set.of(Role.values()), List.of(admin, hub)));
    router.route().handler(new RequestIds());
    router.route().handler(new MultipartBoundary());
    router.get("/health").handler(health);
    features.forEach(feature -> feature.mount(router, guards));
    router.route().last().handler(ctx -> ctx.fail(new HttpException(404)));
    router.route().failureHandler(new FailureHandler());
    return router;
  }

  static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8").end(body.encode());
  }

  /**
   * The {@code limit} query parameter (1 to 1000, {@code byDefault} where absent), or 0 after
   * failing the request with a 400 where it is anything else.
   */
  static int limit(RoutingContext ctx, int byDefault) {
    int limit;
    try {
      limit = Integer.parseInt(ctx.request().getParam("limit", String.valueOf(byDefault)));
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > 1000) {
      ctx.fail(new HttpException(400, "limit must be a number from 1 to 1000"));
      return 0;
    }
    return limit;
  }
}
