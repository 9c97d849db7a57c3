package org.linli.bot.attachment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.linli.bot.keys.KeyFile;
import org.linli.config.Secret;

/**
 * Signed, expiring links to stored photos, for the hub: {@code <public
 * url>/attachments/<id>?expires=<epoch seconds>&sig=<base64url HMAC-SHA256(key, id + "." +
 * expires)>}. The key is {@code attachments.linkSecret}, or one generated once into {@value #FILE}
 * under the data directory.
 */
public final class AttachmentLinks {

  /** Where the generated key is kept, under the data directory. */
  public static final String FILE = "keys/attachment-links.key";

  /** The route's path prefix. */
  public static final String PATH = "/attachments/";

  private final SecretKeySpec key;
  private final Duration validity;
  private final Clock clock;

  AttachmentLinks(byte[] key, Duration validity, Clock clock) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.validity = validity;
    this.clock = clock;
  }

  /** Links under the configured key, else the generated one in {@code dataDir}. */
  public static AttachmentLinks of(Secret configured, Path dataDir, Duration validity, Clock clock) {
    byte[] key = configured.isSet()
        ? configured.reveal().getBytes(StandardCharsets.UTF_8)
        : fromFile(dataDir.resolve(FILE));
    return new AttachmentLinks(key, validity, clock);
  }

  /** The path and query of a link to {@code id}, valid from now for the configured days. */
  public String link(String id) {
    long expires = clock.instant().plus(validity).getEpochSecond();
    return PATH + id + "?expires=" + expires + "&sig=" + sign(id, expires);
  }

  /** True when {@code sig} signs {@code id} and {@code expires}, and {@code expires} has not passed. */
  public boolean valid(String id, String expires, String sig) {
    if (id == null || expires == null || sig == null || !expires.matches("\\d{1,12}")) {
      return false;
    }
    long at = Long.parseLong(expires);
    boolean signed = MessageDigest.isEqual(sign(id, at).getBytes(StandardCharsets.US_ASCII),
        sig.getBytes(StandardCharsets.US_ASCII));
    return signed && clock.instant().isBefore(Instant.ofEpochSecond(at));
  }

  private String sign(String id, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] tag = mac.doFinal((id + "." + expires).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static byte[] fromFile(Path file) {
    return KeyFile.readOrCreate(file, "attachment link key");
  }
}
