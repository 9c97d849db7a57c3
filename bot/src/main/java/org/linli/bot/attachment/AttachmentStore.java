package org.linli.bot.attachment;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * Where photos residents send are kept, by content: the id of a photo is the SHA-256 of its
 * (checked, stripped) bytes in hex, so a photo sent twice is kept once. A folder under the data
 * directory ({@link LocalAttachmentStore}) or, for several instances sharing one store, an
 * S3-compatible object store ({@link S3AttachmentStore}).
 */
public interface AttachmentStore extends AutoCloseable {

  /** Keeps {@code bytes} under {@code id} (the SHA-256 of the bytes, in hex); keeping it again changes nothing. */
  Future<Void> put(String id, Buffer bytes);

  /** The bytes kept under {@code id}, or null when there are none. */
  Future<Buffer> get(String id);

  /** Lets go of what the store holds (connections, threads); a folder holds nothing. */
  @Override
  default void close() {
  }
}
