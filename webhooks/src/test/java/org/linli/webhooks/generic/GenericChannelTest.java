package org.linli.webhooks.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.config.Secret;
import org.linli.webhooks.ChannelRoutes;
import org.linli.webhooks.Reply;

/**
 * The generic channel behind a real HTTP server on loopback. The route echoes the event the channel
 * parsed, so each test sees what the bot would receive; failures go through one failure handler
 * that answers with the {@link HttpException}'s status and message, as the service does.
 */
@ExtendWith(VertxExtension.class)
class GenericChannelTest {

  private static final String TOKEN = "community-app-token";
  private static final String BEARER = "Bearer " + TOKEN;
  private static final String OPEN = "/webhooks/generic";
  private static final String CLOSED = "/closed/webhooks/generic";
  private static final String REPLY = "/reply";
  private static final String VALID = message("{\"id\": \"g-1\", \"type\": \"group\"}", ", \"text\": \"居住证怎么办\"");

  private WebClient client;
  private int port;

  @BeforeEach
  void start_a_server(Vertx vertx, VertxTestContext ctx) {
    GenericChannel channel = new GenericChannel(Secret.of(TOKEN));
    GenericChannel closed = new GenericChannel(Secret.none());
    Router router = ChannelRoutes.router(vertx);
    router.post(OPEN).handler(rc -> echo(channel, rc));
    router.post(CLOSED).handler(rc -> echo(closed, rc));
    router
        .post(REPLY)
        .handler(
            rc -> channel.respond(
                rc,
                List.of(
                    new Reply(
                        "居住证办理需要身份证和住址证明。",
                        List.of(new Reply.Button("查看全文", "kb:juzhuzheng-apply"), new Reply.Button("转人工", "fwd")),
                        true),
                    Reply.text("还有别的问题吗？"))));
    router.route().failureHandler(ChannelRoutes::failure);
    client = WebClient.create(vertx);
    vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(0, "127.0.0.1")
        .onComplete(
            ctx.succeeding(
                server -> {
                  port = server.actualPort();
                  ctx.completeNow();
                }));
  }

  private static void echo(GenericChannel channel, RoutingContext rc) {
    channel.receive(rc).onSuccess(events -> rc.json(ChannelRoutes.json(events.get(0)))).onFailure(rc::fail);
  }

  private Future<HttpResponse<Buffer>> post(String path, String authorization, String body) {
    HttpRequest<Buffer> request = client.post(port, "127.0.0.1", path).putHeader("content-type", "application/json");
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    return request.sendBuffer(Buffer.buffer(body));
  }

  /** Posts to the open path and checks the event the bot got, echoed back as JSON. */
  private void assertAccepted(VertxTestContext ctx, String authorization, String body, Consumer<JsonObject> event) {
    post(OPEN, authorization, body)
        .onComplete(
            ctx.succeeding(
                response -> ctx.verify(
                    () -> {
                      assertThat(response.statusCode()).isEqualTo(200);
                      event.accept(response.bodyAsJsonObject());
                      ctx.completeNow();
                    })));
  }

  /** Posts and checks the refusal: its status and that the error message says {@code why}. */
  private void assertRefused(VertxTestContext ctx, String path, String authorization, String body, int status,
      String why) {
    post(path, authorization, body)
        .onComplete(
            ctx.succeeding(
                response -> ctx.verify(
                    () -> {
                      assertThat(response.statusCode()).isEqualTo(status);
                      assertThat(response.bodyAsJsonObject().getString("error")).contains(why);
                      ctx.completeNow();
                    })));
  }

  private static String message(String chat, String rest) {
    return "{\"chat\": " + chat + ", \"from\": {\"id\": \"u-7\", \"name\": \"王阿姨\"}" + rest + "}";
  }

