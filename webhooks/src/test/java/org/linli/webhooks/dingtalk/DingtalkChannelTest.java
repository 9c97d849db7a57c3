package org.linli.webhooks.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.Futures.await;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.config.Secret;
import org.linli.webhooks.ChannelRoutes;
import org.linli.webhooks.Deduplicator;
import org.linli.webhooks.Loopback;
import org.linli.webhooks.Reply;
import org.linli.webhooks.SettableClock;

/**
 * The DingTalk channel behind a real HTTP server on loopback, fed the message bodies DingTalk's
 * documentation shows ({@code src/test/resources/dingtalk}), signed by an implementation of the
 * published algorithm written here (the documentation's Java snippet) or by Node's crypto
 * ({@code generate.mjs}). {@code /echo} answers with the events the bot would get; {@code /bot}
 * answers with {@link #replies} through {@link DingtalkChannel#respond}.
 */
class DingtalkChannelTest {

  private static final String SECRET = "gQ3wZ7xq_Rb9vK2mT5yN8pL4hJ6dF1sA0cE3uI7oW9zX2bV5nM8kY4tH6gD1fS0a";
  /** The fixtures' createAt: the clock stands there, so their session webhooks are live. */
  private static final Instant NOW = Instant.ofEpochMilli(1613630252678L);

  @RegisterExtension
  final Loopback loopback = new Loopback();
  private FakeSessionWebhook dingtalk;
  private final SettableClock clock = new SettableClock(NOW);
  private final SessionWebhooks webhooks = new SessionWebhooks();
  private int port;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private volatile List<Reply> replies = List.of();

  @BeforeEach
  void start_a_server() {
    dingtalk = loopback.start(new FakeSessionWebhook()::start);
    Deduplicator deduplicator = key -> Future.succeededFuture(seen.add(key));
    DingtalkSender sender = new DingtalkSender(loopback.client(), webhooks, Secret.of(SECRET), clock,
        Duration.ofSeconds(2));
    DingtalkChannel channel = new DingtalkChannel(Secret.of(SECRET), deduplicator, webhooks, sender, clock);
    DingtalkChannel closed = new DingtalkChannel(Secret.none(), deduplicator, webhooks, sender, clock);
    Router router = ChannelRoutes.router(loopback.vertx());
    ChannelRoutes.echo(router, "/echo", channel);
    ChannelRoutes.echo(router, "/closed", closed);
    ChannelRoutes.bot(router, "/bot", channel, () -> replies, sender);
    port = ChannelRoutes.listen(loopback.vertx(), router, ChannelRoutes::failure);
  }

