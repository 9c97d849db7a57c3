package org.linli.bot.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.function.Function;
import org.linli.bot.consultation.publish.PollPage;
import org.linli.bot.consultation.publish.PublishedResult;
import org.linli.bot.consultation.publish.ResultChart;
import org.linli.bot.consultation.publish.ResultSource;
import org.linli.bot.consultation.publish.ResultsCsv;

/**
 * The published results over HTTP: the public page ({@code GET /polls/:id}) and chart ({@code GET
 * /polls/:id/chart.png}), and the moderators' CSV ({@code GET /api/v1/polls/:id/results.csv},
 * mounted behind the admin token). What they show is {@link PollPage}'s, {@link ResultChart}'s and
 * {@link ResultsCsv}'s.
 */
public final class PollPages {

  private final ResultSource results;
  private final PollPage pages;
  private final ResultChart chart;
  private final WorkerExecutor workers;
  private final Function<String, Future<String>> sections;

  /** @param workers where charts are drawn (blocking CPU work, kept off the event loop) */
  public PollPages(ResultSource results, PollPage pages, ResultChart chart, WorkerExecutor workers) {
    this(results, pages, chart, workers, id -> Future.succeededFuture(""));
  }

  /** As above, each page with the section {@code sections} gives for its poll (its origin and follow-up). */
  public PollPages(ResultSource results, PollPage pages, ResultChart chart, WorkerExecutor workers,
      Function<String, Future<String>> sections) {
    this.results = results;
    this.pages = pages;
    this.chart = chart;
    this.workers = workers;
    this.sections = sections;
  }

  /** {@code GET /polls/:id}: the page, or a 404 page in plain words. */
  public Handler<RoutingContext> page() {
    return ctx -> {
      find(ctx.pathParam("id"))
          .compose(result -> result == null
              ? Future.succeededFuture((String) null)
              : sections.apply(result.pollId()).map(section -> pages.page(result, section)))
          .onSuccess(page -> {
            if (page == null) {
              html(ctx, 404, PollPage.notFound());
            } else {
              html(ctx, 200, page);
            }
          })
          .onFailure(ctx::fail);
    };
  }

  /** {@code GET /polls/:id/chart.png}: the chart, drawn on the workers. */
  public Handler<RoutingContext> chart() {
    return ctx -> {
      found(ctx.pathParam("id"))
          .compose(result -> chart.render(workers, result).map(png -> new Drawn(result.open(), png)))
          .onSuccess(drawn -> ctx.response()
              .putHeader(HttpHeaders.CONTENT_TYPE, "image/png")
              // Counts move while a poll is open; once closed they are final, but stay modest.
              .putHeader(HttpHeaders.CACHE_CONTROL, drawn.open() ? "public, max-age=30" : "public, max-age=300")
              .putHeader("X-Content-Type-Options", "nosniff")
              .end(Buffer.buffer(drawn.png())))
          .onFailure(ctx::fail);
    };
  }

  /**
   * {@code GET /api/v1/polls/:id/results.csv}, behind the admin token. Like the moderators' JSON
   * API it includes the counts of a hidden poll that is still open.
   */
  public Handler<RoutingContext> csv() {
    return ctx -> {
      found(ctx.pathParam("id"))
          .onSuccess(result -> ctx.response()
              .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
              .putHeader(HttpHeaders.CONTENT_DISPOSITION,
                  "attachment; filename=\"poll-" + result.pollId() + ".csv\"")
              .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
              .end(ResultsCsv.render(result)))
          .onFailure(ctx::fail);
    };
  }

  private record Drawn(boolean open, byte[] png) {
  }

  /** The poll's result, or null where there is none or the id cannot be one (then not looked up). */
  private Future<PublishedResult> find(String id) {
    return validId(id) ? results.find(id) : Future.succeededFuture(null);
  }

  /** The poll's result, or a failure with a 404 where {@link #find} has none. */
  private Future<PublishedResult> found(String id) {
    return find(id).compose(result -> result == null
        ? Future.failedFuture(new HttpException(404, "There is no poll " + id))
        : Future.succeededFuture(result));
  }

  /** Poll ids are short and plain (p1, p2a …); anything else cannot be one and is not looked up. */
  static boolean validId(String id) {
    return id != null && id.matches("[A-Za-z0-9_-]{1,40}");
  }

  private static void html(RoutingContext ctx, int status, String document) {
    HtmlPages.send(ctx, status, "no-cache", HtmlPages.WITH_IMAGES, document);
  }
}
