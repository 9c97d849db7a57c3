package org.linli.bot.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import org.linli.config.Settings;

/**
 * Builds the service's router: the shared parts (a request id, body limit, admin and operator
 * tokens, {@code /health}, the 404 and the JSON failure handler) and every feature's routes, mounted in turn.
 */
public final class Routes {

  private Routes() {
  }

  /** The router of the whole service. */
  public static Router create(Vertx vertx, Settings settings, HealthHandler health, List<FeatureRoutes> features) {
    Router router = Router.router(vertx);
    FeatureRoutes.Guards guards = new FeatureRoutes.Guards(
        BodyHandler.create(false).setBodyLimit(settings.http().bodyLimitBytes()),
        new AdminAuth(settings.admin().token(), "LINLI_ADMIN_TOKEN"),
        new AdminAuth("LINLI_HUB_TOKEN or LINLI_ADMIN_TOKEN", settings.hub().token(), settings.admin().token()));
    router.route().handler(new RequestIds());
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
