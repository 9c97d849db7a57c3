package org.linli.bot.attachment;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The checks a photo passes before it is kept: no larger than {@code attachments.maxBytes}, a JPEG,
 * PNG, WebP or HEIC by its first bytes, and — unless the resident chose to send a location — a
 * JPEG loses its EXIF (and with it the GPS position where it was taken). What is kept is named by
 * the SHA-256 of the bytes kept.
 */
public final class Attachments {

  /** A photo kept: its id, type and size in bytes. */
  public record Saved(String id, ImageType type, long bytes) {
  }

  /** A photo read back: its bytes and type. */
  public record Loaded(Buffer bytes, ImageType type) {
  }

  private final AttachmentStore store;
  private final long maxBytes;

  public Attachments(AttachmentStore store, long maxBytes) {
    this.store = store;
    this.maxBytes = maxBytes;
  }

  /** The largest photo accepted, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Checks and keeps {@code bytes}; {@code keepLocation} leaves a JPEG's EXIF in place (the resident
   * sent a location too). Fails with {@link AttachmentRefused}.
   */
  public Future<Saved> save(byte[] bytes, boolean keepLocation) {
    if (bytes.length > maxBytes) {
      return Future.failedFuture(new AttachmentRefused(AttachmentRefused.Reason.TOO_LARGE,
          "larger than " + maxBytes + " bytes"));
    }
    Optional<ImageType> type = ImageType.of(bytes);
    if (type.isEmpty()) {
      return Future.failedFuture(new AttachmentRefused(AttachmentRefused.Reason.NOT_AN_IMAGE,
          "not a JPEG, PNG, WebP or HEIC image"));
    }
    byte[] kept = bytes;
    if (type.get() == ImageType.JPEG && !keepLocation) {
      try {
        kept = JpegMetadata.strip(bytes);
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(new AttachmentRefused(AttachmentRefused.Reason.UNREADABLE, e.getMessage()));
      }
    }
    String id = sha256(kept);
    long size = kept.length;
    return store.put(id, Buffer.buffer(kept)).map(v -> new Saved(id, type.get(), size));
  }

  /** The photo kept under {@code id}, or null. */
  public Future<Loaded> load(String id) {
    if (!isId(id)) {
      return Future.succeededFuture(null);
    }
    return store.get(id).map(bytes -> bytes == null
        ? null
        : new Loaded(bytes, ImageType.of(bytes.getBytes(0, Math.min(bytes.length(), 32))).orElse(ImageType.JPEG)));
  }

  /** True for a well-formed id: 64 lower-case hex digits. */
  public static boolean isId(String id) {
    return id != null && id.matches("[0-9a-f]{64}");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
