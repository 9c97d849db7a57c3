package org.linli.webhooks.dingtalk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.linli.config.Secret;

/**
 * DingTalk's robot signature: {@code sign = Base64(HmacSHA256(key = appSecret, timestamp + "\n" +
 * appSecret))}, with {@code timestamp} in milliseconds and at most an hour from our clock.
 */
final class DingtalkSignature {

  /** How far the {@code timestamp} header may be from our clock, either way. */
  static final Duration TOLERANCE = Duration.ofHours(1);

  private DingtalkSignature() {
  }

  /** The sign DingTalk sends for this timestamp. */
  static String sign(Secret appSecret, String timestamp) {
    return hmac(appSecret, timestamp + "\n" + appSecret.reveal());
  }

  /** {@code Base64(HmacSHA256(key, message))}, both in UTF-8: how DingTalk signs robot calls and card callbacks. */
  static String hmac(Secret key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Whether every one of {@code headers} is there and not blank. */
  static boolean present(String... headers) {
    return Arrays.stream(headers).allMatch(header -> header != null && !header.isBlank());
  }

  /** The whole number {@code header} holds (surrounding blanks aside), or empty when it holds none. */
  static OptionalLong number(String header) {
    try {
      return OptionalLong.of(Long.parseLong(header.strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Whether {@code given} (surrounding blanks aside) is {@code expected}, compared in constant time. */
  static boolean matches(String expected, String given) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        given.strip().getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Why the headers do not prove the call comes from DingTalk, in words fit for a log line, or null
   * when they do.
   */
  static String refusal(Secret appSecret, String timestamp, String sign, long nowMillis) {
    if (!present(timestamp, sign)) {
      return "the timestamp or sign header is missing";
    }
    OptionalLong millis = number(timestamp);
    if (millis.isEmpty()) {
      return "the timestamp header is not a number of milliseconds";
    }
    if (Math.abs(nowMillis - millis.getAsLong()) > TOLERANCE.toMillis()) {
      return "the timestamp is more than an hour from our clock";
    }
    if (!matches(sign(appSecret, timestamp.strip()), sign)) {
      return "the sign does not match our app secret";
    }
    return null;
  }
}
