package org.linli.webhooks;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

/**
 * The body of a media download, checked: a 2xx answer, no larger than the limit (by its {@code
 * Content-Length} and by the bytes received), else a failure that names neither token nor URL.
 */
public final class MediaDownload {

  private MediaDownload() {
  }

  /** The bytes of {@code response}, or a failure ({@link TooLarge} beyond {@code maxBytes}). */
  public static Future<Buffer> body(HttpResponse<Buffer> response, long maxBytes, String what) {
    if (response.statusCode() / 100 != 2) {
      return Future.failedFuture(new IllegalStateException(what + " answered " + response.statusCode()));
    }
    String length = response.getHeader("Content-Length");
    Buffer body = response.body() == null ? Buffer.buffer() : response.body();
    if ((length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes)
        || body.length() > maxBytes) {
      return Future.failedFuture(new TooLarge(maxBytes));
    }
    return Future.succeededFuture(body);
  }

  /** A photo larger than the attachment size limit. */
  public static final class TooLarge extends RuntimeException {
    private final long maxBytes;

    public TooLarge(long maxBytes) {
      super("larger than " + maxBytes + " bytes", null, false, false);
      this.maxBytes = maxBytes;
    }

    /** The limit exceeded. */
    public long maxBytes() {
      return maxBytes;
    }
  }
}
