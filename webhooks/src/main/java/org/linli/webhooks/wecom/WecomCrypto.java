package org.linli.webhooks.wecom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's callback cryptography (WXBizMsgCrypt): the SHA-1 {@code msg_signature} over the sorted
 * token, timestamp, nonce and ciphertext, and AES-256-CBC with the key {@code
 * Base64(EncodingAESKey + "=")}, the IV its first 16 bytes, PKCS#7 padding to 32-byte blocks and
 * the plaintext {@code random(16) | length(4, big-endian) | message | receiveid}.
 *
 * <p>Public for the whole WeChat family: a WeChat Official Account's safe mode uses the same
 * scheme, with its AppID as the {@code receiveid}.
 */
public final class WecomCrypto {

  private static final int BLOCK = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String token;
  private final SecretKeySpec key;
  private final IvParameterSpec iv;
  private final String receiveId;

  /** Keys from the admin console's Token and EncodingAESKey; {@code receiveId} is the corp id. */
  public WecomCrypto(String token, String encodingAesKey, String receiveId) {
    this.token = Objects.requireNonNull(token, "token");
    this.receiveId = Objects.requireNonNull(receiveId, "receiveId");
    byte[] raw = Base64.getDecoder().decode(encodingAesKey + "=");
    if (raw.length != 32) {
      throw new IllegalArgumentException("an EncodingAESKey decodes to 32 bytes");
    }
    this.key = new SecretKeySpec(raw, "AES");
    this.iv = new IvParameterSpec(Arrays.copyOf(raw, 16));
  }

  /** The {@code msg_signature} WeCom computes: SHA-1 hex of the four values sorted and joined. */
  public static String signature(String token, String timestamp, String nonce, String encrypted) {
    String[] parts = {token, timestamp, nonce, encrypted};
    Arrays.sort(parts);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1")
          .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }

  /** The signature of a ciphertext with this channel's token. */
  public String sign(String timestamp, String nonce, String encrypted) {
    return signature(token, timestamp, nonce, encrypted);
  }

  /** Whether {@code presented} is the signature of these values, compared in constant time. */
  public boolean verify(String presented, String timestamp, String nonce, String encrypted) {
    if (presented == null || timestamp == null || nonce == null || encrypted == null) {
      return false;
    }
    byte[] expected = sign(timestamp, nonce, encrypted).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, presented.strip().toLowerCase(Locale.ROOT)
        .getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The message inside a ciphertext; fails with {@link Refused} when it does not decrypt to a
   * well-formed plaintext or was encrypted for another receiveid than this corp.
   */
  public String decrypt(String encrypted) {
    byte[] ciphertext;
    try {
      ciphertext = Base64.getDecoder().decode(encrypted);
    } catch (IllegalArgumentException e) {
      throw new Refused("the ciphertext is not Base64");
    }
    if (ciphertext.length == 0 || ciphertext.length % 16 != 0) {
      throw new Refused("the ciphertext is not a whole number of AES blocks");
    }
    byte[] plain;
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, iv);
      plain = cipher.doFinal(ciphertext);
    } catch (GeneralSecurityException e) {
      throw new Refused("the ciphertext does not decrypt");
    }
    int pad = plain[plain.length - 1] & 0xff;
    if (pad < 1 || pad > BLOCK || pad > plain.length) {
      throw new Refused("the padding is not PKCS#7 (wrong EncodingAESKey?)");
    }
    int end = plain.length - pad;
    if (end < 20) {
      throw new Refused("the plaintext is too short");
    }
    int length = ByteBuffer.wrap(plain, 16, 4).getInt();
    if (length < 0 || length > end - 20) {
      throw new Refused("the message length does not fit (wrong EncodingAESKey?)");
    }
    byte[] from = Arrays.copyOfRange(plain, 20 + length, end);
    if (!MessageDigest.isEqual(from, receiveId.getBytes(StandardCharsets.UTF_8))) {
      throw new Refused("the message was encrypted for another receiveid than this corp id");
    }
    return new String(plain, 20, length, StandardCharsets.UTF_8);
  }

  /** Encrypts a message for this corp with 16 fresh random bytes. */
  public String encrypt(String message) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    return encrypt(message, random);
  }

  /** Encrypts a message for this corp behind the given 16 bytes (tests pin them). */
  String encrypt(String message, byte[] random) {
    byte[] text = message.getBytes(StandardCharsets.UTF_8);
    byte[] id = receiveId.getBytes(StandardCharsets.UTF_8);
    int length = 16 + 4 + text.length + id.length;
    int pad = BLOCK - length % BLOCK;
    ByteBuffer plain = ByteBuffer.allocate(length + pad)
        .put(random, 0, 16)
        .putInt(text.length)
        .put(text)
        .put(id);
    while (plain.hasRemaining()) {
      plain.put((byte) pad);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, iv);
      return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CBC is missing from this JVM", e);
    }
  }

  /** A callback that failed verification or decryption; the message says why, never what. */
  public static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }
}
