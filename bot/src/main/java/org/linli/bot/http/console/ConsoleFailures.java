package org.linli.bot.http.console;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.linli.bot.errors.DomainException;
import org.linli.bot.http.FailureHandler;
import org.linli.bot.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures under {@code /console/} as pages in the layout rather than JSON: the sentence of a
 * {@link PageRefusal} or of a domain failure (in Chinese, from the bundles), a plain sentence per
 * status otherwise; stack traces go to the log, for 5xx only.
 */
final class ConsoleFailures implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleFailures.class);

  private final ConsoleKit kit;

  ConsoleFailures(ConsoleKit kit) {
    this.kit = kit;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    String sentence = null;
    if (failure instanceof PageRefusal refusal) {
      status = refusal.status();
      sentence = refusal.getMessage();
    } else if (failure instanceof DomainException domain) {
      status = FailureHandler.status(domain);
      sentence = domain.sentence();
    } else if (failure instanceof HttpException http) {
      status = http.getStatusCode();
    }
    if (status >= 500 && status != 503) {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
      sentence = null;
    }
    if (sentence == null) {
      sentence = switch (status) {
        case 403 -> Text.CONSOLE_ERROR_FORBIDDEN.of();
        case 404 -> Text.CONSOLE_ERROR_NOT_FOUND.of();
        case 400, 409, 413 -> Text.CONSOLE_ERROR_BAD_REQUEST.of();
        default -> Text.CONSOLE_ERROR_INTERNAL.of();
      };
    }
    if (ctx.response().ended()) {
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ConsoleRoutes.secure(ctx);
    kit.page(ctx, status, "error.jte", Text.CONSOLE_ERROR_TITLE.of(), ConsoleRoutes.params("message", sentence));
  }
}
