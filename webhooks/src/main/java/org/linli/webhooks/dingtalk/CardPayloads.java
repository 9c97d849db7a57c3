package org.linli.webhooks.dingtalk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.linli.config.Secret;

/**
 * What a card button sends back when pressed: the conversation the card was posted in and the
 * button's Linli data ({@code vote:<poll>:<option>} ...), sealed with an HMAC so that a callback
 * whose button data was altered is refused.
 *
 * <p>DingTalk's own callback signature covers only a timestamp, not the body, so this seal is what
 * ties the data of a press to a card Linli sent. Form: {@code base64url(chat) "." base64url(data)
 * "." base64url(HmacSHA256(key, "linli-card\n" + chat + "\n" + data)[0..16))}.
 */
final class CardPayloads {

  /** A button's data and the conversation of its card, read back from a valid seal. */
  record Press(String chatId, String data) {
  }

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAC_BYTES = 16;

  private final Secret key;

  /** Seals with {@code key} (the card callback's apiSecret). */
  CardPayloads(Secret key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  /** The payload a button of a card in {@code chatId} carries for {@code data}. */
  String seal(String chatId, String data) {
    return encode(chatId) + "." + encode(data) + "." + ENCODER.encodeToString(mac(chatId, data));
  }

  /** The press a payload stands for, or empty when it is malformed or its seal does not match. */
  Optional<Press> open(String payload) {
    if (payload == null || !key.isSet()) {
      return Optional.empty();
    }
    String[] parts = payload.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      String chatId = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
      String data = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8);
      byte[] presented = DECODER.decode(parts[2]);
      if (chatId.isEmpty() || data.isEmpty() || !MessageDigest.isEqual(mac(chatId, data), presented)) {
        return Optional.empty();
      }
      return Optional.of(new Press(chatId, data));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String encode(String text) {
    return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] mac(String chatId, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] full = mac.doFinal(("linli-card\n" + chatId + "\n" + data).getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(full, MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
