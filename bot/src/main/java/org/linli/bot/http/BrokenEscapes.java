package org.linli.bot.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.util.HexFormat;

/**
 * Stands in front of the router and refuses, with 400 and a sentence, an address whose path or
 * query string has a broken %-escape ({@code /api/v1/ask/%}, {@code ?x=%ZZ}, {@code ?x=%E4%}).
 * Found by sending random requests to the running service: Vert.x's router threw on such a path
 * (a plain-text 400 and a stack trace in the log for every one), Netty's query decoder threw
 * wherever the parameters were first read (a 500 inside a route), and inside the body handler of a
 * form-typed POST it threw on the event loop and the request was never answered. Checked here, once,
 * before any route runs, nothing is read, logged as an error or stored.
 */
final class BrokenEscapes implements Handler<HttpServerRequest> {

  static final String BROKEN = "The address has a broken %-escape; write % itself as %25 and other"
      + " characters as %XX with two hex digits.";

  private final Router router;

  BrokenEscapes(Router router) {
    this.router = router;
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (broken(request.path()) || broken(request.query())) {
      request.response().putHeader(RequestIds.HEADER, RequestIds.idOf(request));
      FailureHandler.answer(request.response(), 400, BROKEN);
      return;
    }
    router.handle(request);
  }

  /**
   * True when a {@code %} is not followed by two ASCII hex digits: what Netty's and Vert.x's
   * decoders throw on (they take no other digits, so neither does this).
   */
  static boolean broken(String part) {
    if (part == null) {
      return false;
    }
    for (int i = part.indexOf('%'); i >= 0; i = part.indexOf('%', i + 1)) {
      if (i + 2 >= part.length() || !HexFormat.isHexDigit(part.charAt(i + 1))
          || !HexFormat.isHexDigit(part.charAt(i + 2))) {
        return true;
      }
    }
    return false;
  }
}
