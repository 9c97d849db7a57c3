package org.linli.bot;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature written again from the spec, independent of the service's code:
 * base64(HMAC-SHA256(base64-decoded secret after "whsec_", id + "." + timestamp + "." + body)).
 */
final class SpecSignature {

  private SpecSignature() {}

  static String v1(String secret, String id, String timestamp, byte[] body) {
    try {
      byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      content.writeBytes((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      content.writeBytes(body);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content.toByteArray()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
