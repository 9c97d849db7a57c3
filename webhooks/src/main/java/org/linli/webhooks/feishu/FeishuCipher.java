package org.linli.webhooks.feishu;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.linli.config.Secret;

/**
 * Opens Feishu's encrypted event bodies ({@code {"encrypt": "<base64>"}}): AES-256-CBC with key
 * SHA-256(encryptKey), the first 16 decoded bytes as IV, the rest ciphertext, PKCS#7 padding.
 */
final class FeishuCipher {

  private FeishuCipher() {
  }

  /** The plaintext JSON; throws {@link IllegalArgumentException} when it cannot be opened. */
  static String decrypt(Secret encryptKey, String encrypted) {
    byte[] data;
    try {
      data = Base64.getDecoder().decode(encrypted.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"encrypt\" is not Base64");
    }
    if (data.length < 32 || data.length % 16 != 0) {
      throw new IllegalArgumentException("\"encrypt\" is not AES-CBC data");
    }
    try {
      byte[] key = MessageDigest.getInstance("SHA-256").digest(encryptKey.reveal().getBytes(StandardCharsets.UTF_8));
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(data, 0, 16));
      return new String(cipher.doFinal(data, 16, data.length - 16), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("\"encrypt\" does not open with our encrypt key");
    }
  }
}
