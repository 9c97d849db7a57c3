package org.linli.webhooks.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.Futures.await;

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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.config.Secret;
import org.linli.webhooks.ChannelRoutes;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Deduplicator;
import org.linli.webhooks.Reply;
import org.linli.webhooks.SettableClock;

/**
 * The Feishu channel behind a real HTTP server on loopback, fed events encrypted and signed by
 * {@code src/test/resources/feishu/generate.mjs} and accepted by the official Node SDK before they
 * were written. {@code /echo} answers with the events the bot would get; {@code /bot} answers with
 * {@link #replies} through {@link FeishuChannel#respond}, which sends them to a {@link FakeFeishu}.
 */
@ExtendWith(VertxExtension.class)
class FeishuChannelTest {

  private static JsonObject fixtures;
  private static String bot;
  private static String resident;
  private static String group;
  private static String p2p;

  private Vertx vertx;
  private WebClient client;
  private FakeFeishu feishu;
  private int port;
  /** The fixtures' timestamps are 1718000000 and a few seconds after. */
  private final SettableClock clock = new SettableClock(Instant.ofEpochSecond(1718000000));
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private volatile List<Reply> replies = List.of();

  @BeforeAll
  static void read_the_fixtures() throws IOException {
    try (InputStream in = FeishuChannelTest.class.getResourceAsStream("/feishu/events.json")) {
      JsonObject all = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      fixtures = all.getJsonObject("fixtures");
      bot = all.getString("bot");
      resident = all.getString("resident");
      group = all.getString("group");
      p2p = all.getString("p2p");
      assertThat(all.getString("encryptKey")).isEqualTo(KEY);
      assertThat(all.getString("verificationToken")).isEqualTo(TOKEN);
    }
  }

  private static final String KEY = "linli-test-encrypt-key-7Hq2";
  private static final String TOKEN = "linli-test-verification-token";

  @BeforeEach
  void start_a_server(Vertx vertx) {
    this.vertx = vertx;
    client = WebClient.create(vertx);
    feishu = await(new FakeFeishu().start(vertx));
    feishu.botOpenId(bot);
    Deduplicator deduplicator = key -> Future.succeededFuture(seen.add(key));
    FeishuSender sender = new FeishuSender(client, feishu.url(), FakeFeishu.APP_ID, Secret.of(FakeFeishu.APP_SECRET),
        new SettableClock(Instant.parse("2025-03-01T02:00:00Z")), Duration.ofSeconds(2));
    FeishuChannel encrypted = new FeishuChannel(Secret.of(KEY), Secret.of(TOKEN), deduplicator, sender, clock);
    FeishuChannel plain = new FeishuChannel(Secret.none(), Secret.of(TOKEN), deduplicator, sender, clock);
    FeishuChannel closed = new FeishuChannel(Secret.of(KEY), Secret.none(), deduplicator, sender, clock);
    Router router = ChannelRoutes.router(vertx);
    router.post("/echo").handler(rc -> echo(encrypted, rc));
    router.post("/plain").handler(rc -> echo(plain, rc));
    router.post("/closed").handler(rc -> echo(closed, rc));
    ChannelRoutes.bot(router, "/bot", encrypted, () -> replies, sender);
    port = ChannelRoutes.listen(vertx, router, FeishuChannelTest::failure);
  }

  private static void echo(FeishuChannel channel, RoutingContext rc) {
    channel.receive(rc).onSuccess(events -> {
      if (!rc.response().ended()) {
        rc.json(toJson(events));
      }
    }).onFailure(rc::fail);
  }

  private static void failure(RoutingContext rc) {
    int status = rc.failure() instanceof HttpException e ? e.getStatusCode() : 500;
    String message = rc.failure() instanceof HttpException e ? e.getPayload() : String.valueOf(rc.failure());
    rc.response().setStatusCode(status).end(new JsonObject().put("error", message).encode());
  }

  private static JsonArray toJson(List<ChatEvent> events) {
    JsonArray out = new JsonArray();
    for (ChatEvent event : events) {
      out.add(new JsonObject()
          .put("platform", event.platform())
          .put("chat", new JsonObject().put("id", event.chat().id()).put("type", event.chat().type().name()))
          .put("from", event.from().id())
          .put("text", event.text())
          .put("mentioned", event.mentioned())
          .put("callback", event.callback())
          .put("messageId", event.messageId()));
    }
    return out;
  }

