package org.linli.bot.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.Conflict;
import org.linli.bot.errors.DomainException;
import org.linli.bot.errors.NotFound;
import org.linli.bot.errors.Unauthorized;
import org.linli.bot.redis.OutageLog;
import org.linli.bot.redis.RedisOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become HTTP answers: {@code {"error": "...", "detail": "..."}} with the
 * status of the {@link HttpException}, the status of the {@link DomainException}'s kind (bad
 * request 400, unauthorized 401, not found 404, conflict 409, unavailable 503), 503 when Redis cannot
 * be reached ({@link RedisOutage}: logged once a second at most), or 500. Stack traces go to the
 * log, for other 5xx only.
 */
public final class FailureHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
  private static final OutageLog OUTAGES = new OutageLog(LOG);
  static final String REDIS_AWAY = "The service cannot reach its database right now; please try again in a few seconds.";

  /**
   * A 400 that no route explained: the body handler failing to decode a form or multipart body
   * before any route read it (Vert.x fails such a request with 400 and Netty's decoder error). In
   * practice a form whose %-escapes do not decode ({@code a=%ZZ}), hence the hint.
   */
  static final String BODY_UNREADABLE = "The request body could not be decoded as its Content-Type says"
      + " (in a form, every % must start an escape of two hex digits: write % itself as %25).";

  @Override
  public void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    String detail = null;
    if (failure instanceof HttpException http) {
      status = http.getStatusCode();
      detail = http.getPayload();
    } else if (failure instanceof DomainException domain) {
      status = status(domain);
      detail = domain.getMessage();
    } else if (failure != null && RedisOutage.is(failure)) {
      // Redis away or failing over: nothing was stored, the caller tries again (once a second in the log).
      status = 503;
      detail = REDIS_AWAY;
      OUTAGES.warn("{} {} answered 503: Redis cannot be reached ({})", ctx.request().method(), ctx.request().path(),
          failure.toString());
    }
    if (status >= 500 && status != 503) {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
      detail = "Something went wrong on our side; it has been logged.";
    }
    if (detail == null) {
      detail = defaultDetail(status);
    }
    if (ctx.response().ended()) {
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    answer(ctx.response(), status, detail);
  }

  /** Ends {@code response} with the error JSON of this status and sentence. */
  static void answer(HttpServerResponse response, int status, String detail) {
    response
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .end(new JsonObject().put("error", error(status)).put("detail", detail).encode());
  }

  /** The status of each kind of domain failure. */
  public static int status(DomainException failure) {
    if (failure instanceof BadRequest) {
      return 400;
    }
    if (failure instanceof Unauthorized) {
      return 401;
    }
    if (failure instanceof NotFound) {
      return 404;
    }
    if (failure instanceof Conflict) {
      return 409;
    }
    return 503;
  }

  private static String error(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 409 -> "conflict";
      case 413 -> "payload_too_large";
      case 415 -> "unsupported_media_type";
      case 429 -> "too_many_requests";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal_error" : "error";
    };
  }

  private static String defaultDetail(int status) {
    return switch (status) {
      case 400 -> BODY_UNREADABLE;
      case 404 -> "There is nothing at this address.";
      case 405 -> "This address does not accept that method.";
      case 413 -> "The request body is larger than this service accepts (64 KiB).";
      default -> "The request could not be handled.";
    };
  }
}
