package org.linli.webhooks.echo;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.linli.webhooks.Capability;
import org.linli.webhooks.ChannelSender;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.ChatPlatform;
import org.linli.webhooks.ChatService;
import org.linli.webhooks.Deduplicator;
import org.linli.webhooks.Outbound;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.PlatformContext;
import org.linli.webhooks.Reply;
import org.linli.webhooks.callback.CallbackChannel;
import org.linli.webhooks.callback.Callbacks;
import org.linli.webhooks.callback.Claims;

/**
 * A platform that exists only in tests, to show what adding one takes: this package, its settings
 * record and its provider's line in {@code META-INF/services}; nothing in the service names it.
 *
 * <p>In: {@code POST /webhooks/echo} with {@code Authorization: Bearer <echo.token>} and {@code
 * {"id", "user", "text"}}, one private message; an {@code id} seen before gives no event. Out: the
 * replies' texts in the HTTP answer, {@code {"replies": [...]}}; it cannot send anything later.
 */
public final class EchoPlatform implements ChatPlatform, CallbackChannel {

  static final String NAME = "echo";

  private final EchoSettings settings;
  private final Deduplicator dedupe;

  EchoPlatform(EchoSettings settings, Deduplicator dedupe) {
    this.settings = settings;
    this.dedupe = dedupe;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.PASSIVE_REPLY_ONLY);
  }

  @Override
  public ChannelSender sender() {
    return new ChannelSender() {
      @Override
      public String platform() {
        return NAME;
      }

      @Override
      public Future<Void> send(Outgoing message) {
        return Future.failedFuture(new SendFailure("echo answers only in the HTTP response", true));
      }
    };
  }

  @Override
  public void mount(Router router, Handler<RoutingContext> body, ChatService service) {
    router.post("/webhooks/echo").handler(body).handler(Callbacks.handler(this, service, false));
  }

  @Override
  public Future<List<ChatEvent>> receive(RoutingContext ctx) {
    if (!settings.token().matchesBearer(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
      return Future.failedFuture(new HttpException(401, "Missing or wrong bearer token"));
    }
    JsonObject message;
    try {
      message = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return Future.failedFuture(new HttpException(400, "The body is not a JSON object"));
    }
    if (message == null || message.getString("id", "").isBlank() || message.getString("user", "").isBlank()) {
      return Future.failedFuture(new HttpException(400, "\"id\" and \"user\" are required"));
    }
    String user = message.getString("user");
    ChatEvent event = new ChatEvent(NAME, new ChatEvent.Chat(user, ChatEvent.ChatType.PRIVATE),
        new ChatEvent.Sender(user, ""), message.getString("text", ""), true, null, message.getString("id"));
    return Claims.claim(ctx, dedupe, NAME + ":" + event.messageId())
        .map(fresh -> fresh ? List.of(event) : List.<ChatEvent>of());
  }

  @Override
  public Future<Void> respond(RoutingContext ctx, List<Reply> replies, Outbound outbox) {
    JsonArray texts = new JsonArray();
    replies.forEach(r -> texts.add(r.text()));
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .end(new JsonObject().put("replies", texts).encode());
    return Future.succeededFuture();
  }

  /** Builds the echo platform when its settings record is set. */
  public static final class Provider implements ChatPlatform.Provider {
    @Override
    public Future<Optional<ChatPlatform>> create(PlatformContext context) {
      return Future.succeededFuture(EchoSettings.from(context.setting())
          .map(settings -> new EchoPlatform(settings, context.dedupe())));
    }
  }
}
