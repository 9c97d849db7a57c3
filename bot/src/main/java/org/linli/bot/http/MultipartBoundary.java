package org.linli.bot.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Locale;

/**
 * Refuses, with 400 and a sentence, a request whose {@code Content-Type} is multipart but names no
 * boundary ({@code multipart/form-data; boundary=}, or no {@code boundary} at all): Netty's form
 * decoder, which every body handler starts on such a type, fails on it with an exception, which
 * was a 500 on every route that reads a body, the webhooks before their signature check included.
 */
final class MultipartBoundary implements Handler<RoutingContext> {

  static final String NO_BOUNDARY = "A multipart body needs a boundary in its Content-Type"
      + " (multipart/form-data; boundary=...); this one has none.";

  @Override
  public void handle(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/") && !hasBoundary(type)) {
      ctx.fail(new HttpException(400, NO_BOUNDARY));
      return;
    }
    ctx.next();
  }

  /** Whether a parameter {@code boundary} with a value that is not empty (quoted or not) is there. */
  static boolean hasBoundary(String contentType) {
    String[] parts = contentType.split(";");
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].strip();
      int equals = part.indexOf('=');
      if (equals > 0 && part.substring(0, equals).strip().equalsIgnoreCase("boundary")) {
        String value = part.substring(equals + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        if (!value.isBlank()) {
          return true;
        }
      }
    }
    return false;
  }
}
