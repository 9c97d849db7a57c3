package org.linli.webhooks;

import static org.linli.webhooks.Futures.await;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import java.util.function.Supplier;
import org.linli.webhooks.callback.CallbackChannel;

/**
 * The loopback server that channel tests put a platform's channel behind: a router reading bodies of
 * up to 64 KiB, routes that echo the events read or let the channel answer with scripted replies,
 * and refusals answered as {@code {"error": ...}}.
 */
public final class ChannelRoutes {

  private ChannelRoutes() {
  }

  /** A router that reads bodies of up to 64 KiB. */
  public static Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create().setBodyLimit(64 * 1024));
    return router;
  }

  /** {@code POST path} answers with the events {@code channel} reads, as {@link #json(List)}. */
  public static void echo(Router router, String path, CallbackChannel channel) {
    router.post(path).handler(rc -> channel.receive(rc).onSuccess(events -> rc.json(json(events))).onFailure(rc::fail));
  }

  /**
   * {@code POST path} lets {@code channel} answer what it reads with {@code replies} (none when it
   * read no event), posting the rest through an in-order outbox on {@code sender}.
   */
  public static void bot(Router router, String path, CallbackChannel channel, Supplier<List<Reply>> replies,
      ChannelSender sender) {
    router.post(path).handler(rc -> channel.receive(rc)
        .onSuccess(
            events -> channel.respond(rc, events.isEmpty() ? List.of() : replies.get(), new SendingInOrder(sender)))
        .onFailure(rc::fail));
  }

  /** Answers failures with {@code failure}, listens on a free loopback port, and gives that port. */
  public static int listen(Vertx vertx, Router router, Handler<RoutingContext> failure) {
    router.route().failureHandler(failure);
    return await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")).actualPort();
  }

  /** A refusal as JSON: an {@code HttpException}'s status and payload, else the status set or 500, "failed". */
  public static void failure(RoutingContext rc) {
    int status = rc.failure() instanceof HttpException e
        ? e.getStatusCode()
        : rc.statusCode() > 0 ? rc.statusCode() : 500;
    String message = rc.failure() instanceof HttpException e ? e.getPayload() : "failed";
    rc.response().setStatusCode(status).putHeader("content-type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }

  /** An event as the echo routes write it: every field, chat and sender as objects. */
  public static JsonObject json(ChatEvent event) {
    return new JsonObject()
        .put("platform", event.platform())
        .put("chat", new JsonObject().put("id", event.chat().id()).put("type", event.chat().type().name()))
        .put("from", new JsonObject().put("id", event.from().id()).put("name", event.from().name()))
        .put("text", event.text())
        .put("mentioned", event.mentioned())
        .put("callback", event.callback())
        .put("messageId", event.messageId());
  }

  /** Events as a JSON array of {@link #json(ChatEvent)}. */
  public static JsonArray json(List<ChatEvent> events) {
    JsonArray out = new JsonArray();
    events.forEach(event -> out.add(json(event)));
    return out;
  }
}
