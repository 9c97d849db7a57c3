package org.linli.webhooks;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * Downloads the bytes of an image a resident sent, through the platform's API (Telegram {@code
 * getFile}, WeCom {@code media/get}, Feishu message resources, DingTalk {@code downloadCode}).
 * Fails when the bytes are larger than {@code maxBytes}, so a large file is never held in memory.
 */
public interface MediaFetcher {

  /** The bytes of {@code image} (sent in message {@code messageId}), at most {@code maxBytes}. */
  Future<Buffer> fetch(Attachment image, String messageId, long maxBytes);

  /** A fetcher for a platform whose images come with their URL or bytes only. */
  static MediaFetcher none() {
    return (image, messageId, maxBytes) -> Future.failedFuture(
        new IllegalStateException("this platform has no API to fetch media references"));
  }
}