  /** The signature as DingTalk's documentation computes it (its Java snippet, JDK Base64). */
  private static String documentedSign(String secret, long timestamp) throws Exception {
    String stringToSign = timestamp + "\n" + secret;
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes("UTF-8"), "HmacSHA256"));
    byte[] signData = mac.doFinal(stringToSign.getBytes("UTF-8"));
    return new String(Base64.getEncoder().encode(signData), StandardCharsets.US_ASCII);
  }

  private String fixture(String name) {
    try (InputStream in = getClass().getResourceAsStream("/dingtalk/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("SESSION_WEBHOOK", dingtalk.url());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<Buffer> post(String path, String timestamp, String sign, String body) {
    HttpRequest<Buffer> request = loopback.client().post(port, "127.0.0.1", path).putHeader("Content-Type",
        "application/json; charset=utf-8");
    if (timestamp != null) {
      request.putHeader("timestamp", timestamp);
    }
    if (sign != null) {
      request.putHeader("sign", sign);
    }
    return await(request.sendBuffer(Buffer.buffer(body)));
  }

  private HttpResponse<Buffer> signedAt(String path, Instant when, String body) throws Exception {
    return post(path, String.valueOf(when.toEpochMilli()), documentedSign(SECRET, when.toEpochMilli()), body);
  }

  @Test
  void every_signature_made_by_node_crypto_from_the_published_algorithm_is_accepted() {
    JsonArray cases = new JsonArray(fixtureRaw("signatures.json"));
    for (int i = 0; i < cases.size(); i++) {
      JsonObject c = cases.getJsonObject(i);
      long timestamp = Long.parseLong(c.getString("timestamp"));
      assertThat(DingtalkSignature.refusal(Secret.of(c.getString("appSecret")), c.getString("timestamp"),
          c.getString("sign"), timestamp))
          .as("case %d", i).isNull();
      assertThat(DingtalkSignature.sign(Secret.of(c.getString("appSecret")), c.getString("timestamp")))
          .isEqualTo(c.getString("sign"));
    }
  }

  @Test
  void a_group_message_signed_by_node_crypto_reaches_the_bot_with_chat_sender_text_and_mention() {
    JsonObject signed = new JsonArray(fixtureRaw("signatures.json")).getJsonObject(1);

    HttpResponse<Buffer> response = post("/echo", signed.getString("timestamp"), signed.getString("sign"),
        fixture("group-text.json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonArray()).containsExactly(new JsonObject("""
        {"platform": "dingtalk", "chat": {"id": "cidGroupA1b2C3==", "type": "GROUP"},
         "from": {"id": "staff-wang", "name": "王阿姨"}, "text": "居住证怎么办", "mentioned": true,
         "callback": null, "messageId": "msgGroup0001"}
        """));
    assertThat(webhooks.live("cidGroupA1b2C3==", NOW.toEpochMilli())).contains(dingtalk.url());
  }

  @Test
  void a_button_message_in_a_single_chat_is_a_private_callback_from_the_sender_id() throws Exception {
    HttpResponse<Buffer> response = signedAt("/echo", NOW, fixture("single-text.json"));

    JsonObject event = response.bodyAsJsonArray().getJsonObject(0);
    assertThat(event.getJsonObject("chat"))
        .isEqualTo(new JsonObject().put("id", "cidSingleZ9y8==").put("type", "PRIVATE"));
    assertThat(event.getJsonObject("from").getString("id")).isEqualTo("$:LWCP_v1:$senderLi");
    assertThat(event.getString("callback")).isEqualTo("kb:juzhuzheng-apply");
    assertThat(event.getString("text")).isEmpty();
    assertThat(event.getBoolean("mentioned")).isTrue();
  }

  @Test
  void a_timestamp_more_than_an_hour_old_or_ahead_is_refused_with_401() throws Exception {
    Instant stale = NOW.minus(Duration.ofHours(1)).minusSeconds(1);
    Instant ahead = NOW.plus(Duration.ofHours(1)).plusSeconds(1);

    assertThat(signedAt("/echo", stale, fixture("group-text.json")).statusCode()).isEqualTo(401);
    assertThat(signedAt("/echo", ahead, fixture("group-text.json")).statusCode()).isEqualTo(401);
    assertThat(signedAt("/echo", NOW.minus(Duration.ofMinutes(59)), fixture("group-text.json")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void a_sign_made_with_another_secret_is_refused_with_401() throws Exception {
    long t = NOW.toEpochMilli();

    HttpResponse<Buffer> response = post("/echo", String.valueOf(t), documentedSign("not-our-secret", t),
        fixture("group-text.json"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("error")).contains("sign does not match");
    assertThat(webhooks.live("cidGroupA1b2C3==", t)).isEmpty();
  }

  @Test
  void a_sign_for_another_timestamp_or_missing_headers_are_refused_with_401() throws Exception {
    long t = NOW.toEpochMilli();

    assertThat(post("/echo", String.valueOf(t), documentedSign(SECRET, t - 1), fixture("group-text.json")).statusCode())
        .isEqualTo(401);
    assertThat(post("/echo", null, documentedSign(SECRET, t), fixture("group-text.json")).statusCode()).isEqualTo(401);
    assertThat(post("/echo", String.valueOf(t), null, fixture("group-text.json")).statusCode()).isEqualTo(401);
    assertThat(post("/echo", "yesterday", documentedSign(SECRET, t), fixture("group-text.json")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void the_signature_is_checked_before_the_body_is_parsed() throws Exception {
    long t = NOW.toEpochMilli();

    HttpResponse<Buffer> forged = post("/echo", String.valueOf(t), documentedSign("forger", t), "{not json");
    HttpResponse<Buffer> genuine = signedAt("/echo", NOW, "{not json");

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(genuine.statusCode()).isEqualTo(400);
  }

  @Test
  void without_an_app_secret_every_call_is_refused_with_401() throws Exception {
    HttpResponse<Buffer> response = signedAt("/closed", NOW, fixture("group-text.json"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("error")).contains("LINLI_DINGTALK_APP_SECRET");
  }

  @Test
  void a_message_delivered_again_is_dropped() throws Exception {
    assertThat(signedAt("/echo", NOW, fixture("group-text.json")).bodyAsJsonArray()).hasSize(1);

    HttpResponse<Buffer> again = signedAt("/echo", NOW.plusSeconds(5), fixture("group-text.json"));

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.bodyAsJsonArray()).isEmpty();
  }

  @Test
  void a_message_type_the_bot_does_not_read_gives_no_event_and_an_empty_answer() throws Exception {
    String picture = fixture("group-text.json").replace("\"msgtype\": \"text\"", "\"msgtype\": \"picture\"");

    assertThat(signedAt("/echo", NOW, picture).bodyAsJsonArray()).isEmpty();
    HttpResponse<Buffer> answer = signedAt("/bot", NOW, picture.replace("msgGroup0001", "msgGroup0002"));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.bodyAsString()).isNullOrEmpty();
  }

  @Test
  void the_first_reply_is_the_response_body_and_the_next_go_to_the_session_webhook_in_order() throws Exception {
    replies = List.of(
        new Reply("居住证办理需要身份证和住址证明。", List.of(new Reply.Button("查看全文", "kb:juzhuzheng-apply")), false),
        Reply.text("还有别的问题吗？"),
        Reply.text("也可以@我发送 /help 求助。"));

    HttpResponse<Buffer> response = signedAt("/bot", NOW, fixture("group-text.json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("msgtype")).isEqualTo("actionCard");
    assertThat(body.getJsonObject("actionCard").getJsonArray("btns").getJsonObject(0).getString("actionURL"))
        .isEqualTo(DingtalkMessages.sendMessageLink(new Reply.Button("查看全文", "kb:juzhuzheng-apply")));
    awaitReceived(2);
    assertThat(dingtalk.received()).containsExactly(
        new JsonObject("{\"msgtype\": \"text\", \"text\": {\"content\": \"还有别的问题吗？\"}}"),
        new JsonObject("{\"msgtype\": \"text\", \"text\": {\"content\": \"也可以@我发送 /help 求助。\"}}"));
  }

  @Test
  void a_private_reply_in_a_group_is_not_shown_there_the_resident_is_asked_to_write_directly() throws Exception {
    replies = List.of(Reply.privateText("您的投票回执：R-8842"));

    JsonObject body = signedAt("/bot", NOW, fixture("group-text.json")).bodyAsJsonObject();

    assertThat(body.encode()).doesNotContain("R-8842");
    assertThat(body).isEqualTo(new JsonObject()
        .put("msgtype", "text")
        .put("text", new JsonObject().put("content", "@staff-wang " + DingtalkChannel.PRIVATE_NOTE))
        .put("at", new JsonObject().put("atUserIds", new JsonArray().add("staff-wang"))));
  }

  @Test
  void a_private_reply_in_a_single_chat_is_answered_as_is() throws Exception {
    replies = List.of(Reply.privateText("您的投票回执：R-8842"));

    JsonObject body = signedAt("/bot", NOW, fixture("single-text.json")).bodyAsJsonObject();

    assertThat(body).isEqualTo(new JsonObject("{\"msgtype\": \"text\", \"text\": {\"content\": \"您的投票回执：R-8842\"}}"));
  }

  private void awaitReceived(int count) throws InterruptedException {
    for (int i = 0; i < 100 && dingtalk.received().size() < count; i++) {
      Thread.sleep(20);
    }
  }

  private static String fixtureRaw(String name) {
    try (InputStream in = DingtalkChannelTest.class.getResourceAsStream("/dingtalk/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
