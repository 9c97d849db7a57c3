package org.linli.bot.consultation.publish;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.linli.bot.http.FailureHandler;
import org.linli.bot.http.PollPages;

/**
 * The publishing handlers on a real HTTP server on loopback, mounted as the service mounts them,
 * serving results put in by the test.
 */
final class PageServer implements AutoCloseable {

  final Map<String, PublishedResult> results = new ConcurrentHashMap<>();
  final Vertx vertx = Vertx.vertx();
  private final WorkerExecutor workers = vertx.createSharedWorkerExecutor("linli-charts", 2);
  private final HttpServer server;
  private final WebClient client;

  PageServer() {
    ResultSource source = id -> Future.succeededFuture(results.get(id));
    PollPages pages = new PollPages(source, new PollPage(ZoneId.of("Asia/Shanghai")), new ResultChart(""), workers);
    Router router = Router.router(vertx);
    router.get("/polls/:id").handler(pages.page());
    router.get("/polls/:id/chart.png").handler(pages.chart());
    router.get("/api/v1/polls/:id/results.csv").handler(pages.csv());
    router.route().failureHandler(new FailureHandler());
    server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port()));
  }

  int port() {
    return server.actualPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  HttpResponse<Buffer> get(String path) {
    return await(client.get(path).send());
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    await(vertx.close());
  }
}
