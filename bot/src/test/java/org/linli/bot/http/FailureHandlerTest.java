package org.linli.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.Conflict;
import org.linli.bot.errors.NotFound;
import org.linli.bot.errors.ServiceUnavailable;
import org.linli.bot.errors.Unauthorized;

/** Domain failures raised by services become the same JSON errors as HTTP ones, over real HTTP. */
class FailureHandlerTest {

  static Vertx vertx;
  static WebClient web;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.get("/bad").handler(ctx -> ctx.fail(new BadRequest("\"text\" is required")));
    router.get("/unsigned").handler(ctx -> ctx.fail(new Unauthorized("The call is not signed by the hub")));
    router.get("/missing").handler(ctx -> Future.failedFuture(new NotFound("There is no ticket 20261122-0042"))
        .onFailure(ctx::fail));
    router.get("/replayed").handler(ctx -> ctx.fail(new Conflict("webhook-id msg_1 was already received")));
    router.get("/loading").handler(ctx -> ctx.fail(new ServiceUnavailable("The knowledge base is still loading")));
    router.get("/broken").handler(ctx -> ctx.fail(new IllegalStateException("secret detail")));
    router.route().failureHandler(new FailureHandler());
    port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    web = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void each_kind_of_domain_failure_gets_its_status_and_its_message_as_detail() throws Exception {
    assertError("/bad", 400, "bad_request", "\"text\" is required");
    assertError("/unsigned", 401, "unauthorized", "The call is not signed by the hub");
    assertError("/missing", 404, "not_found", "There is no ticket 20261122-0042");
    assertError("/replayed", 409, "conflict", "webhook-id msg_1 was already received");
    assertError("/loading", 503, "unavailable", "The knowledge base is still loading");
  }

  @Test
  void any_other_failure_is_a_500_that_shows_nothing_of_its_cause() throws Exception {
    assertError("/broken", 500, "internal_error", "Something went wrong on our side; it has been logged.");
  }

  private static void assertError(String path, int status, String error, String detail) throws Exception {
    HttpResponse<Buffer> response = web.get(port, "127.0.0.1", path).send()
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).as(path).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    assertThat(response.bodyAsJsonObject())
        .isEqualTo(new JsonObject().put("error", error).put("detail", detail));
  }
}
