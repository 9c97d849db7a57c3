package org.linli.webhooks.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.Futures.await;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.handler.HttpException;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.config.Secret;
import org.linli.config.Settings;
import org.linli.webhooks.ChannelRoutes;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Loopback;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.linli.webhooks.SeenKeys;
import org.linli.webhooks.SettableClock;

/**
 * The WeCom channel behind a real HTTP server on loopback, routed as the service routes it: GET for
 * the URL check, POST for messages. The route records the events the channel gives and answers
 * with replies the test scripts; the callbacks are Tencent's published sample and ones the official
 * npm SDK encrypted ({@code fixtures.json}).
 */
class WecomChannelTest {

  private static final String PATH = "/webhooks/wecom";
  private static final String SAMPLE_PATH = "/sample/wecom";
  private static final String CLOSED_PATH = "/closed/wecom";

  @RegisterExtension
  final Loopback loopback = new Loopback();
  private int port;
  private final SettableClock clock = new SettableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final SeenKeys seen = new SeenKeys();
  private final List<ChatEvent> events = new CopyOnWriteArrayList<>();
  private final List<Outgoing> leftForSender = new CopyOnWriteArrayList<>();
  private volatile Function<List<ChatEvent>, List<Reply>> bot = e -> List.of();

  @BeforeEach
  void start() {
    WecomChannel channel = new WecomChannel(Fixtures.settings("", "", "", 20), seen, clock);
    WecomChannel sample = new WecomChannel(new Settings.Wecom(Secret.of(Fixtures.SAMPLE_TOKEN),
        Secret.of(Fixtures.SAMPLE_AES_KEY), Fixtures.SAMPLE_CORP_ID, Secret.none(), "", "", "", 20), seen, clock);
    WecomChannel closed = new WecomChannel(new Settings.Wecom(Secret.none(), Secret.of(Fixtures.AES_KEY),
        Fixtures.CORP_ID, Secret.none(), "", "", "", 20), seen, clock);
    Router router = ChannelRoutes.router(loopback.vertx());
    for (Map.Entry<String, WecomChannel> route : Map.of(PATH, channel, SAMPLE_PATH, sample, CLOSED_PATH, closed)
        .entrySet()) {
      WecomChannel c = route.getValue();
      router.get(route.getKey()).handler(c::verifyUrl);
      router.post(route.getKey()).handler(ctx -> c.receive(ctx)
          .onSuccess(received -> {
            events.addAll(received);
            List<Reply> replies = received.isEmpty() ? List.of() : bot.apply(received);
            leftForSender.addAll(c.toSend(ctx, replies));
            c.respond(ctx, replies);
          })
          .onFailure(ctx::fail));
    }
    port = ChannelRoutes.listen(loopback.vertx(), router, ctx -> {
      HttpException failure = ctx.failure() instanceof HttpException h ? h : new HttpException(500, "internal error");
      ctx.response().setStatusCode(failure.getStatusCode())
          .end(new JsonObject().put("error", failure.getPayload()).encode());
    });
  }

  @Test
  void the_url_check_with_tencents_published_sample_is_answered_with_the_echo_string() {
    HttpResponse<Buffer> response = await(loopback.client().get(port, "127.0.0.1", SAMPLE_PATH)
        .addQueryParam("msg_signature", "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3")
        .addQueryParam("timestamp", "1409659589")
        .addQueryParam("nonce", "263014780")
        .addQueryParam("echostr",
            "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==")
        .send());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("1616140317555161061");
  }

