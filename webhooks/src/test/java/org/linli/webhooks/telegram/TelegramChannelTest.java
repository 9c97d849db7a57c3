package org.linli.webhooks.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.telegram.Fixtures.BOT;
import static org.linli.webhooks.telegram.Fixtures.TOKEN;
import static org.linli.webhooks.telegram.Fixtures.await;
import static org.linli.webhooks.telegram.Fixtures.eventually;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.config.Secret;
import org.linli.webhooks.ChannelRoutes;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Reply;
import org.linli.webhooks.SeenKeys;

/**
 * The webhook behind a real HTTP server on loopback, wired as the service wires it: receive, hand
 * the event to a bot (here one that records what it got and answers with one line), respond. The
 * replies go to a {@link FakeBotApi}, so each test sees what Telegram would receive.
 */
@ExtendWith(VertxExtension.class)
class TelegramChannelTest {

  private static final String SECRET = "s3cr3t_Token-for-linli";
  private static final String PATH = TelegramChannel.PATH;
  private static final String CLOSED = "/closed" + TelegramChannel.PATH;

  private Vertx vertx;
  private WebClient client;
  private FakeBotApi telegram;
  private HttpServer server;
  private final SeenKeys seen = new SeenKeys();
  private final List<ChatEvent> handled = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start_the_service_and_a_fake_telegram(Vertx vertx) {
    this.vertx = vertx;
    client = WebClient.create(vertx);
    telegram = await(FakeBotApi.start(vertx, TOKEN));
    TelegramSender sender = new TelegramSender(vertx, new TelegramBotApi(client, telegram.url(), Secret.of(TOKEN)));
    TelegramChannel channel = new TelegramChannel(Secret.of(SECRET), BOT, seen, sender);
    TelegramChannel closed = new TelegramChannel(Secret.none(), BOT, seen, sender);
    Router router = ChannelRoutes.router(vertx);
    router.post(PATH).handler(rc -> route(channel, rc));
    router.post(CLOSED).handler(rc -> route(closed, rc));
    router.route().failureHandler(ChannelRoutes::failure);
    server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
  }

  private void route(TelegramChannel channel, RoutingContext rc) {
    channel.receive(rc)
        .compose(events -> {
          handled.addAll(events);
          return Future.succeededFuture(events.stream()
              .filter(e -> !e.isCallback())
              .map(e -> Reply.text("居住证办理需要身份证和住址证明。"))
              .toList());
        })
        .onSuccess(replies -> channel.respond(rc, replies))
        .onFailure(rc::fail);
  }

  private HttpResponse<Buffer> post(String path, String secret, String body) {
    HttpRequest<Buffer> request = client.post(server.actualPort(), "127.0.0.1", path)
        .putHeader("content-type", "application/json");
    if (secret != null) {
      request.putHeader(TelegramChannel.SECRET_HEADER, secret);
    }
    return await(request.sendBuffer(Buffer.buffer(body)));
  }

  @Test
  void a_mention_in_a_group_reaches_the_bot_and_the_reply_is_sent_to_the_group_as_a_reply() {
    HttpResponse<Buffer> response = post(PATH, SECRET, Fixtures.text("group_mention"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(handled).hasSize(1);
    assertThat(handled.get(0).text()).isEqualTo("居住证怎么办");
    assertThat(handled.get(0).mentioned()).isTrue();
    eventually(() -> telegram.calls("sendMessage").size() == 1);
    JsonObject sent = telegram.calls("sendMessage").get(0).params();
    assertThat(sent.getLong("chat_id")).isEqualTo(-1001234567890L);
    assertThat(sent.getString("text")).isEqualTo("居住证办理需要身份证和住址证明。");
    assertThat(sent.getJsonObject("reply_parameters").getLong("message_id")).isEqualTo(1365L);
  }

  @Test
  void a_forged_secret_token_is_refused_with_401_before_anything_is_parsed() {
    HttpResponse<Buffer> response = post(PATH, "s3cr3t_Token-for-linlI", "{this is not json");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("error"))
        .isEqualTo("Missing or wrong X-Telegram-Bot-Api-Secret-Token");
    assertThat(post(PATH, "forged", Fixtures.text("group_mention")).statusCode()).isEqualTo(401);
    assertThat(post(PATH, SECRET.substring(0, 10), Fixtures.text("group_mention")).statusCode()).isEqualTo(401);
    assertThat(seen.asked).isEmpty();
    assertThat(handled).isEmpty();
    assertThat(telegram.calls()).isEmpty();
  }

  @Test
  void a_call_without_the_secret_header_is_refused_with_401() {
    HttpResponse<Buffer> response = post(PATH, null, Fixtures.text("group_mention"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(seen.asked).isEmpty();
    assertThat(handled).isEmpty();
  }

  @Test
  void without_a_configured_secret_every_call_is_refused_with_401() {
    HttpResponse<Buffer> response = post(CLOSED, "", Fixtures.text("group_mention"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("error")).contains("LINLI_TELEGRAM_SECRET is not set");
    assertThat(handled).isEmpty();
  }

  @Test
  void a_redelivered_update_is_answered_200_but_reaches_the_bot_once() {
    assertThat(post(PATH, SECRET, Fixtures.text("group_mention")).statusCode()).isEqualTo(200);
    assertThat(post(PATH, SECRET, Fixtures.text("group_mention")).statusCode()).isEqualTo(200);

    assertThat(handled).hasSize(1);
    eventually(() -> telegram.calls("sendMessage").size() == 1);
  }

  @Test
  void a_button_press_is_answered_even_when_the_bot_says_nothing() {
    assertThat(post(PATH, SECRET, Fixtures.text("callback_query")).statusCode()).isEqualTo(200);

    assertThat(handled).singleElement().satisfies(e -> assertThat(e.callback()).isEqualTo("vote:p1:2"));
    eventually(() -> telegram.calls("answerCallbackQuery").size() == 1);
    assertThat(telegram.calls("answerCallbackQuery").get(0).params())
        .isEqualTo(new JsonObject().put("callback_query_id", "4382bfdwdsb323b2d9"));
    assertThat(telegram.calls("sendMessage")).isEmpty();
  }

  @Test
  void group_chatter_and_edits_are_answered_200_without_reaching_the_bot() {
    assertThat(post(PATH, SECRET, Fixtures.text("group_chatter")).statusCode()).isEqualTo(200);
    assertThat(post(PATH, SECRET, Fixtures.text("edited_message")).statusCode()).isEqualTo(200);

    assertThat(handled).isEmpty();
  }

  @Test
  void a_body_that_is_not_a_json_object_is_refused_with_400_once_the_secret_is_right() {
    HttpResponse<Buffer> response = post(PATH, SECRET, "[1, 2]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("error")).contains("not a JSON object");
    assertThat(post(PATH, SECRET, "").statusCode()).isEqualTo(400);
  }
}
