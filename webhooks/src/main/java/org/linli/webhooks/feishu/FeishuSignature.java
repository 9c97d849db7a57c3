package org.linli.webhooks.feishu;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.linli.config.Secret;

/**
 * Feishu's event signature: {@code X-Lark-Signature} = hex SHA-256 of {@code
 * X-Lark-Request-Timestamp + X-Lark-Request-Nonce + encryptKey} followed by the raw body bytes,
 * with the timestamp (seconds) within {@link #TOLERANCE} of our clock.
 */
final class FeishuSignature {

  /**
   * How far {@code X-Lark-Request-Timestamp} may be from our clock. Generous, because Feishu retries
   * a failed push for about seven hours; within it, replays are caught by the event id.
   */
  static final Duration TOLERANCE = Duration.ofHours(12);

  private FeishuSignature() {
  }

  /** The signature Feishu sends for these headers and body. */
  static String sign(Secret encryptKey, String timestamp, String nonce, byte[] body) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update((timestamp + nonce + encryptKey.reveal()).getBytes(StandardCharsets.UTF_8));
      sha256.update(body);
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Why the headers do not prove the body comes from Feishu, fit for a log line; null when they do. */
  static String refusal(Secret encryptKey, String timestamp, String nonce, String signature, byte[] body,
      long nowMillis) {
    if (timestamp == null || nonce == null || signature == null || signature.isBlank()) {
      return "the X-Lark-Request-Timestamp, X-Lark-Request-Nonce or X-Lark-Signature header is missing";
    }
    try {
      if (Math.abs(nowMillis / 1000 - Long.parseLong(timestamp.strip())) > TOLERANCE.toSeconds()) {
        return "the timestamp is more than " + TOLERANCE.toHours() + " hours from our clock";
      }
    } catch (NumberFormatException e) {
      return "the timestamp is not a number of seconds";
    }
    byte[] expected = sign(encryptKey, timestamp, nonce, body).getBytes(StandardCharsets.US_ASCII);
    byte[] presented = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, presented) ? null : "the signature does not match our encrypt key";
  }
}