  @Test
  void the_url_check_with_an_echostr_from_the_official_sdk_is_answered_with_its_plaintext() {
    JsonObject check = Fixtures.ALL.getJsonObject("urlCheck");

    HttpResponse<Buffer> response = await(urlCheck(PATH, check, check.getString("msg_signature")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo(check.getString("plaintext"));
  }

  @Test
  void a_url_check_with_a_forged_signature_is_refused_with_401() {
    JsonObject check = Fixtures.ALL.getJsonObject("urlCheck");

    HttpResponse<Buffer> response = await(urlCheck(PATH, check, "0".repeat(40)));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsString()).doesNotContain(check.getString("plaintext"));
  }

  @Test
  void tencents_published_message_sample_becomes_a_private_event_from_mycreate() {
    String body = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA["
        + WecomCryptoTest.SAMPLE_MESSAGE + "]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";

    HttpResponse<Buffer> response = await(post(SAMPLE_PATH, "477715d11cdb4164915debcba66cb864d751f3e6", "1409659813",
        "1372623149", body));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(events)
        .containsExactly(new ChatEvent("wecom", new ChatEvent.Chat("mycreate", ChatEvent.ChatType.PRIVATE),
            new ChatEvent.Sender("mycreate", ""), "hello", true, null, "4561255354251345929"));
  }

  @Test
  void a_private_text_message_from_the_official_sdk_becomes_an_event_addressed_to_the_bot() {
    assertThat(await(post("privateText")).statusCode()).isEqualTo(200);

    assertThat(events).containsExactly(new ChatEvent("wecom", new ChatEvent.Chat("LiSi", ChatEvent.ChatType.PRIVATE),
        new ChatEvent.Sender("LiSi", ""), "居住证怎么办？", true, null, "7000000000000000001"));
    assertThat(seen.asked).containsExactly("wecom:" + Fixtures.CORP_ID + ":7000000000000000001");
  }

  @Test
  void a_group_message_that_mentions_the_bot_is_addressed_to_it_and_the_mention_is_taken_out() {
    assertThat(await(post("groupMention")).statusCode()).isEqualTo(200);

    assertThat(events).hasSize(1);
    ChatEvent event = events.get(0);
    assertThat(event.chat())
        .isEqualTo(new ChatEvent.Chat("wrkSFfCgAAtMQKg4xqDatM5C9IrfUoNa", ChatEvent.ChatType.GROUP));
    assertThat(event.from().id()).isEqualTo("WangAyi");
    assertThat(event.mentioned()).isTrue();
    assertThat(event.text()).isEqualTo("垃圾分类几点收");
  }

  @Test
  void a_group_message_that_does_not_mention_the_bot_is_not_addressed_to_it() {
    await(post("groupChatter"));

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.chat().type()).isEqualTo(ChatEvent.ChatType.GROUP);
      assertThat(e.mentioned()).isFalse();
      assertThat(e.text()).isEqualTo("今天天气不错");
    });
  }

  @Test
  void a_message_padded_with_a_whole_32_byte_block_is_read() {
    await(post("blockAligned"));

    assertThat(events).singleElement().satisfies(e -> assertThat(e.text()).startsWith("居住证x"));
  }

  @Test
  void events_give_no_event_and_an_empty_200() {
    for (String name : new String[]{"event"}) {
      HttpResponse<Buffer> response = await(post(name));
      assertThat(response.statusCode()).as(name).isEqualTo(200);
      assertThat(response.bodyAsString()).as(name).isNullOrEmpty();
    }
    assertThat(events).isEmpty();
  }

  @Test
  void a_picture_is_an_event_with_its_image_and_the_silent_bot_gives_an_empty_200() {
    bot = e -> List.of();
    HttpResponse<Buffer> response = await(post("image"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsString()).isNullOrEmpty();
    assertThat(events).singleElement().satisfies(e -> assertThat(e.attachments())
        .containsExactly(org.linli.webhooks.Attachment.imageUrl("https://example.invalid/p.png", "m1")));
  }

  @Test
  void a_forged_signature_is_refused_with_401_before_anything_is_decrypted_or_parsed() {
    JsonObject c = Fixtures.callback("privateText");
    String hostile = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + c.getString("body").replace("</xml>", "<Content>&x;</Content></xml>");

    HttpResponse<Buffer> forged = await(
        post(PATH, "0".repeat(40), c.getString("timestamp"), c.getString("nonce"), hostile));
    HttpResponse<Buffer> otherTime = await(post(PATH, c.getString("msg_signature"), "1735689601", c.getString("nonce"),
        c.getString("body")));

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.bodyAsString()).contains("msg_signature").doesNotContain("root:");
    assertThat(otherTime.statusCode()).isEqualTo(401);
    assertThat(events).isEmpty();
    assertThat(seen.asked).isEmpty();
  }

  @Test
  void a_call_without_signature_or_without_exactly_one_encrypt_is_refused_with_401() {
    JsonObject c = Fixtures.callback("privateText");
    String encrypt = Fixtures.ciphertext(c);
    String twice = c.getString("body").replace("</xml>", "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>");

    assertThat(
        await(post(PATH, null, c.getString("timestamp"), c.getString("nonce"), c.getString("body"))).statusCode())
        .isEqualTo(401);
    assertThat(await(post(PATH, c.getString("msg_signature"), c.getString("timestamp"), c.getString("nonce"), twice))
        .statusCode()).isEqualTo(401);
    assertThat(await(post(PATH, c.getString("msg_signature"), c.getString("timestamp"), c.getString("nonce"), ""))
        .statusCode()).isEqualTo(401);
    assertThat(events).isEmpty();
  }

  @Test
  void a_correctly_signed_message_encrypted_for_another_corp_is_refused_with_401() {
    HttpResponse<Buffer> response = await(post("otherCorp"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(events).isEmpty();
    assertThat(seen.asked).isEmpty();
  }

  @Test
  void a_verified_message_that_declares_an_external_entity_is_refused_with_400_and_nothing_is_read() {
    HttpResponse<Buffer> response = await(post("entity"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsString()).doesNotContain("root:");
    assertThat(events).isEmpty();
  }

  @Test
  void when_token_key_or_corp_id_is_unset_every_call_is_refused_with_401() {
    HttpResponse<Buffer> message = await(post(CLOSED_PATH, Fixtures.callback("privateText")));
    HttpResponse<Buffer> check = await(urlCheck(CLOSED_PATH, Fixtures.ALL.getJsonObject("urlCheck"),
        Fixtures.ALL.getJsonObject("urlCheck").getString("msg_signature")));

    assertThat(message.statusCode()).isEqualTo(401);
    assertThat(message.bodyAsString()).contains("LINLI_WECOM_TOKEN");
    assertThat(check.statusCode()).isEqualTo(401);
    assertThat(events).isEmpty();
  }

  @Test
  void a_message_wecom_delivers_again_is_dropped() {
    bot = e -> List.of(Reply.text("居住证办理需要身份证和住址证明。"));

    HttpResponse<Buffer> first = await(post("privateText"));
    HttpResponse<Buffer> again = await(post("privateText"));

    assertThat(events).hasSize(1);
    assertThat(first.bodyAsString()).contains("<Encrypt>");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.bodyAsString()).isNullOrEmpty();
  }

  @Test
  void one_text_reply_in_a_private_chat_is_an_encrypted_passive_reply_to_the_sender() {
    bot = e -> List.of(new Reply("请带身份证 ]]> 原件。", List.of(new Reply.Button("如何办理居住证", "kb:juzhuzheng-apply"),
        new Reply.Button("转给求助热线", "fwd:1")), true));

    HttpResponse<Buffer> response = await(post("privateText"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("application/xml");
    String envelope = response.bodyAsString();
    Map<String, String> outer = WecomXml.fields(envelope);
    assertThat(outer).containsKeys("Encrypt", "MsgSignature", "TimeStamp", "Nonce");
    assertThat(outer.get("TimeStamp")).isEqualTo(String.valueOf(clock.instant().getEpochSecond()));
    WecomCrypto crypto = new WecomCrypto(Fixtures.TOKEN, Fixtures.AES_KEY, Fixtures.CORP_ID);
    assertThat(
        crypto.verify(outer.get("MsgSignature"), outer.get("TimeStamp"), outer.get("Nonce"), outer.get("Encrypt")))
        .isTrue();
    Map<String, String> inner = WecomXml.fields(crypto.decrypt(outer.get("Encrypt")));
    assertThat(inner).containsEntry("ToUserName", "LiSi")
        .containsEntry("FromUserName", Fixtures.CORP_ID)
        .containsEntry("MsgType", "text")
        .containsEntry("Content", "请带身份证 ]]> 原件。\n\n1. 如何办理居住证\n2. 转给求助热线");
    assertThat(leftForSender).isEmpty();
  }

  @Test
  void the_official_sdk_verifies_and_decrypts_the_passive_reply() throws Exception {
    File dir = new File("src/test/resources/wecom");
    Assumptions.assumeTrue(new File(dir, "node_modules/@wecom/crypto").isDirectory(),
        "run npm install in src/test/resources/wecom to check replies with the official SDK");
    bot = e -> List.of(Reply.text("居住证办理需要身份证和住址证明。"));
    String envelope = await(post("privateText")).bodyAsString();

    Process node = new ProcessBuilder("node", "check-reply.mjs").directory(dir).redirectErrorStream(true).start();
    node.getOutputStream().write(envelope.getBytes(StandardCharsets.UTF_8));
    node.getOutputStream().close();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(20, TimeUnit.SECONDS)).isTrue();

    JsonObject checked = new JsonObject(out.strip());
    assertThat(checked.getBoolean("signatureOk")).isTrue();
    assertThat(checked.getString("id")).isEqualTo(Fixtures.CORP_ID);
    assertThat(WecomXml.fields(checked.getString("message"))).containsEntry("Content", "居住证办理需要身份证和住址证明。")
        .containsEntry("ToUserName", "LiSi");
  }

  @Test
  void several_replies_get_an_empty_200_and_are_left_for_the_sender_a_private_one_to_the_persons_own_chat() {
    bot = e -> List.of(Reply.text("投票已记录。"), Reply.privateText("您的回执码：K7Q2"));

    HttpResponse<Buffer> response = await(post("groupMention"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsString()).isNullOrEmpty();
    assertThat(leftForSender).containsExactly(
        new Outgoing("wecom", new ChatEvent.Chat("wrkSFfCgAAtMQKg4xqDatM5C9IrfUoNa", ChatEvent.ChatType.GROUP),
            Reply.text("投票已记录。")),
        new Outgoing("wecom", new ChatEvent.Chat("WangAyi", ChatEvent.ChatType.PRIVATE),
            Reply.privateText("您的回执码：K7Q2")));
  }

  @Test
  void a_reply_in_a_group_a_reply_with_a_picture_and_a_late_reply_are_left_for_the_sender() {
    bot = e -> List.of(Reply.text("垃圾分类：每天 7-9 点、18-20 点投放。"));
    await(post("groupMention"));
    assertThat(leftForSender).hasSize(1);

    leftForSender.clear();
    bot = e -> List.of(Reply.text("结果").withImage(new Reply.Image(new byte[]{1, 2, 3}, "")));
    assertThat(await(post("privateText")).bodyAsString()).isNullOrEmpty();
    assertThat(leftForSender).hasSize(1);

    leftForSender.clear();
    bot = e -> {
      clock.advance(Duration.ofSeconds(5));
      return List.of(Reply.text("居住证办理需要身份证和住址证明。"));
    };
    assertThat(await(post("blockAligned")).bodyAsString()).isNullOrEmpty();
    assertThat(leftForSender).singleElement()
        .satisfies(o -> assertThat(o.chat()).isEqualTo(new ChatEvent.Chat("LiSi", ChatEvent.ChatType.PRIVATE)));
  }

  @Test
  void a_reply_too_long_for_one_message_is_left_for_the_sender() {
    bot = e -> List.of(Reply.text("办".repeat(700)));

    assertThat(await(post("privateText")).bodyAsString()).isNullOrEmpty();
    assertThat(leftForSender).hasSize(1);
  }

  private Future<HttpResponse<Buffer>> urlCheck(String path, JsonObject check, String signature) {
    return loopback.client().get(port, "127.0.0.1", path)
        .addQueryParam("msg_signature", signature)
        .addQueryParam("timestamp", check.getString("timestamp"))
        .addQueryParam("nonce", check.getString("nonce"))
        .addQueryParam("echostr", check.getString("echostr"))
        .send();
  }

  private Future<HttpResponse<Buffer>> post(String fixture) {
    return post(PATH, Fixtures.callback(fixture));
  }

  private Future<HttpResponse<Buffer>> post(String path, JsonObject c) {
    return post(path, c.getString("msg_signature"), c.getString("timestamp"), c.getString("nonce"),
        c.getString("body"));
  }

  private Future<HttpResponse<Buffer>> post(String path, String signature, String timestamp, String nonce,
      String body) {
    var request = loopback.client().post(port, "127.0.0.1", path)
        .addQueryParam("timestamp", timestamp)
        .addQueryParam("nonce", nonce)
        .putHeader("Content-Type", "text/xml");
    if (signature != null) {
      request.addQueryParam("msg_signature", signature);
    }
    return request.sendBuffer(Buffer.buffer(body));
  }

}
