package org.linli.bot.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import org.linli.bot.metrics.ServiceMetrics;
import org.linli.config.Settings;

/**
 * {@code GET /metrics}: every meter in the Prometheus text format, for a scraper that sends {@code
 * Bearer LINLI_METRICS_TOKEN} (or the admin token). The figures carry no personal data, but they
 * tell how busy an office is, so they are not public.
 */
public final class MetricsRoutes implements FeatureRoutes {

  private final ServiceMetrics metrics;
  private final AdminAuth scraper;

  public MetricsRoutes(ServiceMetrics metrics, Settings settings) {
    this.metrics = metrics;
    this.scraper = new AdminAuth("LINLI_METRICS_TOKEN or LINLI_ADMIN_TOKEN", settings.metrics().token(),
        settings.admin().token());
  }

  @Override
  public void mount(Router router, Guards guards) {
    router.get("/metrics").handler(scraper).handler(ctx -> metrics.scrape()
        .onSuccess(text -> ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
            .end(text))
        .onFailure(ctx::fail));
  }
}
