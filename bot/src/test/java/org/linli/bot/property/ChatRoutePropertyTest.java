package org.linli.bot.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.linli.bot.LinliVerticle;
import org.linli.bot.redis.RealRedis;
import org.linli.config.SettingsLoader;
import org.linli.kb.property.ResidentTexts;

/**
 * Nothing a resident can type fails: generated texts (emoji of every kind, lone surrogates, control
 * characters, long texts ...) posted to the ask API and to every chat route, signed and encrypted
 * as each platform does, never get a 5xx. One service on loopback (embedded Redis, lexical
 * knowledge base) serves every try.
 */
class ChatRoutePropertyTest {

  private static final String GENERIC = "generic-secret";
  private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis());

  private static Vertx vertx;
  private static WebClient client;

  @BeforeContainer
  static void start() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("LINLI_HTTP_PORT", "0");
    env.put("LINLI_HTTP_HOST", "127.0.0.1");
    env.put("LINLI_DATA_DIR", Files.createTempDirectory("linli-properties").toString());
    env.put("LINLI_KB_SEMANTIC", "false");
    env.put("LINLI_KB_THRESHOLD", "0.5"); // as RunningService: a fixed operating point, not the refitted one
    env.put("LINLI_ADMIN_TOKEN", "admin-secret");
    env.put("LINLI_GENERIC_TOKEN", GENERIC);
    env.put("LINLI_TELEGRAM_TOKEN", "123456:test-token");
    env.put("LINLI_TELEGRAM_SECRET", SignedCallbacks.TELEGRAM_SECRET);
    env.put("LINLI_TELEGRAM_MODE", "webhook");
    env.put("LINLI_TELEGRAM_API_URL", "http://127.0.0.1:1");
    env.put("LINLI_TELEGRAM_BOT_USERNAME", "linli_bot");
    env.put("LINLI_WECOM_TOKEN", SignedCallbacks.WECOM_TOKEN);
    env.put("LINLI_WECOM_AES_KEY", SignedCallbacks.WECOM_AES_KEY);
    env.put("LINLI_WECOM_CORP_ID", SignedCallbacks.WECOM_CORP);
    env.put("LINLI_WECOM_SECRET", "wecom-secret");
    env.put("LINLI_WECOM_AGENT_ID", "1000002");
    env.put("LINLI_WECOM_API_URL", "http://127.0.0.1:1");
    env.put("LINLI_DINGTALK_APP_SECRET", SignedCallbacks.DINGTALK_SECRET);
    env.put("LINLI_FEISHU_APP_ID", "cli_linli_test");
    env.put("LINLI_FEISHU_APP_SECRET", "feishu-secret");
    env.put("LINLI_FEISHU_ENCRYPT_KEY", SignedCallbacks.FEISHU_KEY);
    env.put("LINLI_FEISHU_VERIFICATION_TOKEN", SignedCallbacks.FEISHU_TOKEN);
    env.put("LINLI_FEISHU_API_URL", "http://127.0.0.1:1");
    vertx = Vertx.vertx();
    LinliVerticle verticle = new LinliVerticle(new SettingsLoader().load(env));
    await(vertx.deployVerticle(verticle));
    client = WebClient.create(vertx,
        new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(verticle.port()));
  }

  @AfterContainer
  static void stop() {
    client.close();
    await(vertx.close());
  }

  @Provide
  Arbitrary<String> texts() {
    return ResidentTexts.texts();
  }

  @Property(tries = 200)
  void the_ask_api_answers_any_text_within_the_limit_with_200_and_valid_utf8_json(@ForAll("texts") String text) {
    HttpResponse<Buffer> response = post("/api/v1/ask", "", Map.of(), new JsonObject().put("text", text).encode());

    assertThat(response.statusCode()).as("%s", response.bodyAsString()).isEqualTo(text.isBlank() ? 400 : 200);
    JsonObject body = new JsonObject(strictUtf8(response.body()));
    if (response.statusCode() == 200) {
      assertThat(body.getString("kind")).isIn("answered", "not_sure", "forward", "small_talk");
      assertThat(body.getDouble("score")).isBetween(0.0, 1.0);
      assertThat(body.getString(body.getBoolean("answered") ? "text" : "message")).isNotNull();
    }
  }

  @Property(tries = 150)
  void the_generic_channel_answers_any_text_within_the_limit_with_200(@ForAll("texts") String text) {
    HttpResponse<Buffer> response = post("/webhooks/generic", "", Map.of("Authorization", "Bearer " + GENERIC),
        genericMessage(text));

    assertThat(response.statusCode()).as("%s", response.bodyAsString()).isEqualTo(text.isBlank() ? 400 : 200);
    new JsonObject(strictUtf8(response.body()));
  }

  @Property(tries = 120)
  void telegram_answers_any_signed_message_with_200(@ForAll("texts") String text) {
    assertStatus("/webhooks/telegram", SignedCallbacks.telegram(IDS.incrementAndGet(), text), 200);
  }

  @Property(tries = 120)
  void wecom_answers_any_encrypted_message_with_200_and_what_xml_cannot_carry_with_400(@ForAll("texts") String text) {
    // XML 1.0 cannot carry most control characters nor U+FFFE/U+FFFF, so WeCom can never send them.
    assertStatus("/webhooks/wecom", SignedCallbacks.wecom(IDS.incrementAndGet(), text), xmlCarries(text) ? 200 : 400);
  }

  @Property(tries = 120)
  void dingtalk_answers_any_signed_message_with_200(@ForAll("texts") String text) {
    assertStatus("/webhooks/dingtalk", SignedCallbacks.dingtalk("msg-" + IDS.incrementAndGet(), text), 200);
  }

  @Property(tries = 120)
  void feishu_answers_any_signed_and_encrypted_message_with_200(@ForAll("texts") String text) {
    assertStatus("/webhooks/feishu", SignedCallbacks.feishu("ev-" + IDS.incrementAndGet(), text), 200);
  }

  @Example
  void an_emoji_only_question_is_answered_with_200() {
    String text = "😀🎉👍🏻🇨🇳👨‍👩‍👧1️⃣❤️";

    JsonObject answer = ask(text);
    assertThat(answer.getString("kind")).isIn("not_sure", "small_talk");
    assertThat(answer.getString("message")).isNotBlank();

    HttpResponse<Buffer> chat = post("/webhooks/generic", "", Map.of("Authorization", "Bearer " + GENERIC),
        genericMessage(text));
    assertThat(chat.statusCode()).isEqualTo(200);
    assertThat(chat.bodyAsJsonObject().getJsonArray("replies")).isNotEmpty();
  }

  @Example
  void an_emoji_laden_question_is_answered_with_200() {
    String text = "🙏请问👨‍👩‍👧外地人怎么办居住证？👍🏻🇨🇳😀";

    JsonObject answer = ask(text);
    assertThat(answer.getBoolean("answered")).as("%s", answer).isTrue();
    assertThat(answer.getJsonObject("entry").getString("id")).isEqualTo("juzhuzheng-apply");

    HttpResponse<Buffer> chat = post("/webhooks/generic", "", Map.of("Authorization", "Bearer " + GENERIC),
        genericMessage(text));
    assertThat(chat.statusCode()).isEqualTo(200);
    assertThat(chat.bodyAsJsonObject().getJsonArray("replies").getJsonObject(0).getString("text"))
        .contains("/kb/juzhuzheng-apply");
  }

  @Example
  void a_lone_surrogate_escaped_in_json_is_answered_with_200_and_comes_back_as_valid_utf8() {
    HttpResponse<Buffer> response = post("/api/v1/ask", "", Map.of(), "{\"text\": \"\\ud83d 居住证怎么办 \\ude00\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(strictUtf8(response.body())).getBoolean("answered")).isTrue();
  }

  @Example
  void a_question_of_four_thousand_characters_half_of_them_emoji_is_answered_on_both_routes() {
    String text = "居住证怎么办🙏😂".repeat(500);
    assertThat(text.codePointCount(0, text.length())).isEqualTo(4000);

    HttpResponse<Buffer> ask = post("/api/v1/ask", "", Map.of(), new JsonObject().put("text", text).encode());
    HttpResponse<Buffer> chat = post("/webhooks/generic", "", Map.of("Authorization", "Bearer " + GENERIC),
        genericMessage(text));

    assertThat(ask.statusCode()).as("%s", ask.bodyAsString()).isEqualTo(200);
    assertThat(chat.statusCode()).as("%s", chat.bodyAsString()).isEqualTo(200);
  }

  @Example
  void a_text_over_the_limit_gets_a_clear_400_and_a_body_over_the_limit_a_413() {
    String tooLong = "居住证怎么办".repeat(700);

    HttpResponse<Buffer> ask = post("/api/v1/ask", "", Map.of(), new JsonObject().put("text", tooLong).encode());
    HttpResponse<Buffer> chat = post("/webhooks/generic", "", Map.of("Authorization", "Bearer " + GENERIC),
        genericMessage(tooLong));
    HttpResponse<Buffer> huge = post("/api/v1/ask", "", Map.of(),
        new JsonObject().put("text", "问".repeat(30_000)).encode());

    assertThat(ask.statusCode()).isEqualTo(400);
    assertThat(ask.bodyAsJsonObject().getString("detail")).contains("longer than 4000");
    assertThat(chat.statusCode()).isEqualTo(400);
    assertThat(huge.statusCode()).isEqualTo(413);
  }

  private static String genericMessage(String text) {
    return new JsonObject()
        .put("chat", new JsonObject().put("id", "p1").put("type", "private"))
        .put("from", new JsonObject().put("id", "u1").put("name", "张三"))
        .put("text", text)
        .encode();
  }

  private static JsonObject ask(String text) {
    HttpResponse<Buffer> response = post("/api/v1/ask", "", Map.of(), new JsonObject().put("text", text).encode());
    assertThat(response.statusCode()).as("%s", response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static void assertStatus(String path, SignedCallbacks.Callback callback, int expected) {
    HttpResponse<Buffer> response = post(path, callback.query(), callback.headers(), callback.body());

    assertThat(response.statusCode()).as("%s %s", path, response.bodyAsString()).isEqualTo(expected);
  }

  /** Whether XML 1.0 can carry the text (its Char production; a lone surrogate goes out as '?' in UTF-8). */
  private static boolean xmlCarries(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      }
      legal = legal || Character.isSurrogate(c);
      if (!legal) {
        return false;
      }
    }
    return true;
  }

  private static HttpResponse<Buffer> post(String path, String query, Map<String, String> headers, String body) {
    var request = client.post(path + query).putHeader("Content-Type", "application/json");
    headers.forEach(request::putHeader);
    return await(request.sendBuffer(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8))));
  }

  /** The bytes as UTF-8, failing on any malformed sequence (a lone surrogate written out would be one). */
  private static String strictUtf8(Buffer body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body.getBytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("the response is not valid UTF-8", e);
    }
  }

  private static <T> T await(Future<T> future) {
    return RealRedis.await(future);
  }
}
