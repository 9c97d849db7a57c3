package org.linli.bot.attachment;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Photos in a folder ({@code <data>/attachments} by default): one file per photo named by its id,
 * in sub-folders by the id's first two characters, readable by the service's user only. Written
 * to a temporary file first and moved into place, so a reader never sees half a photo. File work
 * runs off the event loop.
 */
public final class LocalAttachmentStore implements AttachmentStore {

  private final Vertx vertx;
  private final Path root;

  public LocalAttachmentStore(Vertx vertx, Path root) {
    this.vertx = vertx;
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Future<Void> put(String id, Buffer bytes) {
    Path file = file(id);
    return vertx.executeBlocking(() -> {
      if (Files.exists(file)) {
        return null;
      }
      Files.createDirectories(root, ownerOnly(root, "rwx------"));
      Files.createDirectories(file.getParent(), ownerOnly(file.getParent(), "rwx------"));
      Path temp = Files.createTempFile(file.getParent(), ".incoming-", ".part", ownerOnly(file, "rw-------"));
      try {
        Files.write(temp, bytes.getBytes());
        try {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file);
        }
      } catch (FileAlreadyExistsException raced) {
        // The same photo, stored by another request at the same moment.
      } finally {
        Files.deleteIfExists(temp);
      }
      return null;
    }, false);
  }

  @Override
  public Future<Buffer> get(String id) {
    Path file = file(id);
    return vertx.executeBlocking(() -> {
      try {
        return Buffer.buffer(Files.readAllBytes(file));
      } catch (NoSuchFileException e) {
        return null;
      }
    }, false);
  }

  /** The file of {@code id}; only a SHA-256 in hex names one, so no id can leave the folder. */
  Path file(String id) {
    if (!Attachments.isId(id)) {
      throw new IllegalArgumentException("not an attachment id");
    }
    return root.resolve(id.substring(0, 2)).resolve(id);
  }

  private static FileAttribute<?>[] ownerOnly(Path path, String permissions) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
        : new FileAttribute<?>[0];
  }

  @Override
  public String toString() {
    return "LocalAttachmentStore[" + root + "]";
  }

}
