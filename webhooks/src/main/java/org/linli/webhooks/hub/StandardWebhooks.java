package org.linli.webhooks.hub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.linli.config.Secret;

/**
 * Signs and verifies webhooks as the <a href="https://www.standardwebhooks.com">Standard
 * Webhooks</a> specification has it: HMAC-SHA256 with the key behind a {@code whsec_<base64>}
 * secret, over the bytes {@code <webhook-id>.<webhook-timestamp>.<body>}, sent as {@code
 * webhook-signature: v1,<base64 signature>}.
 */
public final class StandardWebhooks {

  /** The prefix that marks a symmetric Standard Webhooks secret. */
  public static final String SECRET_PREFIX = "whsec_";
  /** How far a timestamp may stray from now unless told otherwise. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_KEY_BYTES = 24;
  private static final byte DOT = '.';
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final long toleranceSeconds;

  /** Signs and verifies with {@code secret}, accepting timestamps up to five minutes off. */
  public StandardWebhooks(Secret secret) {
    this(secret, DEFAULT_TOLERANCE);
  }

  /**
   * Signs and verifies with {@code secret} ({@code whsec_} and the base64 of at least 24 key
   * bytes), accepting timestamps up to {@code tolerance} before or after now.
   *
   * @throws IllegalArgumentException when the secret is unset or not of that form; the message
   *     never repeats the secret
   */
  public StandardWebhooks(Secret secret, Duration tolerance) {
    Objects.requireNonNull(secret, "secret");
    this.key = new SecretKeySpec(keyBytes(secret), ALGORITHM);
    this.toleranceSeconds = Math.max(0, tolerance.toSeconds());
  }

  private static byte[] keyBytes(Secret secret) {
    if (!secret.isSet()) {
      throw new IllegalArgumentException(
          "the webhook secret is not set; expected whsec_ followed by base64 of at least "
              + MIN_KEY_BYTES + " random bytes");
    }
    String value = secret.reveal();
    if (!value.startsWith(SECRET_PREFIX)) {
      throw new IllegalArgumentException("the webhook secret must start with " + SECRET_PREFIX
          + " (Standard Webhooks form whsec_<base64>)");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(value.substring(SECRET_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character; keep even that out.
      throw new IllegalArgumentException(
          "the webhook secret after " + SECRET_PREFIX + " is not valid base64");
    }
    if (bytes.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("the webhook secret holds " + bytes.length
          + " key bytes; Standard Webhooks asks for at least " + MIN_KEY_BYTES);
    }
    return bytes;
  }

  /**
   * The {@code webhook-signature} value for one attempt: {@code v1,} and the base64 HMAC of the
   * exact bytes {@code msgId.timestamp.body}.
   *
   * @throws IllegalArgumentException when {@code msgId} is blank or holds a full stop, space or
   *     control character (the specification keeps delimiters out of the id)
   */
  public String sign(String msgId, long timestampSeconds, byte[] body) {
    requireValidId(msgId);
    return "v1," + Base64.getEncoder().encodeToString(mac(msgId, Long.toString(timestampSeconds), body));
  }

  /**
   * Checks one received webhook: all three headers present, the timestamp a whole number of
   * seconds within the tolerance of {@code now}, and one of the {@code v1} signatures in the
   * (space-separated) header made with our key over exactly {@code body}.
   */
  public Verification verify(String msgId, String timestamp, String signatureHeader, byte[] body, Instant now) {
    if (isBlank(msgId)) {
      return Verification.rejected(msgId, Verification.Reason.MISSING_HEADER, "webhook-id header missing");
    }
    if (isBlank(timestamp)) {
      return Verification.rejected(msgId, Verification.Reason.MISSING_HEADER, "webhook-timestamp header missing");
    }
    if (isBlank(signatureHeader)) {
      return Verification.rejected(msgId, Verification.Reason.MISSING_HEADER, "webhook-signature header missing");
    }
    String ts = timestamp.strip();
    if (!ts.matches("[0-9]{1,15}")) {
      return Verification.rejected(msgId, Verification.Reason.TIMESTAMP_NOT_A_NUMBER,
          "webhook-timestamp is not a number of seconds");
    }
    long drift = now.getEpochSecond() - Long.parseLong(ts);
    if (drift > toleranceSeconds) {
      return Verification.rejected(msgId, Verification.Reason.TIMESTAMP_TOO_OLD,
          "webhook-timestamp is " + drift + " s old (tolerance " + toleranceSeconds + " s)");
    }
    if (-drift > toleranceSeconds) {
      return Verification.rejected(msgId, Verification.Reason.TIMESTAMP_IN_THE_FUTURE,
          "webhook-timestamp is " + -drift + " s ahead (tolerance " + toleranceSeconds + " s)");
    }
    byte[] expected = mac(msgId, ts, body == null ? new byte[0] : body);
    for (String entry : signatureHeader.strip().split("\\s+")) {
      if (entry.startsWith("v1,") && MessageDigest.isEqual(expected, decodeOrEmpty(entry.substring(3)))) {
        return Verification.ok(msgId);
      }
    }
    return Verification.rejected(msgId, Verification.Reason.NO_MATCHING_SIGNATURE,
        "no v1 signature in webhook-signature matches");
  }

  /** A fresh secret in the Standard Webhooks form: {@code whsec_} and 24 random bytes in base64. */
  public static String newSecret() {
    byte[] bytes = new byte[MIN_KEY_BYTES];
    RANDOM.nextBytes(bytes);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
  }

  /** A fresh webhook id: {@code msg_} and 24 random URL-safe characters. */
  public static String newMessageId() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Throws unless {@code id} can travel as a webhook-id and be signed unambiguously. */
  static void requireValidId(String id) {
    if (isBlank(id)) {
      throw new IllegalArgumentException("a webhook id must not be blank");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '.' || c <= ' ' || c == 0x7f) {
        throw new IllegalArgumentException(
            "a webhook id must not contain full stops, spaces or control characters");
      }
    }
  }

  private byte[] mac(String msgId, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(msgId.getBytes(StandardCharsets.UTF_8));
      mac.update(DOT);
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update(DOT);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static byte[] decodeOrEmpty(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
