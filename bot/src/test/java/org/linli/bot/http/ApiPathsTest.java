package org.linli.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A route mounted at {@link ApiPaths#of} answers with and without a community, over real HTTP. */
class ApiPathsTest {

  static Vertx vertx;
  static WebClient web;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.getWithRegex(ApiPaths.of("/households/:id/codes")).handler(ctx -> ctx.response()
        .end(ctx.pathParam("community") + "|" + ctx.pathParam("id")));
    router.route().handler(ctx -> ctx.response().setStatusCode(404).end("none"));
    port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    web = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void a_path_without_a_community_has_no_community_parameter() throws Exception {
    assertThat(get("/api/v1/households/3-101/codes")).isEqualTo("null|3-101");
  }

  @Test
  void a_path_with_a_community_names_it_and_keeps_the_other_parameters() throws Exception {
    assertThat(get("/api/v1/communities/xinghe/households/3-101/codes")).isEqualTo("xinghe|3-101");
  }

  @Test
  void other_paths_and_the_literal_parts_are_not_taken_for_parameters() throws Exception {
    assertThat(get("/api/v1/households/3-101/codesX")).isEqualTo("none");
    assertThat(get("/api/v1/communities/households/3-101/codes")).isEqualTo("none");
    assertThat(get("/api/v2/households/3-101/codes")).isEqualTo("none");
  }

  private static String get(String path) throws Exception {
    HttpResponse<Buffer> r = web.get(port, "127.0.0.1", path).send().toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    return r.bodyAsString();
  }
}
