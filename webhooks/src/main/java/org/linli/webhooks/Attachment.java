package org.linli.webhooks;

import java.util.Objects;

/**
 * A photo or a location a resident sent with (or instead of) a message, as the platform delivered
 * it: for an image, the platform's media reference (Telegram's {@code file_id}, WeCom's {@code
 * MediaId}, Feishu's {@code image_key}, DingTalk's {@code downloadCode}), a URL of the bytes, or the
 * bytes themselves in Base64 (the generic channel); for a location, its coordinates and label. The
 * bytes are fetched later, by the platform's {@link MediaFetcher}.
 *
 * @param kind image or location
 * @param ref the platform's media reference, or empty
 * @param url where the bytes can be downloaded, or empty
 * @param base64 the bytes in Base64 (generic channel only), or empty
 * @param latitude degrees north, for a location
 * @param longitude degrees east, for a location
 * @param label the place's name or address, for a location (may be empty)
 */
public record Attachment(
    Kind kind, String ref, String url, String base64, double latitude, double longitude, String label) {

  /** What was sent. */
  public enum Kind {
    IMAGE,
    LOCATION
  }

  public Attachment {
    Objects.requireNonNull(kind, "kind");
    ref = ref == null ? "" : ref;
    url = url == null ? "" : url;
    base64 = base64 == null ? "" : base64;
    label = label == null ? "" : label;
    if (kind == Kind.IMAGE && ref.isEmpty() && url.isEmpty() && base64.isEmpty()) {
      throw new IllegalArgumentException("an image needs a media reference, a URL or its bytes");
    }
    if (kind == Kind.LOCATION && (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180))) {
      throw new IllegalArgumentException("a location needs a latitude within ±90 and a longitude within ±180");
    }
  }

  /** An image known by the platform's media reference. */
  public static Attachment imageRef(String ref) {
    return new Attachment(Kind.IMAGE, ref, "", "", 0, 0, "");
  }

  /** An image whose bytes are at {@code url} (and, when known, also by the platform's {@code ref}). */
  public static Attachment imageUrl(String url, String ref) {
    return new Attachment(Kind.IMAGE, ref, url, "", 0, 0, "");
  }

  /** An image sent inline, in Base64. */
  public static Attachment imageBytes(String base64) {
    return new Attachment(Kind.IMAGE, "", "", base64, 0, 0, "");
  }

  /** A location. */
  public static Attachment location(double latitude, double longitude, String label) {
    return new Attachment(Kind.LOCATION, "", "", "", latitude, longitude, label);
  }

  /** True for an image. */
  public boolean isImage() {
    return kind == Kind.IMAGE;
  }

  @Override
  public String toString() {
    // Locations and media references are personal data: never in the logs.
    return "Attachment[" + kind + "]";
  }
}
