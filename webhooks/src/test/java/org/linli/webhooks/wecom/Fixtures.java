package org.linli.webhooks.wecom;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.linli.config.Secret;
import org.linli.config.Settings;

/**
 * The callbacks in {@code wecom/fixtures.json}, encrypted and signed by Tencent's official npm SDK
 * ({@code @wecom/crypto}) with {@code generate.mjs}, and Tencent's published WXBizMsgCrypt sample.
 */
final class Fixtures {

  static final JsonObject ALL = load();

  /** The generated callbacks' Token, EncodingAESKey, corp id and bot name. */
  static final String TOKEN = ALL.getString("token");
  static final String AES_KEY = ALL.getString("aesKey");
  static final String CORP_ID = ALL.getString("corpId");
  static final String BOT_NAME = ALL.getString("botName");

  /** The published sample's Token, EncodingAESKey and corp id (WXBizMsgCrypt Sample). */
  static final String SAMPLE_TOKEN = "QDG6eK";
  static final String SAMPLE_AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
  static final String SAMPLE_CORP_ID = "wx5823bf96d3bd56c7";

  private Fixtures() {
  }

  /** One generated callback: timestamp, nonce, msg_signature, body, plaintext, receiveId. */
  static JsonObject callback(String name) {
    return ALL.getJsonObject(name);
  }

  /** Channel settings matching the fixtures, sending to {@code apiUrl}. */
  static Settings.Wecom settings(String apiUrl, String secret, String agentId, int perChatPerMinute) {
    return new Settings.Wecom(Secret.of(TOKEN), Secret.of(AES_KEY), CORP_ID, Secret.of(secret), agentId, apiUrl,
        BOT_NAME, perChatPerMinute);
  }

  /** The ciphertext inside a generated callback's body. */
  static String ciphertext(JsonObject callback) {
    return WecomXml.encrypted(callback.getString("body"));
  }

  private static JsonObject load() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/wecom/fixtures.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
