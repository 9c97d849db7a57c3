package org.linli.webhooks.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.Futures.await;
import static org.linli.webhooks.dingtalk.FakeDingtalkOpenApi.REGISTER;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.config.Secret;
import org.linli.config.SettingsLoader;
import org.linli.webhooks.Capability;
import org.linli.webhooks.ChannelRoutes;
import org.linli.webhooks.ChatPlatform;
import org.linli.webhooks.ChatService;
import org.linli.webhooks.Loopback;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.PlatformContext;
import org.linli.webhooks.Reply;

/**
 * DingTalk built from its settings by its provider: with cards off everything is as before and the
 * card route refuses every call; with cards on the callback is registered at start, the platform
 * edits its cards, and a reply with buttons to a group leaves the robot's HTTP answer for the outbox.
 */
class DingtalkPlatformTest {

  private static final String TEMPLATE = "tpl-linli-buttons.schema";
  private static final String CALLBACK_SECRET = "card-callback-secret-for-platform-tests";

  @RegisterExtension
  final Loopback loopback = new Loopback();
  private FakeDingtalkOpenApi dingtalk;
  private final Map<String, Outgoing> posted = new ConcurrentHashMap<>();
  private volatile List<Reply> replies = List.of();

  @BeforeEach
  void start() {
    dingtalk = loopback.start(new FakeDingtalkOpenApi()::start);
  }

  private Map<String, String> cardsOn(String appSecret) {
    Map<String, String> env = new HashMap<>();
    env.put("LINLI_DINGTALK_APP_SECRET", appSecret);
    env.put("LINLI_DINGTALK_APP_KEY", FakeDingtalkOpenApi.APP_KEY);
    env.put("LINLI_DINGTALK_CARD_TEMPLATE_ID", TEMPLATE);
    env.put("LINLI_DINGTALK_CARD_CALLBACK_SECRET", CALLBACK_SECRET);
    env.put("LINLI_DINGTALK_API_URL", dingtalk.url());
    env.put("LINLI_HTTP_PUBLIC_URL", "https://linli.example/");
    return env;
  }

  private ChatPlatform build(Map<String, String> env) {
    PlatformContext context = new PlatformContext(loopback.vertx(), loopback.client(), new SettingsLoader().load(env),
        key -> Future.succeededFuture(true), null, path -> null);
    return await(new DingtalkPlatform.Provider().create(context)).orElseThrow();
  }

  /** Mounts {@code platform} on a real server on loopback; returns its port. */
  private int serve(ChatPlatform platform) {
    Router router = Router.router(loopback.vertx());
    ChatService bot = new ChatService(event -> Future.succeededFuture(replies), (id, message) -> {
      posted.put(id, message);
      return Future.succeededFuture(true);
    });
    platform.mount(router, BodyHandler.create().setBodyLimit(64 * 1024), bot);
    return ChannelRoutes.listen(loopback.vertx(), router, DingtalkPlatformTest::failure);
  }

  private static void failure(RoutingContext rc) {
    int status = rc.failure() instanceof HttpException e ? e.getStatusCode() : 500;
    rc.response().setStatusCode(status).end(String.valueOf(rc.failure().getMessage()));
  }

  private HttpResponse<Buffer> robotMessage(int port, String secret, String msgId, String conversationType) {
    long now = System.currentTimeMillis();
    JsonObject message = new JsonObject()
        .put("conversationId", "cidGroupP1").put("conversationType", conversationType).put("msgId", msgId)
        .put("senderStaffId", "mod-1").put("isInAtList", true).put("msgtype", "text")
        .put("text", new JsonObject().put("content", " /poll 议题 | 是 | 否"));
    return await(loopback.client().post(port, "127.0.0.1", "/webhooks/dingtalk")
        .putHeader("timestamp", Long.toString(now))
        .putHeader("sign", DingtalkSignature.sign(Secret.of(secret), Long.toString(now)))
        .sendBuffer(Buffer.buffer(message.encode())));
  }

  private static Reply poll() {
    return new Reply("议事投票 p1：议题",
        List.of(new Reply.Button("是", "vote:p1:1"), new Reply.Button("否", "vote:p1:2")), false);
  }

