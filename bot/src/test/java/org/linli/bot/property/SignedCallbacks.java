package org.linli.bot.property;

import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Chat platform callbacks carrying a given text, signed (and encrypted) as each platform does it,
 * written from the platforms' documentation independently of the adapters' code.
 */
public final class SignedCallbacks {

  public static final String TELEGRAM_SECRET = "telegram-webhook-secret";
  public static final String WECOM_TOKEN = "linli-test-token";
  public static final String WECOM_AES_KEY = "ThadDoJapidveulZTNTWD8mefPtBPYx/FJYWuUiLhks";
  public static final String WECOM_CORP = "ww0a1b2c3d4e5f6789";
  public static final String DINGTALK_SECRET = "dingtalk-app-secret";
  public static final String FEISHU_KEY = "linli-test-encrypt-key-7Hq2";
  public static final String FEISHU_TOKEN = "linli-test-verification-token";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A callback: query string (may be empty), headers, body. */
  public record Callback(String query, Map<String, String> headers, String body) {
  }

  private SignedCallbacks() {
  }

  public static Callback telegram(long updateId, String text) {
    JsonObject update = new JsonObject().put("update_id", updateId).put("message", new JsonObject()
        .put("message_id", updateId)
        .put("from", new JsonObject().put("id", 1111111).put("is_bot", false).put("first_name", "秀英"))
        .put("chat", new JsonObject().put("id", 1111111).put("type", "private"))
        .put("date", System.currentTimeMillis() / 1000)
        .put("text", text));
    return new Callback("", Map.of("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET), update.encode());
  }

  public static Callback dingtalk(String msgId, String text) {
    return dingtalk(msgId, text, "http://127.0.0.1:1/session");
  }

  /** A private DingTalk message whose replies after the first go to {@code sessionWebhook}. */
  public static Callback dingtalk(String msgId, String text, String sessionWebhook) {
    long now = System.currentTimeMillis();
    JsonObject message = new JsonObject()
        .put("conversationId", "cidSingle").put("conversationType", "1").put("msgId", msgId)
        .put("senderStaffId", "staff-1").put("senderId", "$:LWCP_v1:$sender").put("isInAtList", false)
        .put("msgtype", "text").put("text", new JsonObject().put("content", text))
        .put("sessionWebhook", sessionWebhook).put("sessionWebhookExpiredTime", now + 60_000);
    String sign = base64(hmacSha256(DINGTALK_SECRET, now + "\n" + DINGTALK_SECRET));
    return new Callback("", Map.of("timestamp", String.valueOf(now), "sign", sign), message.encode());
  }

  public static Callback wecom(long msgId, String text) {
    String plain = "<xml><ToUserName><![CDATA[" + WECOM_CORP + "]]></ToUserName><FromUserName><![CDATA[LiSi]]>"
        + "</FromUserName><CreateTime>" + System.currentTimeMillis() / 1000 + "</CreateTime><MsgType><![CDATA[text]]>"
        + "</MsgType><Content>" + xmlEscape(text) + "</Content><MsgId>" + msgId
        + "</MsgId><AgentID>1000002</AgentID></xml>";
    String encrypted = wecomEncrypt(plain);
    String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
    String nonce = "n" + msgId;
    String[] parts = {WECOM_TOKEN, timestamp, nonce, encrypted};
    Arrays.sort(parts);
    String signature = HexFormat.of()
        .formatHex(digest("SHA-1", String.join("", parts).getBytes(StandardCharsets.UTF_8)));
    String body = "<xml><ToUserName><![CDATA[" + WECOM_CORP + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
        + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
    return new Callback("?msg_signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce,
        Map.of("Content-Type", "text/xml"), body);
  }

  public static Callback feishu(String eventId, String text) {
    JsonObject event = new JsonObject()
        .put("schema", "2.0")
        .put("header", new JsonObject().put("event_id", eventId).put("token", FEISHU_TOKEN)
            .put("create_time", String.valueOf(System.currentTimeMillis())).put("event_type", "im.message.receive_v1")
            .put("tenant_key", "tenant-linli").put("app_id", "cli_linli_test"))
        .put("event", new JsonObject()
            .put("sender", new JsonObject().put("sender_id", new JsonObject().put("open_id", "ou_resident7"))
                .put("sender_type", "user"))
            .put("message", new JsonObject().put("message_id", "om_" + eventId).put("chat_id", "oc_p2p7")
                .put("chat_type", "p2p").put("message_type", "text")
                .put("content", new JsonObject().put("text", text).encode())));
    String body = new JsonObject().put("encrypt", feishuEncrypt(event.encode())).encode();
    String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
    String nonce = "nonce-" + eventId;
    byte[] prefix = (timestamp + nonce + FEISHU_KEY).getBytes(StandardCharsets.UTF_8);
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    byte[] all = Arrays.copyOf(prefix, prefix.length + raw.length);
    System.arraycopy(raw, 0, all, prefix.length, raw.length);
    String signature = HexFormat.of().formatHex(digest("SHA-256", all));
    return new Callback("", Map.of("X-Lark-Request-Timestamp", timestamp, "X-Lark-Request-Nonce", nonce,
        "X-Lark-Signature", signature, "Content-Type", "application/json"), body);
  }

  /** WeCom: AES-256-CBC, IV the key's first 16 bytes, random(16) + length(4) + message + corp id, PKCS#7 to 32. */
  private static String wecomEncrypt(String message) {
    byte[] key = Base64.getDecoder().decode(WECOM_AES_KEY + "=");
    byte[] text = message.getBytes(StandardCharsets.UTF_8);
    byte[] id = WECOM_CORP.getBytes(StandardCharsets.UTF_8);
    int length = 20 + text.length + id.length;
    int pad = 32 - length % 32;
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    ByteBuffer plain = ByteBuffer.allocate(length + pad).put(random).putInt(text.length).put(text).put(id);
    while (plain.hasRemaining()) {
      plain.put((byte) pad);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
      return base64(cipher.doFinal(plain.array()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Feishu: AES-256-CBC with key SHA-256(encrypt key), a random IV before the ciphertext, Base64. */
  private static String feishuEncrypt(String json) {
    try {
      byte[] iv = new byte[16];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cipher.init(Cipher.ENCRYPT_MODE,
          new SecretKeySpec(digest("SHA-256", FEISHU_KEY.getBytes(StandardCharsets.UTF_8)), "AES"),
          new IvParameterSpec(iv));
      byte[] sealed = cipher.doFinal(json.getBytes(StandardCharsets.UTF_8));
      byte[] out = Arrays.copyOf(iv, 16 + sealed.length);
      System.arraycopy(sealed, 0, out, 16, sealed.length);
      return base64(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String xmlEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static byte[] hmacSha256(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(byte[] data) {
    return Base64.getEncoder().encodeToString(data);
  }
}
