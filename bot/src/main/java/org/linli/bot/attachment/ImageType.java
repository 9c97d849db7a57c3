package org.linli.bot.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The image types residents may send — JPEG, PNG, WebP and HEIC — recognised by their first bytes
 * (magic numbers), never by a file name or a declared type.
 */
public enum ImageType {
  JPEG("image/jpeg"),
  PNG("image/png"),
  WEBP("image/webp"),
  HEIC("image/heic");

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "hevm",
      "hevs", "mif1", "msf1");

  private final String contentType;

  ImageType(String contentType) {
    this.contentType = contentType;
  }

  /** The MIME type served with it. */
  public String contentType() {
    return contentType;
  }

  /** The type of {@code bytes}, or empty when they are none of the four. */
  public static Optional<ImageType> of(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, PNG_MAGIC, 0)) {
      return Optional.of(PNG);
    }
    if (bytes.length >= 12 && ascii(bytes, 0, 4).equals("RIFF") && ascii(bytes, 8, 4).equals("WEBP")) {
      return Optional.of(WEBP);
    }
    if (bytes.length >= 12 && ascii(bytes, 4, 4).equals("ftyp") && HEIC_BRANDS.contains(ascii(bytes, 8, 4))) {
      return Optional.of(HEIC);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
    if (bytes.length < at + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String ascii(byte[] bytes, int at, int length) {
    return new String(bytes, at, length, StandardCharsets.ISO_8859_1);
  }
}