  /** Posts the fixture {@code name} to {@code path} and checks the 401 and that its error says {@code why}. */
  private void assertRefused(String path, String name, String why) {
    HttpResponse<Buffer> response = post(path, name);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("error")).contains(why);
  }

  private HttpResponse<Buffer> post(String path, Map<String, String> headers, String body) {
    HttpRequest<Buffer> request = client.post(port, "127.0.0.1", path).putHeader("Content-Type",
        "application/json; charset=utf-8");
    headers.forEach(request::putHeader);
    return await(request.sendBuffer(Buffer.buffer(body)));
  }

  /** Posts a fixture exactly as generated: its headers and body bytes. */
  private HttpResponse<Buffer> post(String path, String fixture) {
    JsonObject f = fixtures.getJsonObject(fixture);
    return post(path, headers(f), f.getString("body"));
  }

  private static Map<String, String> headers(JsonObject fixture) {
    Map<String, String> headers = new HashMap<>();
    fixture.getJsonObject("headers").forEach(e -> headers.put(e.getKey(), (String) e.getValue()));
    return headers;
  }

  @Test
  void the_url_check_is_answered_with_its_challenge_after_opening_it_with_our_key() {
    HttpResponse<Buffer> response = post("/bot", "url-verification");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("challenge", "ajls384kdjx98XX"));
  }

  @Test
  void the_url_check_in_plaintext_is_answered_when_no_key_is_set() {
    HttpResponse<Buffer> response = post("/plain", Map.of(),
        fixtures.getJsonObject("url-verification").getString("plain"));

    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("challenge", "ajls384kdjx98XX"));
  }

  @Test
  void a_url_check_with_another_token_is_refused_with_401() {
    String forged = "{\"challenge\": \"abc\", \"token\": \"guess\", \"type\": \"url_verification\"}";

    assertThat(post("/plain", Map.of(), forged).statusCode()).isEqualTo(401);
  }

  @Test
  void a_group_message_mentioning_the_bot_reaches_it_with_the_mention_removed_and_others_named() {
    HttpResponse<Buffer> response = post("/echo", "group-message");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonArray()).containsExactly(new JsonObject()
        .put("platform", "feishu")
        .put("chat", new JsonObject().put("id", group).put("type", "GROUP"))
        .put("from", resident)
        .put("text", "居住证怎么办？@张三 也想知道")
        .put("mentioned", true)
        .putNull("callback")
        .put("messageId", "om_ev-group-1"));
  }

  @Test
  void a_group_message_mentioning_someone_else_is_not_addressed_to_the_bot() {
    JsonObject event = post("/echo", "group-message-not-for-bot").bodyAsJsonArray().getJsonObject(0);

    assertThat(event.getBoolean("mentioned")).isFalse();
    assertThat(event.getString("text")).isEqualTo("@张三 明天见");
  }

  @Test
  void a_direct_message_is_private_and_addressed_to_the_bot() {
    JsonObject event = post("/echo", "p2p-message").bodyAsJsonArray().getJsonObject(0);

    assertThat(event.getJsonObject("chat")).isEqualTo(new JsonObject().put("id", p2p).put("type", "PRIVATE"));
    assertThat(event.getString("text")).isEqualTo("/help 楼道灯坏了");
    assertThat(event.getBoolean("mentioned")).isTrue();
  }

  @Test
  void a_card_button_press_is_a_callback_with_the_buttons_data() {
    JsonObject event = post("/echo", "card-action").bodyAsJsonArray().getJsonObject(0);

    assertThat(event.getString("callback")).isEqualTo("vote:p1:2");
    assertThat(event.getJsonObject("chat")).isEqualTo(new JsonObject().put("id", group).put("type", "GROUP"));
    assertThat(event.getString("from")).isEqualTo(resident);
    assertThat(event.getString("messageId")).isEqualTo("om_poll_card");
  }

  @Test
  void a_forged_signature_is_refused_with_401() {
    JsonObject f = fixtures.getJsonObject("group-message");
    Map<String, String> headers = headers(f);
    String signature = headers.get("X-Lark-Signature");
    headers.put("X-Lark-Signature", (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1));

    HttpResponse<Buffer> response = post("/echo", headers, f.getString("body"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("error")).contains("signature does not match");
  }

  @Test
  void a_signature_for_other_bytes_or_another_nonce_is_refused_with_401() {
    JsonObject f = fixtures.getJsonObject("group-message");
    Map<String, String> otherNonce = headers(f);
    otherNonce.put("X-Lark-Request-Nonce", "nonce-x");

    assertThat(post("/echo", headers(f), f.getString("body") + " ").statusCode()).isEqualTo(401);
    assertThat(post("/echo", otherNonce, f.getString("body")).statusCode()).isEqualTo(401);
  }

  @Test
  void a_signed_event_more_than_12_hours_old_or_ahead_is_refused_with_401() {
    clock.advance(Duration.ofHours(12).plusSeconds(30));
    HttpResponse<Buffer> stale = post("/echo", "group-message");
    clock.advance(Duration.ofHours(-24).minusSeconds(60));
    HttpResponse<Buffer> ahead = post("/echo", "group-message");

    assertThat(stale.statusCode()).isEqualTo(401);
    assertThat(stale.bodyAsJsonObject().getString("error")).contains("12 hours");
    assertThat(ahead.statusCode()).isEqualTo(401);
    assertThat(seen).isEmpty();
  }

  @Test
  void a_signed_event_a_few_hours_late_as_feishus_retries_come_is_read() {
    clock.advance(Duration.ofHours(7));

    assertThat(post("/echo", "group-message").bodyAsJsonArray()).hasSize(1);
  }

  @Test
  void the_signature_is_checked_before_the_body_is_read() {
    Map<String, String> headers = headers(fixtures.getJsonObject("group-message"));

    HttpResponse<Buffer> response = post("/echo", headers, "{this is not json");

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void an_unsigned_event_is_refused_with_401_when_an_encrypt_key_is_set() {
    assertThat(post("/echo", Map.of(), fixtures.getJsonObject("group-message").getString("body")).statusCode())
        .isEqualTo(401);
    assertThat(post("/echo", Map.of(), fixtures.getJsonObject("plain-group-message").getString("body")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void an_event_carrying_another_verification_token_is_refused_with_401_though_correctly_signed() {
    assertRefused("/echo", "wrong-token", "verification token");
  }

  @Test
  void without_a_key_a_plaintext_event_with_our_token_is_read_and_one_with_another_token_refused() {
    String body = fixtures.getJsonObject("plain-group-message").getString("body");

    assertThat(post("/plain", Map.of(), body).bodyAsJsonArray().getJsonObject(0).getString("text"))
        .isEqualTo("居住证怎么办？@张三 也想知道");
    assertThat(post("/plain", Map.of(), body.replace(TOKEN, "guessed-token")).statusCode()).isEqualTo(401);
  }

  @Test
  void without_a_verification_token_every_call_is_refused_with_401() {
    assertRefused("/closed", "group-message", "LINLI_FEISHU_VERIFICATION_TOKEN");
  }

  @Test
  void an_event_delivered_again_is_dropped() {
    assertThat(post("/echo", "group-message").bodyAsJsonArray()).hasSize(1);

    HttpResponse<Buffer> again = post("/echo", "group-message");

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.bodyAsJsonArray()).isEmpty();
  }

  @Test
  void replies_are_sent_to_the_chat_in_order_and_a_private_one_to_the_resident_directly() throws InterruptedException {
    replies = List.of(Reply.text("居住证办理需要身份证和住址证明。"), Reply.privateText("您的求助单号：T-17"), Reply.text("还有别的问题吗？"));

    HttpResponse<Buffer> response = post("/bot", "group-message");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject());
    List<FakeFeishu.Call> sent = awaitMessages(3);
    assertThat(sent).extracting(c -> c.json().getString("receive_id")).containsExactly(group, resident, group);
    assertThat(sent).extracting(c -> c.query().get("receive_id_type")).containsExactly("chat_id", "open_id", "chat_id");
    assertThat(sent.get(1).json().getString("content")).isEqualTo("{\"text\":\"您的求助单号：T-17\"}");
  }

  @Test
  void a_button_press_is_answered_with_a_toast_of_the_private_reply_which_is_also_kept_in_a_direct_message()
      throws InterruptedException {
    replies = List.of(Reply.privateText("已记录您的投票：2 到21点"));

    HttpResponse<Buffer> response = post("/bot", "card-action");

    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject()
        .put("toast", new JsonObject().put("type", "info").put("content", "已记录您的投票：2 到21点")));
    List<FakeFeishu.Call> sent = awaitMessages(1);
    assertThat(sent.get(0).json().getString("receive_id")).isEqualTo(resident);
  }

  private List<FakeFeishu.Call> awaitMessages(int count) throws InterruptedException {
    for (int i = 0; i < 100 && feishu.calls(FakeFeishu.MESSAGES).size() < count; i++) {
      Thread.sleep(20);
    }
    return feishu.calls(FakeFeishu.MESSAGES);
  }
}
