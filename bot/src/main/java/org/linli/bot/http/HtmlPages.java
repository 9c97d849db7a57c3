package org.linli.bot.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * How every public page is answered: HTML in UTF-8, no content sniffing, and a Content-Security-
 * Policy that lets a page use nothing but itself (its inline style, and images from this service
 * where it shows a chart): anything injected into a page would neither run nor load.
 */
final class HtmlPages {

  /** For pages that show charts served by this service. */
  static final String WITH_IMAGES = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
  /** For pages of text and inline SVG only. */
  static final String TEXT_ONLY = "default-src 'none'; style-src 'unsafe-inline'";

  private HtmlPages() {
  }

  /** Answers {@code document} with {@code status}, cached as {@code cacheControl} says (null: no header). */
  static void send(RoutingContext ctx, int status, String cacheControl, String policy, String document) {
    var response = ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Content-Security-Policy", policy);
    if (cacheControl != null) {
      response.putHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
    }
    response.end(document);
  }
}
