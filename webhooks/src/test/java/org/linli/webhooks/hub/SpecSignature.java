package org.linli.webhooks.hub;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A second implementation of the Standard Webhooks signature, written from the specification's
 * text alone and sharing no code with {@link StandardWebhooks}: "The content to be signed is
 * {msg_id}.{timestamp}.{payload}", HMAC-SHA256, key = base64-decoded secret after {@code whsec_},
 * serialised as {@code v1,<base64>}.
 */
public final class SpecSignature {

  private SpecSignature() {
  }

  public static String of(String secret, String msgId, String timestamp, byte[] payload) {
    try {
      byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      content.writeBytes((msgId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      content.writeBytes(payload);
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      return "v1," + Base64.getEncoder().encodeToString(hmac.doFinal(content.toByteArray()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