  @Test
  void a_group_message_reaches_the_bot_with_its_fields(VertxTestContext ctx) {
    String body = message("{\"id\": \"g-1\", \"type\": \"group\"}", ", \"text\": \"居住证怎么办\", \"messageId\": \"m-42\"");

    assertAccepted(ctx, BEARER, body, event -> {
      assertThat(event.getString("platform")).isEqualTo("generic");
      assertThat(event.getJsonObject("chat").getString("id")).isEqualTo("g-1");
      assertThat(event.getJsonObject("chat").getString("type")).isEqualTo("GROUP");
      assertThat(event.getJsonObject("from").getString("id")).isEqualTo("u-7");
      assertThat(event.getJsonObject("from").getString("name")).isEqualTo("王阿姨");
      assertThat(event.getString("text")).isEqualTo("居住证怎么办");
      assertThat(event.getBoolean("mentioned")).isFalse();
      assertThat(event.getString("callback")).isNull();
      assertThat(event.getString("messageId")).isEqualTo("m-42");
    });
  }

  @Test
  void a_message_in_a_private_chat_always_counts_as_addressed_to_the_bot(VertxTestContext ctx) {
    String body = message("{\"id\": \"p-1\", \"type\": \"private\"}", ", \"text\": \"你好\", \"mentioned\": false");

    assertAccepted(ctx, BEARER, body, event -> {
      assertThat(event.getJsonObject("chat").getString("type")).isEqualTo("PRIVATE");
      assertThat(event.getBoolean("mentioned")).isTrue();
    });
  }

  @Test
  void a_button_press_without_text_and_a_numeric_chat_id_and_lower_case_bearer_are_accepted(VertxTestContext ctx) {
    String body = message("{\"id\": 12345}", ", \"callback\": \"kb:juzhuzheng-apply\", \"mentioned\": true");

    assertAccepted(ctx, "bearer " + TOKEN, body, event -> {
      assertThat(event.getJsonObject("chat").getString("id")).isEqualTo("12345");
      assertThat(event.getJsonObject("chat").getString("type")).isEqualTo("GROUP");
      assertThat(event.getString("text")).isEmpty();
      assertThat(event.getString("callback")).isEqualTo("kb:juzhuzheng-apply");
      assertThat(event.getBoolean("mentioned")).isTrue();
    });
  }

  @Test
  void a_wrong_token_is_refused_with_401(VertxTestContext ctx) {
    assertRefused(ctx, OPEN, "Bearer not-the-token", VALID, 401, "wrong bearer token");
  }

  @Test
  void a_token_that_is_only_a_prefix_of_the_right_one_is_refused_with_401(VertxTestContext ctx) {
    assertRefused(ctx, OPEN, "Bearer community-app", VALID, 401, "wrong bearer token");
  }

  @Test
  void a_missing_token_header_is_refused_with_401(VertxTestContext ctx) {
    assertRefused(ctx, OPEN, null, VALID, 401, "Missing or wrong bearer token");
  }

  @Test
  void the_right_token_in_another_scheme_is_refused_with_401(VertxTestContext ctx) {
    assertRefused(ctx, OPEN, "Basic " + TOKEN, VALID, 401, "Missing or wrong bearer token");
  }

  @Test
  void when_no_token_is_configured_every_call_is_refused_with_401(VertxTestContext ctx) {
    assertRefused(ctx, CLOSED, "Bearer ", VALID, 401, "LINLI_GENERIC_TOKEN is not set");
  }

  @Test
  void the_token_is_checked_before_the_body_is_parsed(VertxTestContext ctx) {
    assertRefused(ctx, OPEN, "Bearer not-the-token", "{this is not json", 401, "wrong bearer token");
  }

  @Test
  void malformed_json_is_refused_with_400(VertxTestContext ctx) {
    assertRefused(ctx, OPEN, BEARER, "{\"chat\": {\"id\": \"g-1\"", 400, "not valid JSON");
  }

  @Test
  void an_empty_body_is_refused_with_400(VertxTestContext ctx) {
    assertRefused(ctx, OPEN, BEARER, "", 400, "The body is empty");
  }