  @Test
  void with_cards_off_nothing_is_registered_nothing_is_edited_and_the_card_route_refuses_every_call() {
    Map<String, String> env = cardsOn(FakeDingtalkOpenApi.APP_SECRET);
    env.remove("LINLI_DINGTALK_CARD_TEMPLATE_ID");
    ChatPlatform platform = build(env);
    int port = serve(platform);

    assertThat(platform.can(Capability.EDITS_MESSAGES)).isFalse();
    assertThat(platform.capabilities()).contains(Capability.BUTTONS, Capability.IMAGES, Capability.MENTIONS);
    assertThat(dingtalk.calls(REGISTER)).isEmpty();
    HttpResponse<Buffer> press = await(dingtalk.post(
        new FakeDingtalkOpenApi.Route("http://127.0.0.1:" + port + DingtalkPlatform.CARDS_ROUTE, CALLBACK_SECRET),
        FakeDingtalkOpenApi.callbackBody("card-1", "staff-1", "x.y.z"), System.currentTimeMillis()));
    assertThat(press.statusCode()).isEqualTo(401);

    replies = List.of(poll());
    HttpResponse<Buffer> answer = robotMessage(port, FakeDingtalkOpenApi.APP_SECRET, "msg-off-1", "2");
    assertThat(answer.bodyAsJsonObject().getString("msgtype")).as("an action card, as before").isEqualTo("actionCard");
    assertThat(posted).isEmpty();
  }

  @Test
  void with_cards_on_the_callback_is_registered_at_start_under_the_public_url_and_the_platform_edits() {
    ChatPlatform platform = build(cardsOn(FakeDingtalkOpenApi.APP_SECRET));

    assertThat(platform.can(Capability.EDITS_MESSAGES)).isTrue();
    assertThat(dingtalk.calls(REGISTER)).singleElement().satisfies(call -> assertThat(call.json()).isEqualTo(
        new JsonObject().put("callbackRouteKey", "linli-cards")
            .put("callbackUrl", "https://linli.example/webhooks/dingtalk/cards")
            .put("apiSecret", CALLBACK_SECRET).put("forceUpdate", true)));
  }

  @Test
  void a_registration_dingtalk_refuses_is_logged_and_the_platform_starts_with_cards() {
    Map<String, String> env = cardsOn("not-the-app-secret");
    env.put("LINLI_DINGTALK_CARD_CALLBACK_URL", "https://callbacks.example/dt");

    ChatPlatform platform = build(env);

    assertThat(platform.can(Capability.EDITS_MESSAGES)).isTrue();
    assertThat(dingtalk.calls("/v1.0/oauth2/accessToken")).isNotEmpty();
    assertThat(dingtalk.calls(REGISTER)).isEmpty();
  }

  @Test
  void with_cards_on_a_first_reply_with_buttons_in_a_group_goes_to_the_outbox_but_stays_in_a_private_answer() {
    int port = serve(build(cardsOn(FakeDingtalkOpenApi.APP_SECRET)));
    replies = List.of(poll(), Reply.text("投票已发起"));

    HttpResponse<Buffer> group = robotMessage(port, FakeDingtalkOpenApi.APP_SECRET, "msg-on-1", "2");

    assertThat(group.statusCode()).isEqualTo(200);
    assertThat(group.bodyAsString()).as("a card cannot ride in the robot's answer").isNull();
    assertThat(posted.keySet()).containsExactlyInAnyOrder("dingtalk-msg-on-1-0", "dingtalk-msg-on-1-1");
    assertThat(posted.get("dingtalk-msg-on-1-0").reply()).isEqualTo(poll());

    posted.clear();
    HttpResponse<Buffer> single = robotMessage(port, FakeDingtalkOpenApi.APP_SECRET, "msg-on-2", "1");
    assertThat(single.bodyAsJsonObject().getString("msgtype")).isEqualTo("actionCard");
    assertThat(posted.keySet()).containsExactly("dingtalk-msg-on-2-1");
  }
}