  @Test
  void a_json_array_is_refused_with_400(VertxTestContext ctx) {
    assertRefused(ctx, OPEN, BEARER, "[" + VALID + "]", 400, "must be a JSON object");
  }

  @Test
  void a_missing_chat_id_is_refused_with_400_naming_chat_id(VertxTestContext ctx) {
    assertRefused(ctx, OPEN, BEARER, message("{\"type\": \"group\"}", ", \"text\": \"你好\""), 400,
        "\"chat.id\" is required");
  }

  @Test
  void a_blank_chat_id_is_refused_with_400_naming_chat_id(VertxTestContext ctx) {
    assertRefused(ctx, OPEN, BEARER, message("{\"id\": \"  \"}", ", \"text\": \"你好\""), 400,
        "\"chat.id\" must not be empty");
  }

  @Test
  void a_missing_sender_is_refused_with_400(VertxTestContext ctx) {
    assertRefused(ctx, OPEN, BEARER, "{\"chat\": {\"id\": \"g-1\"}, \"text\": \"你好\"}", 400, "\"from\" is required");
  }

  @Test
  void an_unknown_chat_type_is_refused_with_400(VertxTestContext ctx) {
    assertRefused(
        ctx, OPEN, BEARER, message("{\"id\": \"g-1\", \"type\": \"channel\"}", ", \"text\": \"你好\""), 400,
        "chat.type must be");
  }

  @Test
  void a_message_with_neither_text_nor_callback_is_refused_with_400(VertxTestContext ctx) {
    assertRefused(ctx, OPEN, BEARER, message("{\"id\": \"g-1\"}", ", \"text\": \"  \""), 400,
        "\"text\" or \"callback\" is required");
  }

  @Test
  void mentioned_that_is_not_a_boolean_is_refused_with_400(VertxTestContext ctx) {
    assertRefused(
        ctx, OPEN, BEARER, message("{\"id\": \"g-1\"}", ", \"text\": \"你好\", \"mentioned\": \"yes\""), 400,
        "\"mentioned\" must be true or false");
  }

  @Test
  void a_text_longer_than_4000_characters_is_refused_with_400(VertxTestContext ctx) {
    String text = "邻".repeat(4001);
    assertRefused(ctx, OPEN, BEARER, message("{\"id\": \"g-1\"}", ", \"text\": \"" + text + "\""), 400,
        "longer than 4000");
  }

  @Test
  void replies_are_written_as_json_with_text_buttons_and_forward(VertxTestContext ctx) {
    client
        .post(port, "127.0.0.1", REPLY)
        .send()
        .onComplete(
            ctx.succeeding(
                response -> ctx.verify(
                    () -> {
                      assertThat(response.statusCode()).isEqualTo(200);
                      assertThat(response.getHeader("content-type")).startsWith("application/json");
                      JsonArray replies = response.bodyAsJsonObject().getJsonArray("replies");
                      assertThat(replies).hasSize(2);
                      JsonObject first = replies.getJsonObject(0);
                      assertThat(first.getString("text")).isEqualTo("居住证办理需要身份证和住址证明。");
                      assertThat(first.getBoolean("forward")).isTrue();
                      assertThat(first.getJsonArray("buttons"))
                          .containsExactly(
                              new JsonObject().put("label", "查看全文").put("data", "kb:juzhuzheng-apply"),
                              new JsonObject().put("label", "转人工").put("data", "fwd"));
                      JsonObject second = replies.getJsonObject(1);
                      assertThat(second.fieldNames()).containsExactlyInAnyOrder("text", "buttons", "forward",
                          "private");
                      assertThat(second.getString("text")).isEqualTo("还有别的问题吗？");
                      assertThat(second.getJsonArray("buttons")).isEmpty();
                      assertThat(second.getBoolean("forward")).isFalse();
                      ctx.completeNow();
                    })));
  }
}
